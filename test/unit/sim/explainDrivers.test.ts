// The explanation names the workload that put the most *work* on a saturated component,
// not the one with the most requests: a few slow requests can monopolise a server.
import { describe, expect, it } from 'vitest';
import { simulate, validateModel } from '../../../src-main/sim/index';

const model = validateModel(
  {
    name: 'hashing on the app server',
    traffic: { ratePerSec: 400, durationSec: 1800 },
    components: { app: { kind: 'server', instances: 1, concurrency: 8 } },
    workloads: {
      pages: { share: 0.8, path: [{ component: 'app', serviceTime: { distribution: 'exponential', meanMs: 5 } }] },
      logins: { share: 0.2, path: [{ component: 'app', serviceTime: { distribution: 'exponential', meanMs: 90 } }] },
    },
  },
  'drivers',
);

describe('explanation drivers', () => {
  for (const level of ['horizon', 'request'] as const) {
    it(`${level}: the slow minority drives the saturated server, with both shares listed`, () => {
      const r = simulate(model, { seed: 3, level });
      if (r.status !== 'complete') throw new Error('cancelled');
      const s = r.explanation.saturated.find((x) => x.component === 'app');
      expect(s).toBeDefined();
      // Work: logins 0.2 × 90 ms = 18 ms per request against pages 0.8 × 5 ms = 4 ms: about 82 % to 18 %.
      expect(s!.drivenBy).toBe('logins');
      expect(s!.drivers.map((d) => d.workload)).toEqual(['logins', 'pages']);
      expect(s!.drivers[0]!.share).toBeGreaterThan(0.75);
      expect(s!.drivers[0]!.share).toBeLessThan(0.88);
      expect(r.explanation.summary).toMatch(/driven by logins \(\d+ % of its work\)/);
    });
  }
});
