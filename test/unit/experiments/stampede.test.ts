import { describe, expect, it } from 'vitest';
import { metric } from './helpers';

const herd = { readsPerSecond: 3000, rebuildMs: 2000 };

describe('stampede', () => {
  it('without protection sends about reads × rebuild time queries, 3,000 of them in a second', () => {
    expect(Math.abs(metric('stampede', { ...herd, protection: 'none' }, 'dbQueriesPerExpiry') - 6000)).toBeLessThan(300);
    expect(Math.abs(metric('stampede', { ...herd, protection: 'none' }, 'peakDbQueriesPerSecond') - 3000)).toBeLessThan(200);
  });

  it.each(['lock', 'coalesce'])('with %s sends one query per rebuild', (protection) => {
    expect(metric('stampede', { ...herd, protection }, 'dbQueriesPerExpiry')).toBe(1);
    expect(metric('stampede', { ...herd, protection }, 'peakDbQueriesPerSecond')).toBe(1);
  });

  it('with early refresh sends a handful of queries and keeps readers at cache speed, unlike the lock', () => {
    expect(metric('stampede', { ...herd, protection: 'early-refresh' }, 'peakDbQueriesPerSecond')).toBeLessThanOrEqual(5);
    expect(metric('stampede', { ...herd, protection: 'early-refresh' }, 'p95Ms')).toBeLessThan(2);
    expect(metric('stampede', { ...herd, protection: 'lock' }, 'p95Ms')).toBeGreaterThan(100);
  });
});
