import { describe, expect, it } from 'vitest';
import { zipfPopularities } from '../../../src-main/sim/engine/zipf';
import { cheCharacteristicTime, cheHitRatio, perfectLfuHitRatio } from '../../../src-main/sim/theory/index';
import { groupedCharacteristicTime, groupedCheHitRatio, groupedExpectedDistinct, groupedLfuHitRatio, groupedLruTtlHitRatio, groupsOfPopularities, zipfCacheHitRatio, zipfGroups } from '../../../src-main/sim/theory/cheZipf';
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

describe('grouped Che on an explicit popularity array (the widgets\' keys)', () => {
  const zipfArray = (n: number, s: number) => {
    const w = Float64Array.from({ length: n }, (_, i) => Math.pow(i + 1, -s));
    const total = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / total);
  };

  it('groups keys within 0.5 % and stays within 0.5 % of the per-key sums (LRU, FIFO, TTL, distinct keys)', () => {
    for (const s of [0.6, 1.0]) {
      const pops = zipfArray(50_000, s);
      const g = groupsOfPopularities(pops);
      expect(g.counts.length).toBeLessThan(pops.length / 10);
      expect(g.counts.reduce((a, b) => a + b, 0)).toBe(pops.length);
      for (const eviction of ['lru', 'fifo'] as const) {
        expect(relativeError(groupedCheHitRatio(g, 2_000, eviction), cheHitRatio(pops, 2_000, eviction))).toBeLessThan(0.005);
      }
      const t = cheCharacteristicTime(pops, 2_000, 'lru');
      const exactTtl = pops.reduce((h, p) => h + p * Math.min(1 - Math.exp(-p * t), (p * 500 * 30) / (1 + p * 500 * 30)), 0);
      expect(relativeError(groupedLruTtlHitRatio(g, 2_000, 500, 30), exactTtl)).toBeLessThan(0.005);
      const exactDistinct = pops.reduce((d, p) => d + 1 - Math.exp(-p * 10_000), 0);
      expect(relativeError(groupedExpectedDistinct(g, 10_000), exactDistinct)).toBeLessThan(0.005);
    }
  });

  it('says everything fits when the cache holds every key', () => {
    const g = groupsOfPopularities(zipfArray(100, 1));
    expect(groupedCharacteristicTime(g, 100, 'lru')).toBe(Infinity);
    expect(groupedCheHitRatio(g, 100, 'lru')).toBe(1);
    expect(groupedCheHitRatio(g, 0, 'lru')).toBe(0);
  });
});
