import { describe, expect, it } from 'vitest';
import { meanMetric, metric } from './helpers';

describe('write-strategies', () => {
  it('loses about writes/s × the time since the last flush with write-behind', () => {
    // Flushes at 0, 2, ..., 30 s; the failure at 31 s catches 1 s of writes: 500.
    const lost = meanMetric('write-strategies', { writesPerSecond: 500, flushIntervalMs: 2000, cacheFailsAtSecond: 31 }, 'writesLostWriteBehind', [1, 2, 3, 4]);
    expect(Math.abs(lost - 500)).toBeLessThan(50);
    const later = meanMetric('write-strategies', { writesPerSecond: 500, flushIntervalMs: 2000, cacheFailsAtSecond: 31.8 }, 'writesLostWriteBehind', [1, 2, 3, 4]);
    expect(Math.abs(later - 900)).toBeLessThan(70);
  });

  it('loses nothing with write-through', () => {
    expect(metric('write-strategies', { writesPerSecond: 500, flushIntervalMs: 2000, cacheFailsAtSecond: 31 }, 'writesLostWriteThrough')).toBe(0);
  });

  it('acknowledges write-behind at cache speed and write-through at database speed', () => {
    const controls = { writesPerSecond: 500, flushIntervalMs: 2000, cacheFailsAtSecond: 31 };
    expect(metric('write-strategies', controls, 'writeP95MsWriteBehind')).toBeLessThan(2);
    expect(metric('write-strategies', controls, 'writeP95MsWriteThrough')).toBeGreaterThan(10);
    expect(metric('write-strategies', controls, 'staleReadRatio')).toBeGreaterThan(0);
  });
});
