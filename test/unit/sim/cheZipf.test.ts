import { describe, expect, it } from 'vitest';
import { zipfPopularities } from '../../../src-main/sim/engine/zipf';
import { cheHitRatio, perfectLfuHitRatio } from '../../../src-main/sim/theory/index';
import { groupedCheHitRatio, groupedLfuHitRatio, zipfCacheHitRatio, zipfGroups } from '../../../src-main/sim/theory/cheZipf';
import { relativeError } from './helpers';

describe("Che's approximation on grouped Zipf popularities", () => {
  const cases: [number, number, number][] = [
    [100_000, 0.9, 10_000],
    [100_000, 0.8, 50_000],
    [100_000, 0.6, 1000],
    [100_000, 1.0, 100],
    [100_000, 1.3, 20_000],
    [20_000, 0.9, 2000],
    [10_000, 0.8, 1000],
    [10_000, 1.0, 100],
    [5000, 0.5, 4999],
    [1000, 1.0, 100],
    [50, 0.8, 10],
  ];

  it('groups hold every key and all the probability', () => {
    for (const [n, s] of cases) {
      const g = zipfGroups(n, s);
      expect(g.counts.reduce((a, b) => a + b, 0)).toBe(n);
      let mass = 0;
      for (let i = 0; i < g.counts.length; i++) mass += g.counts[i]! * g.popularities[i]!;
      expect(mass).toBeCloseTo(1, 12);
      if (n >= 10_000) expect(g.counts.length).toBeLessThan(n / 10);
    }
  });

  it('stays within 0.5 % of the exact sum over every key (LRU, FIFO, LFU)', () => {
    for (const [n, s, c] of cases) {
      const exact = zipfPopularities(n, s);
      const g = zipfGroups(n, s);
      for (const eviction of ['lru', 'fifo'] as const) {
        const want = cheHitRatio(exact, c, eviction);
        expect(relativeError(groupedCheHitRatio(g, c, eviction), want)).toBeLessThan(0.005);
        expect(relativeError(zipfCacheHitRatio(n, s, c, eviction), want)).toBeLessThan(0.005);
      }
      expect(relativeError(groupedLfuHitRatio(g, c), perfectLfuHitRatio(exact, c))).toBeLessThan(0.005);
    }
  });

  it('edge cases: no room, room for every key', () => {
    expect(zipfCacheHitRatio(1000, 0.8, 0, 'lru')).toBe(0);
    expect(zipfCacheHitRatio(1000, 0.8, 1000, 'lru')).toBe(1);
    expect(zipfCacheHitRatio(1000, 0.8, 5000, 'fifo')).toBe(1);
    expect(zipfCacheHitRatio(1000, 0.8, 5000, 'lfu')).toBeCloseTo(1, 12);
  });
});
