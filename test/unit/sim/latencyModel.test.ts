import { describe, expect, it } from 'vitest';
import { LatencyMixture, PooledLatency, pooledQuantile, shiftedGammaCdf } from '../../../src-main/sim/horizon/latencyModel';

/** The quantile by plain bisection on the mixture's CDF, to 1e-12: the reference. */
function bisected(cdf: (x: number) => number, p: number): number {
  let lo = 0;
  let hi = 1e-6;
  while (cdf(hi) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

function mixture(routes: [number, number, number, number][]): LatencyMixture {
  const m = new LatencyMixture();
  for (const r of routes) m.add(...r);
  return m;
}

const cases: [string, [number, number, number, number][]][] = [
  ['one exponential station', [[1, 0, 0.1, 0.01]]],
  ['a shifted, nearly deterministic route', [[1, 0.005, 0.02, 1e-8]]],
  ['cache hit or miss', [[0.4, 0.001, 0.0001, 1e-8], [0.6, 0.002, 0.03, 0.0004]]],
  ['three routes and a heavy tail', [[0.5, 0.001, 0.002, 4e-6], [0.3, 0.01, 0.05, 0.0025], [0.2, 0.2, 0.4, 0.5]]],
  ['a point mass (fallback) beside a gamma', [[0.9, 0, 0.05, 0.0025], [0.1, 0.3, 0, 0]]],
  ['retries: the same routes delayed', [[0.81, 0, 0.05, 0.0025], [0.09, 0.25, 0.05, 0.0025], [0.1, 0.6, 0.05, 0.0025]]],
];

describe('horizon latency mixtures', () => {
  it('the CDF with precomputed route constants matches the shifted-gamma formula', () => {
    for (const [, routes] of cases) {
      const m = mixture(routes);
      const total = routes.reduce((s, r) => s + r[0], 0);
      for (const x of [0, 0.0005, 0.001, 0.003, 0.01, 0.05, 0.1, 0.3, 1, 3]) {
        const want = routes.reduce((s, [w, shift, mean, variance]) => s + w * shiftedGammaCdf(x, shift, mean, variance), 0) / total;
        expect(Math.abs(m.cdf(x) - want)).toBeLessThan(1e-12);
      }
    }
  });

  it('Newton-with-bisection quantiles are within 1e-4 (relative) of exact bisection', () => {
    for (const [, routes] of cases) {
      const m = mixture(routes);
      for (const p of [0.5, 0.9, 0.95, 0.99, 0.999]) {
        const want = bisected((x) => m.cdf(x), p);
        expect(Math.abs(m.quantile(p) / want - 1)).toBeLessThan(1e-4);
      }
    }
  });

  it('pooled quantiles over weighted intervals match bisection on the pooled CDF', () => {
    const pool = new PooledLatency();
    const weights = new Float64Array(cases.length + 1);
    cases.forEach(([, routes], k) => {
      pool.addPart(k, mixture(routes));
      weights[k] = k + 1;
    });
    const all = new LatencyMixture();
    pool.addWeightedTo(all, weights);
    const parts = cases.map(([, routes], k) => ({ weight: k + 1, mix: mixture(routes) }));
    const total = parts.reduce((s, q) => s + q.weight, 0);
    const pooledCdf = (x: number): number => parts.reduce((s, q) => s + q.weight * q.mix.cdf(x), 0) / total;
    for (const p of [0.5, 0.95, 0.99]) {
      const want = bisected(pooledCdf, p);
      expect(Math.abs(pooledQuantile(all, p, 0, 10) / want - 1)).toBeLessThan(1e-4);
    }
    expect(pooledQuantile(new LatencyMixture(), 0.95, 0, 1)).toBeNaN();
  });
});
