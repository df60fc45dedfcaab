import { describe, expect, it } from 'vitest';
import { cheHitRatio } from '../../../src-main/sim/theory/index';
import { zipfPopularities } from '../../../src-main/sim/engine/zipf';
import { runExperiment } from '../../../src-main/experiments/index';
import { relativeError } from './helpers';

const controls = { keys: 10_000, cacheSize: 1000, zipf: 0.8, shiftAtSecond: 60, durationSeconds: 120 };

describe('eviction-race', () => {
  const m = runExperiment('eviction-race', controls, 5).metrics;

  it('has LFU ahead of LRU before the shift and behind it afterwards', () => {
    expect(m.hitRatioBeforeShiftLfu!).toBeGreaterThan(m.hitRatioBeforeShiftLru!);
    expect(m.hitRatioAfterShiftLfu!).toBeLessThan(m.hitRatioAfterShiftLru! - 0.05);
  });

  it('has FIFO no better than LRU', () => {
    expect(m.hitRatioFifo!).toBeLessThanOrEqual(m.hitRatioLru!);
  });

  it("keeps LRU and FIFO near Che's approximations before the shift", () => {
    const p = zipfPopularities(10_000, 0.8);
    expect(relativeError(m.hitRatioBeforeShiftLru!, cheHitRatio(p, 1000, 'lru'))).toBeLessThan(0.05);
    expect(relativeError(m.hitRatioBeforeShiftFifo!, cheHitRatio(p, 1000, 'fifo'))).toBeLessThan(0.05);
  });

  it('marks the shift on the time axis', () => {
    const r = runExperiment('eviction-race', controls, 5);
    expect(r.thresholds).toContainEqual({ axis: 'time', seriesId: null, value: 60, label: 'popularity shifts' });
    for (const s of r.series) expect(s.values.length).toBeLessThanOrEqual(300);
  });
});
