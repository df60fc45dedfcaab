/** Fields of the kinds that end the synchronous path: queue, stream, pub/sub. */
import { SPECIFIC_DEFAULTS } from '../defaults';
import { LIMITS, wholeNumber } from '../fields';
import { ROLE_ASYNC, type StationPlan } from '../plan';

export const asyncFields = {
  /** Messages waiting at most; an enqueue beyond it is rejected. Unbounded when omitted. */
  maxDepth: wholeNumber(0, LIMITS.maxQueue).optional(),
  /** Processing attempts per message before it goes to the dead-letter queue. */
  maxAttempts: wholeNumber(1, LIMITS.maxAttempts).optional(),
};

export function makeAsync(station: StationPlan, c: { maxDepth?: number | undefined; maxAttempts?: number | undefined }): StationPlan {
  station.role = ROLE_ASYNC;
  station.maxDepth = c.maxDepth ?? Infinity;
  station.maxAttempts = c.maxAttempts ?? SPECIFIC_DEFAULTS.queueMaxAttempts.value;
  return station;
}
