import { describe, expect, it } from 'vitest';
import { zipfPopularities } from '../../../src-main/sim/engine/zipf';
import { metric, relativeError } from './helpers';

const controls = { keys: 10_000, cacheSize: 5000, readsPerSecond: 5000 };

describe('cache-warming', () => {
  it('cold, sends the database the distinct keys of the first second: Σ 1 − (1 − p_i)^5000', () => {
    let distinct = 0;
    for (const p of zipfPopularities(10_000, 1.0)) distinct += 1 - Math.pow(1 - p, 5000);
    expect(relativeError(metric('cache-warming', { ...controls, strategy: 'cold' }, 'dbPeakReadsPerSecond'), distinct)).toBeLessThan(0.05);
  });

  it('pre-loaded, keeps the database near the warm miss rate and is steady at once', () => {
    const warm = metric('cache-warming', { ...controls, strategy: 'preload' }, 'warmDbReadsPerSecond');
    expect(metric('cache-warming', { ...controls, strategy: 'preload' }, 'dbPeakReadsPerSecond')).toBeLessThan(warm * 1.3);
    expect(metric('cache-warming', { ...controls, strategy: 'preload' }, 'secondsToSteadyHitRatio')).toBe(1);
  });

  it('predictive warming keeps the peak below the cold spike', () => {
    expect(metric('cache-warming', { ...controls, strategy: 'predictive' }, 'dbPeakReadsPerSecond')).toBeLessThan(
      metric('cache-warming', { ...controls, strategy: 'cold' }, 'dbPeakReadsPerSecond'),
    );
  });
});
