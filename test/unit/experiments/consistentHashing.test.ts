import { describe, expect, it } from 'vitest';
import { meanMetric, metric } from './helpers';

const seeds = [1, 2, 3, 4, 5, 6, 7, 8];

describe('consistent-hashing', () => {
  it('with hash mod N moves 1 − 1/N of keys when a node leaves, and N/(N+1) when one joins', () => {
    expect(Math.abs(metric('consistent-hashing', { nodes: 10, keys: 100_000, virtualNodes: 1, change: 'remove' }, 'remappedShareModN') - 0.9)).toBeLessThan(0.01);
    expect(Math.abs(metric('consistent-hashing', { nodes: 10, keys: 100_000, virtualNodes: 1, change: 'add' }, 'remappedShareModN') - 10 / 11)).toBeLessThan(0.01);
  });

  it('on the ring moves about 1/N of keys on average, and close to it with 150 virtual nodes', () => {
    const mean = meanMetric('consistent-hashing', { nodes: 10, keys: 100_000, virtualNodes: 1, change: 'remove' }, 'remappedShareRing', seeds);
    expect(Math.abs(mean - 0.1)).toBeLessThan(0.05);
    expect(Math.abs(metric('consistent-hashing', { nodes: 10, keys: 100_000, virtualNodes: 150, change: 'remove' }, 'remappedShareRing') - 0.1)).toBeLessThan(0.025);
  });

  it('spreads load 2-3 times the mean with one virtual node (H_10 ≈ 2.93 expected) and near even with 150', () => {
    const one = meanMetric('consistent-hashing', { nodes: 10, keys: 100_000, virtualNodes: 1, change: 'remove' }, 'loadSpreadRing', seeds);
    const many = meanMetric('consistent-hashing', { nodes: 10, keys: 100_000, virtualNodes: 150, change: 'remove' }, 'loadSpreadRing', seeds);
    expect(one).toBeGreaterThan(2);
    expect(one).toBeLessThan(3.8);
    expect(many).toBeLessThan(1.3);
  });
});
