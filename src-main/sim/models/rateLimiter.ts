/**
 * Rate limiter: a token bucket refilled at ratePerSec, holding at most burst
 * tokens. A request that finds the bucket empty is rejected at once (HTTP 429),
 * or, with whenEmpty: wait, waits its turn: workers that protect a downstream
 * queue for a token instead of failing. Waiting is a pacer (tokens spaced
 * 1 / ratePerSec apart, no burst): one server per instance whose fixed service
 * is that spacing, so it works the same at both levels.
 */
import { z } from 'zod';
import { LIMITS, positive, wholeNumber } from '../fields';
import { ROLE_RATE_LIMITER, type StationPlan } from '../plan';
import { baseStation, commonFields, concurrencyField, kindLiteral } from './common';
import { defineKind } from './kind';
import { NO_ERRORS, ONE_HOP } from './sources';

const settings = {
  rateLimiterBurst: { value: 100, source: 'assumption' },
} as const;

export const rateLimiter = defineKind({
  kind: 'rateLimiter',
  traits: [],
  defaults: {
    serviceTime: { value: { distribution: 'deterministic', meanMs: 0.2 }, source: 'assumption: a token-bucket check is an in-memory counter' },
    baseLatencyMs: { value: 0.3, source: ONE_HOP },
    concurrency: { value: 1000, source: 'assumption: the check itself is never the bottleneck' },
    costPerInstancePerMonth: { value: 20, source: 'assumption: a small shared instance' },
    errorRate: NO_ERRORS,
  },
  settings,
  palette: {
    label: 'Rate limiter',
    purpose: 'Rejects requests beyond a rate (token bucket).',
    maxInstances: 4,
    options: [
      { key: 'ratePerSec', label: 'Allowed rate', help: 'Tokens added per second; requests without a token are rejected.', type: 'number', unit: 'req/s', min: 1, max: 1_000_000, step: 1, default: 1000 },
      { key: 'burst', label: 'Burst', help: 'Tokens the bucket holds: how big a burst passes at once.', type: 'number', unit: 'requests', min: 1, max: 1_000_000, step: 1, default: settings.rateLimiterBurst.value },
    ],
  },
  schema: z.strictObject({
    kind: kindLiteral('rateLimiter'),
    ...commonFields,
    concurrency: concurrencyField,
    ratePerSec: positive(LIMITS.maxRatePerSec, 'requests per second'),
    burst: wholeNumber(1, LIMITS.maxQueue).optional(),
    whenEmpty: z.enum(['reject', 'wait'], { error: 'expected reject or wait' }).optional(),
  }).refine((c) => c.whenEmpty !== 'wait' || c.burst === undefined, { error: 'expected no burst when callers wait (the pacer lets no burst through)', path: ['burst'] }),
  toStation(id, index, c): StationPlan {
    if (c.whenEmpty === 'wait') {
      // One token at a time per instance, spaced so that all instances together pass ratePerSec.
      const instances = c.instances ?? 1;
      return baseStation(rateLimiter, id, index, { ...c, serviceTime: { distribution: 'deterministic', meanMs: (1000 * instances) / c.ratePerSec } }, 1);
    }
    const station = baseStation(rateLimiter, id, index, c, c.concurrency);
    station.role = ROLE_RATE_LIMITER;
    station.rateLimit = { ratePerSec: c.ratePerSec, burst: c.burst ?? settings.rateLimiterBurst.value };
    return station;
  },
});

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
