// A workload can be the floor of the traffic or the surge above it (buyers only once a sale opens),
// at both levels.
import { describe, expect, it } from 'vitest';
import type { ModelInput } from '../../../src-main/sim/index';
import { validateModel } from '../../../src-main/sim/index';
import { relativeError, run } from './helpers';

const sale: ModelInput = {
  traffic: { baselineRatePerSec: 20, ratePerSec: 220, shape: 'spike', startSec: 300, holdSec: 300, durationSec: 900 },
  components: { app: { kind: 'server', concurrency: 64, serviceTime: { distribution: 'exponential', meanMs: 10 } } },
  workloads: {
    look: { part: 'baseline', path: ['app'] },
    buy: { part: 'surge', path: ['app'] },
  },
};

describe('workload parts of the traffic', () => {
  for (const level of ['request', 'horizon'] as const) {
    it(`${level}: the surge workload arrives only during the spike, the baseline one all along`, () => {
      const r = run(sale, 4, level);
      const look = r.workloads.find((w) => w.id === 'look')!;
      const buy = r.workloads.find((w) => w.id === 'buy')!;
      // 20/s for 900 s, and 200/s for the 300 s of the spike.
      expect(relativeError(look.userRequests, 20 * 900)).toBeLessThan(0.05);
      expect(relativeError(buy.userRequests, 200 * 300)).toBeLessThan(0.05);
      const before = buy.series.throughputPerSec.filter((_, i) => r.timeSec[i]! < 290);
      expect(Math.max(...before.map((v) => v ?? 0))).toBe(0);
    });
  }

  it('a model that names a part for one workload must name it for all', () => {
    const bad = { ...sale, workloads: { look: { part: 'baseline', path: ['app'] }, buy: { path: ['app'] } } } as ModelInput;
    expect(() => validateModel(bad, 'sale.yaml')).toThrow(/workloads\.buy\.part: expected baseline or surge/);
  });
});
