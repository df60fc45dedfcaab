import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../../src-main/sim/engine/rng';
import { ZipfKeys } from '../../../src-main/sim/engine/zipf';

/** The plain inverse-CDF binary search the guide table must reproduce. */
function reference(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

describe('Zipf key draws', () => {
  it('the guide table gives exactly the rank of a full binary search', () => {
    for (const [n, s] of [[1, 0.8], [2, 1], [7, 0.5], [1000, 1.0], [10_000, 0.8], [100_000, 0.9]] as const) {
      // Built exactly as ZipfKeys builds its table.
      const cdf = new Float64Array(n);
      let sum = 0;
      for (let i = 0; i < n; i++) cdf[i] = sum += Math.pow(i + 1, -s);
      for (let i = 0; i < n; i++) cdf[i] = cdf[i]! / sum;
      const keys = new ZipfKeys(n, s);
      const a = new RandomStream(5, 'z');
      const b = new RandomStream(5, 'z');
      let mismatches = 0;
      for (let i = 0; i < 50_000; i++) if (keys.draw(a) !== reference(cdf, b.next())) mismatches++;
      expect(mismatches).toBe(0);
      expect(keys.draw(a)).toBeLessThan(n);
    }
  });
});
