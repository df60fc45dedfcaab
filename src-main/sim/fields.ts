/**
 * Small zod builders for the model language. Each carries the sentence a
 * learner reads when the value is wrong ("expected a whole number >= 1").
 */
import { z } from 'zod';

const fmt = (n: number): string => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: 6 }) : String(n));

export function wholeNumber(min: number, max: number) {
  const error = `expected a whole number from ${fmt(min)} to ${fmt(max)}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

/** A finite number in [min, max]; `what` names the unit, e.g. "milliseconds". */
export function numberIn(min: number, max: number, what = 'a number') {
  const error = `expected ${what} from ${fmt(min)} to ${fmt(max)}`;
  return z.number({ error }).min(min, { error }).max(max, { error });
}

/** A number > 0 and <= max. */
export function positive(max: number, what = 'a number') {
  const error = `expected ${what} greater than 0 and at most ${fmt(max)}`;
  return z.number({ error }).gt(0, { error }).max(max, { error });
}

export const fraction = numberIn(0, 1, 'a fraction');

export const identifier = z
  .string({ error: 'expected a name' })
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, { error: 'expected a name of letters, digits, "-" or "_" starting with a letter' });

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `expected one of: ${values.join(', ')}` });
}

/** Upper bounds that keep parameters sane; documented in README.md. */
export const LIMITS = {
  maxInstances: 10_000,
  maxConcurrency: 1_000_000,
  maxMs: 86_400_000,
  maxRatePerSec: 10_000_000,
  maxUsers: 100_000_000,
  maxDurationSec: 30 * 86_400,
  maxCacheKeys: 1_000_000,
  maxQueue: 100_000_000,
  maxAttempts: 20,
  /** A request-level run stops being a widget above this many user requests. */
  maxRequestLevelRequests: 5_000_000,
  /** ...or this many events (retries and fan-out multiply events per request). */
  maxRequestLevelEvents: 200_000_000,
  /**
   * ...or this many jobs (attempts and background messages) alive at once: only a system far past its capacity
   * piles up this many, each holds 20 numbers (about 50 MB in all), and the horizon level says the same in kilobytes.
   */
  maxRequestLevelJobs: 1 << 18,
  /**
   * User requests in one run at either level: 115,000 a second for a day. The horizon's counts and backlogs stay
   * exact far past it, but a run this big describes no system a lesson or scenario models (they offer under 10^9).
   */
  maxRunRequests: 10_000_000_000,
  // The model's size, checked before anything is parsed field by field. Real models have a few dozen parts.
  maxComponents: 100,
  maxWorkloads: 100,
  maxHops: 100,
  maxFaults: 100,
  /** Values (numbers, strings, lists, maps) in the whole model. */
  maxModelValues: 10_000,
  /** Lists and maps within each other: a model uses about 6. */
  maxModelDepth: 20,
  /** Characters in a model file. */
  maxModelChars: 256_000,
} as const;

const distributions = ['exponential', 'deterministic', 'uniform', 'lognormal'] as const;

/** A service time spelled out: what the schema below accepts as an object, and what each kind's default is. */
export interface ServiceTimeSpec {
  distribution: (typeof distributions)[number];
  meanMs?: number;
  minMs?: number;
  maxMs?: number;
  cv?: number;
}

/**
 * A service time: a number is a mean in milliseconds (keeping the kind's
 * default distribution); an object names the distribution.
 */
export const serviceTimeSchema = z.union(
  [
    numberIn(0, LIMITS.maxMs, 'milliseconds'),
    z
      .strictObject({
        distribution: oneOf(distributions),
        meanMs: numberIn(0, LIMITS.maxMs, 'milliseconds').optional(),
        minMs: numberIn(0, LIMITS.maxMs, 'milliseconds').optional(),
        maxMs: numberIn(0, LIMITS.maxMs, 'milliseconds').optional(),
        cv: numberIn(0, 10, 'a coefficient of variation').optional(),
      })
      .superRefine((v, ctx) => {
        if (v.distribution === 'uniform') {
          if (v.minMs === undefined || v.maxMs === undefined) {
            ctx.addIssue({ code: 'custom', path: [v.minMs === undefined ? 'minMs' : 'maxMs'], message: 'expected minMs and maxMs for a uniform distribution' });
          } else if (v.minMs > v.maxMs) {
            ctx.addIssue({ code: 'custom', path: ['maxMs'], message: 'expected maxMs >= minMs' });
          }
        } else if (v.meanMs === undefined) {
          ctx.addIssue({ code: 'custom', path: ['meanMs'], message: `expected meanMs for a ${v.distribution} distribution` });
        }
      }),
  ],
  { error: 'expected a mean in milliseconds or { distribution, meanMs | minMs+maxMs, cv }' },
);
