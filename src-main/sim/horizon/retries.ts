/**
 * The arithmetic of trying again, shared by a user's retries (each attempt
 * fails with probability f, at most m attempts) and a queue's redeliveries
 * (each pass fails with probability f, at most maxAttempts passes).
 */
import type { RetryPlan } from '../plan';

/** Tries an item makes when each fails with probability f and it gets at most m: (1 − f^m) / (1 − f). */
export function triesPerItem(f: number, m: number): number {
  return f < 1 ? (1 - Math.pow(f, m)) / (1 - f) : m;
}

/** Of the items that got done within m tries (each failing with probability f), the share done on try k. */
export function doneOnTry(f: number, m: number, k: number): number {
  return f < 1 ? (Math.pow(f, k - 1) * (1 - f)) / (1 - Math.pow(f, m)) : 1 / m;
}

/** Tries an item makes that are followed by another if they fail (every try but a last one): Σ f^(k−1), k < m. */
export function retriableTries(f: number, m: number): number {
  let sum = 0;
  for (let k = 1; k < m; k++) sum += Math.pow(f, k - 1);
  return sum;
}

/** Mean wait after attempt number `attempt` fails, before the next (jitter draws it below the delay: half on average). */
export function backoffMean(retry: RetryPlan, attempt: number): number {
  if (retry.policy === 'none') return 0;
  let d = retry.baseDelaySec;
  if (retry.policy === 'exponential') d = Math.min(retry.maxDelaySec, d * Math.pow(2, attempt - 1));
  return retry.jitter ? d / 2 : d;
}
