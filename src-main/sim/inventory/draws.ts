/**
 * Counts drawn from a seeded stream: Poisson arrivals in an interval and
 * binomial splits of a batch. Exact for small means, a rounded normal
 * beyond (the counts here only need the right mean and spread, and a sale of
 * 100K units must stay cheap).
 */
import type { RandomStream } from '../engine/rng';

const EXACT_BELOW = 30;

export function poisson(rng: RandomStream, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean < EXACT_BELOW) {
    // Knuth: multiply uniforms until the product drops below e^-mean.
    const limit = Math.exp(-mean);
    let k = 0;
    let p = rng.next();
    while (p > limit) {
      k++;
      p *= rng.next();
    }
    return k;
  }
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.normal()));
}

export function binomial(rng: RandomStream, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n < EXACT_BELOW) {
    let k = 0;
    for (let i = 0; i < n; i++) if (rng.next() < p) k++;
    return k;
  }
  const mean = n * p;
  return Math.min(n, Math.max(0, Math.round(mean + Math.sqrt(mean * (1 - p)) * rng.normal())));
}
