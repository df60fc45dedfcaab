/**
 * The request-level engine against queueing theory. Several seeded
 * replications per case, each with a warm-up discarded; customer counts are
 * chosen so the 95 % confidence half-width is under the 3 % tolerance (the
 * test also asserts that, so a tolerance that only a lucky seed meets fails).
 */
import { describe, expect, it } from 'vitest';
import { pollaczekKhinchineWait } from '../../../src-main/sim/theory/index';
import { confidence, mmcCase, relativeError, run, stationModel } from './helpers';

describe('M/M/c stations agree with Erlang C at moderate load', () => {
  // servers, utilisation, customers per replication, replications
  mmcCase(1, 0.5, 200_000, 3);
  mmcCase(1, 0.8, 600_000, 4);
  mmcCase(4, 0.5, 200_000, 3);
  mmcCase(4, 0.8, 400_000, 4);
  mmcCase(16, 0.5, 200_000, 3);
  mmcCase(16, 0.8, 300_000, 3);
});

describe('M/D/1 agrees with Pollaczek-Khinchine', () => {
  it('mean wait at utilisation 0.8 is within 3 % of ρD / (2(1 − ρ))', () => {
    const lambda = 8;
    const expected = pollaczekKhinchineWait(lambda, 0.1, 0)!;
    const waits: number[] = [];
    for (let seed = 1; seed <= 4; seed++) {
      const r = run(stationModel({ servers: 1, lambda, meanMs: 100, distribution: 'deterministic', customers: 500_000 }), seed);
      waits.push(r.components[0]!.meanWaitMs / 1000);
    }
    const w = confidence(waits);
    expect(relativeError(w.mean, expected)).toBeLessThan(0.03);
    expect(w.halfWidth / expected).toBeLessThan(0.03);
  });
});
