/**
 * Queue: the user is answered once the message is accepted ("enqueue, then
 * answer"); the hops after it run in the background. Messages wait here until
 * the next hop (usually a worker pool) takes them. A message that fails
 * downstream is retried from the queue up to maxAttempts times, then
 * dead-lettered.
 */
import { z } from 'zod';
import { baseStation, commonFields, kindLiteral } from './common';
import { asyncFields, makeAsync } from './asyncFields';
import type { StationPlan } from '../plan';

export const queueSchema = z.strictObject({ kind: kindLiteral('queue'), ...commonFields, ...asyncFields });

export function queueStation(id: string, index: number, c: z.output<typeof queueSchema>): StationPlan {
  return makeAsync(baseStation('queue', id, index, c, undefined), c);
}
