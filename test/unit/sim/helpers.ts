import { expect, it } from 'vitest';
import { erlangC, mmcSojournQuantile } from '../../../src-main/sim/theory/index';
import { simulate, validateModel, type ModelInput, type SimLevel, type SimResult } from '../../../src-main/sim/index';

/** Runs a model (plain object) and fails loudly if the run was cancelled. */
export function run(model: ModelInput, seed: number, level: SimLevel = 'request'): SimResult {
  const out = simulate(validateModel(model, 'test.yaml'), { seed, level });
  if (out.status !== 'complete') throw new Error('run was cancelled');
  return out;
}

/** A single M/M/c (or M/G/c) station: Poisson arrivals at `lambda` per second. */
export function stationModel(opts: { servers: number; lambda: number; meanMs: number; distribution?: 'exponential' | 'deterministic'; customers: number; warmupShare?: number }): ModelInput {
  const durationSec = opts.customers / opts.lambda;
  return {
    traffic: { ratePerSec: opts.lambda, durationSec, warmupSec: durationSec * (opts.warmupShare ?? 0.05) },
    components: {
      station: { kind: 'server', concurrency: opts.servers, serviceTime: { distribution: opts.distribution ?? 'exponential', meanMs: opts.meanMs }, baseLatencyMs: 0 },
    },
    workloads: { all: { path: ['station'], deadlineMs: 1e7 } },
  };
}

/** Mean and 95 % confidence half-width (Student t) of replication estimates. */
export function confidence(values: number[]): { mean: number; halfWidth: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const t: Record<number, number> = { 2: 12.71, 3: 4.303, 4: 3.182, 5: 2.776, 6: 2.571, 7: 2.447, 8: 2.365, 9: 2.306, 10: 2.262 };
  return { mean, halfWidth: (t[n] ?? 2) * Math.sqrt(variance / n) };
}

export const relativeError = (measured: number, expected: number): number => Math.abs(measured / expected - 1);

/**
 * One M/M/c case: replications of `customers` each (5 % warm-up dropped).
 * Asserts mean and p95 sojourn within 3 % of Erlang C, that the 95 %
 * confidence half-width is itself under 3 % (so the check is not luck), and
 * Little's law within 1 % in every replication.
 */
export function mmcCase(c: number, rho: number, customers: number, replications: number): void {
  it(`M/M/${c} at utilisation ${rho}: mean and p95 sojourn within 3 %, Little's law within 1 %`, () => {
    const mu = 1 / 0.1; // 100 ms mean service
    const lambda = rho * c * mu;
    const theory = erlangC(c, lambda, mu)!;
    const p95 = mmcSojournQuantile(c, lambda, mu, 0.95)!;
    const means: number[] = [];
    const tails: number[] = [];
    for (let seed = 1; seed <= replications; seed++) {
      const r = run(stationModel({ servers: c, lambda, meanMs: 100, customers }), seed);
      const w = r.workloads[0]!;
      const s = r.components[0]!;
      means.push(w.meanMs / 1000);
      tails.push(w.p95Ms / 1000);
      // Little: time-average number in the station = arrival rate x mean time in it.
      expect(relativeError(s.meanInSystem, s.arrivalRatePerSec * (s.meanSojournMs / 1000))).toBeLessThan(0.01);
    }
    const mean = confidence(means);
    const tail = confidence(tails);
    expect(relativeError(mean.mean, theory.meanSojourn)).toBeLessThan(0.03);
    expect(relativeError(tail.mean, p95)).toBeLessThan(0.03);
    expect(mean.halfWidth / theory.meanSojourn).toBeLessThan(0.03);
    expect(tail.halfWidth / p95).toBeLessThan(0.03);
  });
}
