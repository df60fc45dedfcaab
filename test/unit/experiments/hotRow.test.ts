import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../../src-main/experiments/index';

describe('hot row widget (one counter row, shards, a queue with one writer)', () => {
  it('one row at 30 writes/s queues to about the M/G/1 mean; shards bring a write back to about one statement', () => {
    const one = runExperiment('hot-row', { strategy: 'oneRow', writesPerSecond: 30 }, 3);
    expect(one.metrics.meanMs).toBeGreaterThan(95);
    expect(one.metrics.meanMs).toBeLessThan(125);
    expect(Math.abs(one.metrics.meanMs! - one.theory.meanMs!.value)).toBeLessThan(0.15 * one.theory.meanMs!.value);
    const sharded = runExperiment('hot-row', { strategy: 'sharded', writesPerSecond: 30, shards: 8 }, 3);
    expect(sharded.metrics.meanMs).toBeLessThan(35);
    expect(sharded.metrics.rowBusy).toBeLessThan(0.2);
  });

  it('a queue answers the user at once, but the count changes no sooner than on one row', () => {
    const queued = runExperiment('hot-row', { strategy: 'queued', writesPerSecond: 30 }, 3);
    expect(queued.metrics.meanMs).toBeLessThan(5);
    expect(queued.metrics.appliedMeanMs).toBeGreaterThan(90);
  });

  it('past one row’s capacity (about 36 writes/s) the wait grows into seconds and the summary says why', () => {
    const over = runExperiment('hot-row', { strategy: 'oneRow', writesPerSecond: 45 }, 1);
    expect(over.metrics.rowBusy).toBe(1);
    expect(over.metrics.meanMs).toBeGreaterThan(5000);
    expect(over.summary).toMatch(/cannot keep up/);
    expect(over.theory.meanMs).toBeUndefined();
  });
});
