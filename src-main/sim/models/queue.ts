/**
 * Queue: the user is answered once the message is accepted ("enqueue, then
 * answer"); the hops after it run in the background. Messages wait here until
 * the next hop (usually a worker pool) takes them. A message that fails
 * downstream is retried from the queue up to maxAttempts times, then
 * dead-lettered.
 */
import { z } from 'zod';
import type { StationPlan } from '../plan';
import { asyncFields, asyncSettings, attemptsBeforeDeadLetterOption, makeAsync } from './asyncFields';
import { baseStation, commonFields, ifPositive, kindLiteral } from './common';
import { defineKind } from './kind';
import { NO_ERRORS } from './sources';

export const queue = defineKind({
  kind: 'queue',
  traits: ['asynchronous'],
  defaults: {
    serviceTime: { value: { distribution: 'deterministic', meanMs: 0 }, source: 'assumption: the enqueue cost is the network hop below' },
    baseLatencyMs: { value: 2, source: 'assumption: a durable enqueue takes a couple of milliseconds' },
    concurrency: { value: 1_000_000, source: 'assumption: accepting a message never waits for a consumer' },
    costPerInstancePerMonth: { value: 20, source: 'assumption: a managed queue at moderate volume' },
    errorRate: NO_ERRORS,
  },
  settings: asyncSettings,
  palette: {
    label: 'Queue',
    purpose: 'Accepts work now so it can be done later, in the background.',
    maxInstances: 1,
    options: [
      { key: 'maxDepth', label: 'Bound', help: 'Messages it holds before refusing more; 0 means unbounded.', type: 'number', unit: 'messages', min: 0, max: 10_000_000, step: 1, default: 0 },
      attemptsBeforeDeadLetterOption,
    ],
    toModel: (o) => ({ maxAttempts: o.maxAttempts, ...ifPositive(o, 'maxDepth') }),
  },
  schema: z.strictObject({ kind: kindLiteral('queue'), ...commonFields, ...asyncFields }),
  toStation: (id, index, c): StationPlan => makeAsync(baseStation(queue, id, index, c, undefined), c),
});
