import { describe, expect, it } from 'vitest';
import type { ModelInput } from '../../../src-main/sim/index';
import { relativeError, run } from './helpers';

/** A steady ten-minute window through five components with a cache and a database. */
const steady: ModelInput = {
  traffic: { ratePerSec: 400, durationSec: 660, warmupSec: 60 },
  components: {
    lb: { kind: 'loadBalancer' },
    // 32 threads: each is held while it waits for the cache and the database.
    app: { kind: 'server', instances: 1, concurrency: 32, serviceTime: { distribution: 'exponential', meanMs: 25 } },
    auth: { kind: 'auth', concurrency: 8, serviceTime: { distribution: 'exponential', meanMs: 5 } },
    cache: { kind: 'redisCache', keyCount: 20_000, capacityKeys: 2000, zipfExponent: 0.9 },
    db: { kind: 'postgres', connectionPool: 12 },
  },
  workloads: {
    browse: { share: 3, path: ['lb', 'app', 'cache', 'db'] },
    login: { share: 1, path: ['lb', 'auth', 'app', 'db'] },
  },
};

describe('horizon runs agree with request-level runs', () => {
  it('on a steady 10-minute window: p95 within 10 %, throughput within 2 %', () => {
    const request = run(steady, 3, 'request');
    const horizon = run(steady, 3, 'horizon');
    expect(relativeError(horizon.totals.throughputPerSec, request.totals.throughputPerSec)).toBeLessThan(0.02);
    expect(relativeError(horizon.totals.p95Ms, request.totals.p95Ms)).toBeLessThan(0.1);
    for (const w of request.workloads) {
      const h = horizon.workloads.find((x) => x.id === w.id)!;
      expect(relativeError(h.throughputPerSec, w.throughputPerSec)).toBeLessThan(0.02);
      expect(relativeError(h.p95Ms, w.p95Ms)).toBeLessThan(0.1);
    }
  });

  it("a 54-hour morning surge reports the peak (its run time is the bench's horizonRunMs)", () => {
    const model: ModelInput = {
      ...steady,
      traffic: { baselineUsers: 150, peakUsers: 3000, requestsPerUserPerSec: 0.2, shape: 'morningSurge', durationHours: 54 },
    };
    const r = run(model, 1, 'horizon');
    expect(r.timeSec.length).toBeLessThanOrEqual(600);
    const throughput = r.workloads[0]!.series.throughputPerSec;
    // Two mornings (09:00 on day one and day two) stand out from the baseline.
    expect(Math.max(...throughput)).toBeGreaterThan(10 * Math.min(...throughput));
  });

  it('a backlog built in a spike drains afterwards instead of vanishing', () => {
    const model: ModelInput = {
      traffic: { baselineRatePerSec: 20, ratePerSec: 60, shape: 'spike', startSec: 600, holdSec: 300, durationSec: 3600 },
      components: { app: { kind: 'server', concurrency: 4, serviceTime: { distribution: 'exponential', meanMs: 100 }, baseLatencyMs: 0 } },
      workloads: { all: { path: ['app'] } },
    };
    const r = run(model, 1, 'horizon');
    const depth = r.components[0]!.series.queueDepth;
    const at = (sec: number): number => depth[Math.floor((sec / 3600) * depth.length)]!;
    // 300 s at 20 per second over capacity: ~6000 queued; it drains at 20 per second after.
    expect(relativeError(at(899), 6000)).toBeLessThan(0.05);
    expect(at(1050)).toBeGreaterThan(2000);
    expect(at(1300)).toBeLessThan(100);
  });
});
