/**
 * Virtual queue: an admission gate (a sorted set of waiting buyers). A user is
 * answered once joined; a token worker then releases at most admitPerSec of
 * them, first come first served, to the hops after it (which run in the
 * background, as after a queue). The rest wait: the gate's queue depth. Unlike
 * a rate limiter it rejects nobody (unless maxWaiting is full), so users have
 * no reason to retry. The gate does not retry a released user whose later
 * hops fail: those count as dead-lettered.
 */
import { z } from 'zod';
import { SPECIFIC_DEFAULTS } from '../defaults';
import { LIMITS, positive, wholeNumber } from '../fields';
import { baseStation, commonFields, kindLiteral } from './common';
import { makeAsync } from './asyncFields';
import type { StationPlan } from '../plan';

export const virtualQueueSchema = z.strictObject({
  kind: kindLiteral('virtualQueue'),
  ...commonFields,
  /** Users released to the next hop per second. */
  admitPerSec: positive(LIMITS.maxRatePerSec, 'users per second').optional(),
  /** Users waiting at most; a join beyond it is rejected. Unbounded when omitted. */
  maxWaiting: wholeNumber(0, LIMITS.maxUsers).optional(),
});

export function virtualQueueStation(id: string, index: number, c: z.output<typeof virtualQueueSchema>): StationPlan {
  const station = makeAsync(baseStation('virtualQueue', id, index, c, undefined), { maxAttempts: 1 });
  station.admission = { admitPerSec: c.admitPerSec ?? SPECIFIC_DEFAULTS.virtualQueueAdmitPerSec.value, maxWaiting: c.maxWaiting ?? Infinity };
  return station;
}
