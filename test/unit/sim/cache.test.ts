import { describe, expect, it } from 'vitest';
import { cheHitRatio } from '../../../src-main/sim/theory/index';
import { zipfPopularities } from '../../../src-main/sim/engine/zipf';
import type { ModelInput } from '../../../src-main/sim/index';
import { relativeError, run } from './helpers';

function cacheModel(keyCount: number, capacityKeys: number, zipfExponent: number, eviction: 'lru' | 'fifo' | 'lfu', ttlSec?: number): ModelInput {
  return {
    traffic: { ratePerSec: 10_000, durationSec: 100, warmupSec: 20 },
    components: { cache: { kind: 'redisCache', keyCount, capacityKeys, zipfExponent, eviction, ...(ttlSec ? { ttlSec } : {}) } },
    workloads: { read: { path: ['cache'] } },
  };
}

describe('cache hit ratio emerges from key popularity', () => {
  it("LRU on Zipf(0.8) keys is within 3 % of Che's approximation", () => {
    const r = run(cacheModel(10_000, 1000, 0.8, 'lru'), 7);
    const expected = cheHitRatio(zipfPopularities(10_000, 0.8), 1000, 'lru');
    expect(relativeError(r.components[0]!.cacheHitRatio!, expected)).toBeLessThan(0.03);
  });

  it("LRU on Zipf(1.0) keys is within 3 % of Che's approximation", () => {
    const r = run(cacheModel(10_000, 100, 1.0, 'lru'), 8);
    const expected = cheHitRatio(zipfPopularities(10_000, 1.0), 100, 'lru');
    expect(relativeError(r.components[0]!.cacheHitRatio!, expected)).toBeLessThan(0.03);
  });

  it("FIFO hits less often than LRU, as Che's approximation for FIFO predicts", () => {
    const r = run(cacheModel(10_000, 1000, 0.8, 'fifo'), 9);
    const expected = cheHitRatio(zipfPopularities(10_000, 0.8), 1000, 'fifo');
    expect(relativeError(r.components[0]!.cacheHitRatio!, expected)).toBeLessThan(0.03);
    expect(expected).toBeLessThan(cheHitRatio(zipfPopularities(10_000, 0.8), 1000, 'lru'));
  });

  it('LFU keeps the most popular keys, so it beats LRU on stable popularity', () => {
    const lfu = run(cacheModel(10_000, 1000, 0.8, 'lfu'), 10).components[0]!.cacheHitRatio!;
    const lru = run(cacheModel(10_000, 1000, 0.8, 'lru'), 10).components[0]!.cacheHitRatio!;
    expect(lfu).toBeGreaterThan(lru);
  });

  it('a short TTL lowers the hit ratio', () => {
    const withTtl = run(cacheModel(10_000, 1000, 0.8, 'lru', 0.05), 11).components[0]!.cacheHitRatio!;
    const without = run(cacheModel(10_000, 1000, 0.8, 'lru'), 11).components[0]!.cacheHitRatio!;
    expect(withTtl).toBeLessThan(without - 0.05);
  });

  it('a hit skips the rest of the path; a miss reaches the database', () => {
    const r = run(
      {
        traffic: { ratePerSec: 2000, durationSec: 30, warmupSec: 5 },
        components: { cache: { kind: 'redisCache', keyCount: 1000, capacityKeys: 100, zipfExponent: 1 }, db: { kind: 'postgres' } },
        workloads: { read: { path: ['cache', 'db'] } },
      },
      3,
    );
    const [cache, db] = r.components;
    // Equal up to the few requests that straddle the end of the warm-up.
    expect(Math.abs(db!.arrivals - cache!.arrivals * (1 - cache!.cacheHitRatio!))).toBeLessThan(5);
    expect(db!.arrivals).toBeLessThan(cache!.arrivals * 0.8);
  });
});
