/** Traffic source: the users' side of the system. Passes requests through; costs nothing. */
import { z } from 'zod';
import type { StationPlan } from '../plan';
import { baseStation, commonFields, kindLiteral } from './common';
import { defineKind } from './kind';
import { assumedZero, NO_ERRORS } from './sources';

export const source = defineKind({
  kind: 'source',
  traits: [],
  defaults: {
    serviceTime: { value: { distribution: 'deterministic', meanMs: 0 }, source: 'assumption: the users themselves take no service time' },
    baseLatencyMs: assumedZero('client network time is left out unless set'),
    concurrency: { value: 1_000_000, source: 'assumption: users never queue for themselves' },
    costPerInstancePerMonth: assumedZero('users cost nothing to run'),
    errorRate: NO_ERRORS,
  },
  settings: {},
  // The users are where every path starts, never something the learner places.
  palette: null,
  schema: z.strictObject({ kind: kindLiteral('source'), ...commonFields }),
  toStation: (id, index, c): StationPlan => baseStation(source, id, index, c, undefined),
});
