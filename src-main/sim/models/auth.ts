/** Authentication service: CPU-bound checks, so few requests at once per instance. */
import { z } from 'zod';
import type { StationPlan } from '../plan';
import { commonFields, instanceFields, instanceStation, kindLiteral, threadsOption } from './common';
import { defineKind } from './kind';
import { ASSUMED_VM, NO_ERRORS, ONE_HOP } from './sources';

const threads = { value: 4, source: 'assumption: hashing is CPU bound, one request per core' };

export const auth = defineKind({
  kind: 'auth',
  traits: ['holdsCaller', 'sizedInstance'],
  defaults: {
    serviceTime: { value: { distribution: 'exponential', meanMs: 15 }, source: 'assumption: token checks are ~1 ms, password hashing ~50-100 ms; 15 ms is a mix' },
    baseLatencyMs: { value: 0.5, source: ONE_HOP },
    concurrency: threads,
    costPerInstancePerMonth: { value: 70, source: ASSUMED_VM },
    errorRate: NO_ERRORS,
  },
  settings: {},
  palette: {
    label: 'Auth service',
    purpose: 'Checks passwords and tokens apart from product code.',
    maxInstances: 20,
    options: [threadsOption(threads.value, 'Hashing is CPU bound: one request per core.')],
  },
  schema: z.strictObject({ kind: kindLiteral('auth'), ...commonFields, ...instanceFields }),
  toStation: (id, index, c): StationPlan => instanceStation(auth, id, index, c),
});
