/** Analytics sink: a write-optimised store that telemetry should reach off the request path. */
import { z } from 'zod';
import type { StationPlan } from '../plan';
import { baseStation, commonFields, concurrencyField, kindLiteral, threadsOption } from './common';
import { defineKind } from './kind';
import { NO_ERRORS } from './sources';

const writesAtOnce = { value: 100, source: 'assumption: a write-optimised store takes many writes at once' };

export const analyticsSink = defineKind({
  kind: 'analyticsSink',
  traits: [],
  defaults: {
    serviceTime: { value: { distribution: 'exponential', meanMs: 5 }, source: 'assumption: a batched analytics write' },
    baseLatencyMs: { value: 1, source: 'assumption: one network hop' },
    concurrency: writesAtOnce,
    costPerInstancePerMonth: { value: 50, source: 'assumption: a small columnar/time-series store' },
    errorRate: NO_ERRORS,
  },
  settings: {},
  palette: {
    label: 'Analytics sink',
    purpose: 'A write-optimised store for events and statistics.',
    maxInstances: 10,
    options: [threadsOption(writesAtOnce.value, 'Writes one instance takes at once.')],
  },
  schema: z.strictObject({ kind: kindLiteral('analyticsSink'), ...commonFields, concurrency: concurrencyField }),
  toStation: (id, index, c): StationPlan => baseStation(analyticsSink, id, index, c, c.concurrency),
});
