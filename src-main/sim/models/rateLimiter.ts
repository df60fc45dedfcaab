/**
 * Rate limiter: a token bucket refilled at ratePerSec, holding at most burst
 * tokens. A request that finds the bucket empty is rejected at once (HTTP 429).
 */
import { z } from 'zod';
import { SPECIFIC_DEFAULTS } from '../defaults';
import { LIMITS, positive, wholeNumber } from '../fields';
import { baseStation, commonFields, concurrencyField, kindLiteral } from './common';
import { ROLE_RATE_LIMITER, type StationPlan } from '../plan';

export const rateLimiterSchema = z.strictObject({
  kind: kindLiteral('rateLimiter'),
  ...commonFields,
  concurrency: concurrencyField,
  ratePerSec: positive(LIMITS.maxRatePerSec, 'requests per second'),
  burst: wholeNumber(1, LIMITS.maxQueue).optional(),
});

export function rateLimiterStation(id: string, index: number, c: z.output<typeof rateLimiterSchema>): StationPlan {
  const station = baseStation('rateLimiter', id, index, c, c.concurrency);
  station.role = ROLE_RATE_LIMITER;
  station.rateLimit = { ratePerSec: c.ratePerSec, burst: c.burst ?? SPECIFIC_DEFAULTS.rateLimiterBurst.value };
  return station;
}

/**
 * Token-bucket state for one limiter, refilled lazily at each request so no
 * timer events are needed.
 */
export class TokenBucket {
  private tokens: number;
  private lastSec = 0;

  constructor(
    private readonly ratePerSec: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  tryTake(nowSec: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + (nowSec - this.lastSec) * this.ratePerSec);
    this.lastSec = nowSec;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
