import { describe, expect, it } from 'vitest';
import { cheHitRatio } from '../../../src-main/sim/theory/index';
import { zipfPopularities } from '../../../src-main/sim/engine/zipf';
import { metric, relativeError } from './helpers';

const base = { keys: 10_000, cacheSize: 1000, ttlSeconds: 300, readsPerSecond: 2000 };

describe('cache-aside', () => {
  it.each([0.8, 1.0])("hits within 3 %% of Che's approximation for LRU at Zipf %s", (zipf) => {
    const expected = cheHitRatio(zipfPopularities(10_000, zipf), 1000, 'lru');
    expect(relativeError(metric('cache-aside', { ...base, zipf }, 'cacheHitRatio', 3), expected)).toBeLessThan(0.03);
  });

  it('with a 5 s TTL and room for every key, sends the database what λτ/(1+λτ) per key leaves over', () => {
    const p = zipfPopularities(10_000, 1.0);
    let hit = 0;
    for (const pi of p) hit += (pi * (pi * 2000 * 5)) / (1 + pi * 2000 * 5);
    const expectedDb = 2000 * (1 - hit);
    const got = metric('cache-aside', { ...base, zipf: 1.0, cacheSize: 10_000, ttlSeconds: 5 }, 'dbReadsPerSecond', 4);
    expect(relativeError(got, expectedDb)).toBeLessThan(0.05);
  });

  it('puts p95 at miss speed when misses exceed 5 % of reads, and queues at the database past its capacity', () => {
    const p95 = metric('cache-aside', { ...base, zipf: 1.0 }, 'p95Ms');
    expect(p95).toBeGreaterThan(5);
    expect(p95).toBeLessThan(50);
    // A 10-entry cache misses ~87 % of 2,000 reads/s: beyond the 1,500 reads/s database.
    expect(metric('cache-aside', { ...base, zipf: 1.0, cacheSize: 10 }, 'p95Ms')).toBeGreaterThan(1000);
  });
});
