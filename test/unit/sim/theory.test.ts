import { describe, expect, it } from 'vitest';
import { cheHitRatio, erlangB, erlangC, mm1, mm1SojournQuantile, mmcSojournQuantile, pollaczekKhinchineWait } from '../../../src-main/sim/theory/index';
import { zipfPopularities } from '../../../src-main/sim/engine/zipf';

describe('queueing formulas', () => {
  it('Erlang C matches the M/M/4 reference figures (λ = 3.2, μ = 1)', () => {
    const f = erlangC(4, 3.2, 1)!;
    expect(f.probabilityOfWaiting).toBeCloseTo(0.5964, 3);
    expect(mmcSojournQuantile(4, 3.2, 1, 0.5)).toBeCloseTo(1.346, 2);
    expect(mmcSojournQuantile(4, 3.2, 1, 0.99)).toBeCloseTo(6.89, 1);
  });

  it('M/M/c with one server reduces to M/M/1', () => {
    const c = erlangC(1, 0.8, 1)!;
    const m = mm1(0.8, 1)!;
    expect(c.meanSojourn).toBeCloseTo(m.meanSojourn, 10);
    expect(c.probabilityOfWaiting).toBeCloseTo(0.8, 10);
    expect(mmcSojournQuantile(1, 0.8, 1, 0.95)).toBeCloseTo(mm1SojournQuantile(0.8, 1, 0.95)!, 6);
  });

  it('M/M/1 p95 is 2.996 / (μ − λ)', () => {
    expect(mm1SojournQuantile(0.5, 1, 0.95)).toBeCloseTo(2.996 / 0.5, 2);
  });

  it('an unstable station has no steady state', () => {
    expect(erlangC(2, 2, 1)).toBeNull();
    expect(mm1(1.2, 1)).toBeNull();
    expect(pollaczekKhinchineWait(1, 1, 0)).toBeNull();
  });

  it('M/D/1 waits half as long as M/M/1 at the same utilisation', () => {
    expect(pollaczekKhinchineWait(0.8, 1, 0)! * 2).toBeCloseTo(mm1(0.8, 1)!.meanWait, 10);
  });

  it('Erlang B of one server is A / (1 + A)', () => {
    expect(erlangB(1, 3)).toBeCloseTo(0.75, 12);
  });

  it("Che's approximation matches the published LRU references", () => {
    expect(cheHitRatio(zipfPopularities(10_000, 0.8), 1000, 'lru')).toBeCloseTo(0.4367, 3);
    expect(cheHitRatio(zipfPopularities(10_000, 1.0), 100, 'lru')).toBeCloseTo(0.3905, 3);
  });
});
