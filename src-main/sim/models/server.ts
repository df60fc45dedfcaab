/** Application server: instances x threads, each instance with its own waiting line. */
import { z } from 'zod';
import type { StationPlan } from '../plan';
import { commonFields, instanceFields, instanceStation, kindLiteral, threadsOption } from './common';
import { defineKind } from './kind';
import { ASSUMED_VM, NO_ERRORS, ONE_HOP } from './sources';

const threads = { value: 8, source: 'assumption: 8 worker threads per instance' };

export const server = defineKind({
  kind: 'server',
  traits: ['holdsCaller', 'sizedInstance'],
  defaults: {
    serviceTime: { value: { distribution: 'exponential', meanMs: 20 }, source: 'assumption: 20 ms of application work per request' },
    baseLatencyMs: { value: 0.5, source: ONE_HOP },
    concurrency: threads,
    costPerInstancePerMonth: { value: 70, source: ASSUMED_VM },
    errorRate: NO_ERRORS,
  },
  settings: {},
  palette: {
    label: 'App server',
    purpose: 'Runs the application code for each request.',
    maxInstances: 50,
    options: [threadsOption(threads.value, 'Requests one instance works on at once.')],
  },
  schema: z.strictObject({ kind: kindLiteral('server'), ...commonFields, ...instanceFields }),
  toStation: (id, index, c): StationPlan => instanceStation(server, id, index, c),
});
