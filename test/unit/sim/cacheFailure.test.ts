// A failed cache in a cache-aside path is all misses, not errors: the reads go to the database,
// which is what a learner must plan for. Both levels agree on the database load it causes.
import { describe, expect, it } from 'vitest';
import { simulate, validateModel } from '../../../src-main/sim/index';

const model = validateModel(
  {
    name: 'cache lost',
    traffic: { ratePerSec: 400, durationSec: 600 },
    components: {
      app: { kind: 'server', instances: 2, concurrency: 8, serviceTime: 5 },
      cache: { kind: 'redisCache', keyCount: 10_000, capacityKeys: 5000, zipfExponent: 1.0 },
      db: { kind: 'postgres', connectionPool: 20 },
    },
    faults: [{ component: 'cache', fromSec: 300, toSec: 420, effect: 'fail' }],
    workloads: { read: { path: ['app', 'cache', 'db'], deadlineMs: 2000 } },
  },
  'cache lost',
);

describe('a cache that fails', () => {
  for (const level of ['request', 'horizon'] as const) {
    it(`${level}: turns every lookup into a miss, so the database takes all the reads and nobody sees an error`, () => {
      const r = simulate(model, { seed: 5, level });
      if (r.status !== 'complete') throw new Error('cancelled');
      expect(r.workloads[0]!.errors).toBe(0);
      const cache = r.components.find((c) => c.id === 'cache')!;
      const db = r.components.find((c) => c.id === 'db')!;
      const during = r.timeSec.findIndex((t) => t >= 330);
      const after = r.timeSec.findIndex((t) => t >= 540);
      expect(cache.series.cacheHitRatio[during]).toBe(0);
      expect(cache.series.cacheHitRatio[after]).toBeGreaterThan(0.5);
      // All 400 reads/s at a mean 27.5 ms (uniform 5-50 ms) on a pool of 20: utilisation 0.55.
      expect(db.series.utilisation[during]).toBeGreaterThan(0.5);
      expect(db.series.utilisation[during]).toBeLessThan(0.6);
      expect(db.series.utilisation[after]).toBeLessThan(0.3);
    });
  }
});
