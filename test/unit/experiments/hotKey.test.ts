import { describe, expect, it } from 'vitest';
import { metric } from './helpers';

const base = { hotKeyShare: 0.3, readsPerSecond: 400_000, nodes: 10, nodeCapacityOpsPerSecond: 100_000 };

describe('hot-key', () => {
  it.each([
    [1, 1.48],
    [2, 0.88],
    [4, 0.58],
  ])('with %i copies loads the hottest node to share × rate / (capacity × copies) + background ≈ %s', (copies, expected) => {
    // Background: 0.7 × 400,000 / 10 nodes = 28,000 reads/s, give or take the hashing of keys to nodes.
    expect(Math.abs(metric('hot-key', { ...base, copies }, 'hottestNodeUtilisation') - expected)).toBeLessThan(0.03);
  });

  it('has p95 blow up while the hot node is saturated and recover with copies', () => {
    expect(metric('hot-key', { ...base, copies: 1 }, 'p95Ms')).toBeGreaterThan(100);
    expect(metric('hot-key', { ...base, copies: 4 }, 'p95Ms')).toBeLessThan(5);
  });
});
