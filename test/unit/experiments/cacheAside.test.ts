import { describe, expect, it } from 'vitest';
import { cheHitRatio } from '../../../src-main/sim/theory/index';
import { zipfPopularities } from '../../../src-main/sim/engine/zipf';
import { DATABASE } from '../../../src-main/experiments/scenarioComponents';
import { runExperiment } from '../../../src-main/experiments/index';
import { metric, relativeError } from './helpers';

const base = { keys: 10_000, cacheSize: 1000, ttlSeconds: 300, readsPerSecond: 2000 };

describe('cache-aside', () => {
  // 1,000 reads/s keeps the misses of both skews within the database's capacity.
  it.each([0.8, 1.0])("hits within 3 percent of Che's approximation for LRU at Zipf %s while the database keeps up", (zipf) => {
    const expected = cheHitRatio(zipfPopularities(10_000, zipf), 1000, 'lru');
    expect(relativeError(metric('cache-aside', { ...base, readsPerSecond: 1000, zipf }, 'cacheHitRatio', 3), expected)).toBeLessThan(0.03);
  });

  it('hits less than Che predicts once misses queue at the database, because a key is cached only when its query returns', () => {
    const expected = cheHitRatio(zipfPopularities(10_000, 0.8), 1000, 'lru');
    // 2,000 reads/s at Zipf 0.8 send the database about 1,100 reads/s: past its capacity.
    expect(2000 * (1 - expected)).toBeGreaterThan(DATABASE.capacityPerSec);
    expect(metric('cache-aside', { ...base, zipf: 0.8 }, 'cacheHitRatio', 3)).toBeLessThan(expected * 0.97);
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
    // About a third of reads miss at 1,000 reads/s: p95 is a query, within the database's 5-50 ms and a short wait.
    const p95 = metric('cache-aside', { ...base, zipf: 1.0, readsPerSecond: 1000 }, 'p95Ms');
    expect(p95).toBeGreaterThan(DATABASE.minMs);
    expect(p95).toBeLessThan(DATABASE.maxMs + 10);
    // A 10-entry cache misses ~89 % of 2,000 reads/s: beyond the database's ~730 reads/s.
    expect(metric('cache-aside', { ...base, zipf: 1.0, cacheSize: 10 }, 'p95Ms')).toBeGreaterThan(1000);
  });

  it('is the simulator at the request level: the database the model names is the scenarios\' postgres, and its load is the misses', () => {
    const r = runExperiment('cache-aside', { ...base, zipf: 1.0, readsPerSecond: 1000 }, 2);
    const db = r.metrics.dbReadsPerSecond!;
    expect(relativeError(db, 1000 * (1 - r.metrics.cacheHitRatio!))).toBeLessThan(0.02);
    // Utilisation is load over the pool's capacity (connections / mean query time).
    expect(relativeError(r.metrics.dbUtilisation!, db / DATABASE.capacityPerSec)).toBeLessThan(0.05);
  });
});
