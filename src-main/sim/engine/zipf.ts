/**
 * Draws key ranks 0..n-1 with Zipf popularity: P(rank i) ∝ (i + 1)^-exponent.
 * Inverse-CDF by binary search over a precomputed table.
 */
import type { RandomStream } from './rng';

export class ZipfKeys {
  private readonly cdf: Float64Array;

  constructor(
    readonly keyCount: number,
    readonly exponent: number,
  ) {
    this.cdf = new Float64Array(keyCount);
    let sum = 0;
    for (let i = 0; i < keyCount; i++) {
      sum += Math.pow(i + 1, -exponent);
      this.cdf[i] = sum;
    }
    for (let i = 0; i < keyCount; i++) this.cdf[i] = this.cdf[i]! / sum;
  }

  draw(rng: RandomStream): number {
    const u = rng.next();
    const cdf = this.cdf;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Popularities p_i of the n ranks, summing to 1. */
export function zipfPopularities(keyCount: number, exponent: number): Float64Array {
  const p = new Float64Array(keyCount);
  let sum = 0;
  for (let i = 0; i < keyCount; i++) {
    p[i] = Math.pow(i + 1, -exponent);
    sum += p[i]!;
  }
  for (let i = 0; i < keyCount; i++) p[i] = p[i]! / sum;
  return p;
}
