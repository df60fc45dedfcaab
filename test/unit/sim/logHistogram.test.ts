import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../../src-main/sim/engine/rng';
import { LogHistogram, logBinOf } from '../../../src-main/sim/logHistogram';

describe('log histogram', () => {
  it('puts every sample in exactly the bin of the logarithm formula', () => {
    const h = new LogHistogram();
    const rng = new RandomStream(3, 'h');
    let mismatches = 0;
    const check = (x: number): void => {
      if (h.binOf(x) !== logBinOf(x)) mismatches++;
    };
    // Log-uniform over and beyond the range, and the doubles at and beside every bin's lower edge.
    for (let i = 0; i < 300_000; i++) check(Math.pow(10, -8 + 15 * rng.next()));
    for (let e = -6; e <= 5; e += 1 / 230) {
      const x = 1e-6 * Math.pow(10, e + 6);
      for (const y of [x, x * (1 + 1e-15), x * (1 - 1e-15), x * (1 + 2e-16), x * (1 - 2e-16)]) check(y);
    }
    for (const x of [0, -1, 1e-6, 1.0000000000000002e-6, 1e5, 1e5 * (1 - 1e-16), 1e6, Infinity, NaN, Number.MIN_VALUE]) check(x);
    expect(mismatches).toBe(0);
  });

  it('quantiles come from the counts', () => {
    const h = new LogHistogram();
    for (let i = 1; i <= 1000; i++) h.add(i / 1000);
    expect(Math.abs(h.quantile(0.95) / 0.95 - 1)).toBeLessThan(0.011);
    expect(new LogHistogram().quantile(0.5)).toBeNaN();
  });
});
