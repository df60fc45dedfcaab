/**
 * External dependency (payment, email): a call with its own latency and
 * failure rate that we do not control. By default the provider has no
 * concurrency limit; maxConcurrent models one (e.g. a provider rate plan).
 */
import { z } from 'zod';
import { LIMITS, wholeNumber } from '../fields';
import type { StationPlan } from '../plan';
import { baseStation, commonFields, kindLiteral } from './common';
import { defineKind } from './kind';
import { assumedZero, SCENARIOS_FLASH_SALE } from './sources';

export const external = defineKind({
  kind: 'external',
  traits: [],
  defaults: {
    serviceTime: { value: { distribution: 'uniform', minMs: 200, maxMs: 500 }, source: `a payment call takes 200-500 ms (${SCENARIOS_FLASH_SALE})` },
    baseLatencyMs: assumedZero('the call time above already includes the network'),
    concurrency: { value: 1_000_000, source: 'assumption: the provider is not our capacity to plan' },
    costPerInstancePerMonth: { value: 0, source: 'assumption: billed per call by the provider, outside the budget' },
    errorRate: { value: 0.01, source: 'assumption: 1 % of third-party calls fail' },
  },
  settings: {},
  // A third party is part of the scenario (a fixed component), not something the learner buys.
  palette: null,
  schema: z.strictObject({ kind: kindLiteral('external'), ...commonFields, maxConcurrent: wholeNumber(1, LIMITS.maxConcurrency).optional() }),
  toStation: (id, index, c): StationPlan => baseStation(external, id, index, c, c.maxConcurrent),
});
