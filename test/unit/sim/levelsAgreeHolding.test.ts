/**
 * Held callers at both levels: on steady 10-minute windows, the request level
 * (every request followed) and the horizon level (flows and formulas) agree
 * on how busy a caller is while it waits for the hops after it.
 */
import { describe, expect, it } from 'vitest';
import type { ModelInput } from '../../../src-main/sim/index';
import { relativeError, run } from './helpers';

const steady = { ratePerSec: 0, durationSec: 660, warmupSec: 60 };

const cases: Record<string, ModelInput> = {
  // The app waits for the cache, and for the database on a miss.
  'app -> cache -> database': {
    traffic: { ...steady, ratePerSec: 200 },
    components: {
      lb: { kind: 'loadBalancer' },
      app: { kind: 'server', concurrency: 16, serviceTime: { distribution: 'exponential', meanMs: 20 } },
      cache: { kind: 'redisCache', keyCount: 20_000, capacityKeys: 2000, zipfExponent: 0.9 },
      db: { kind: 'postgres', connectionPool: 20 },
    },
    workloads: { read: { path: ['lb', 'app', 'cache', 'db'], deadlineMs: 500 } },
  },
  // Auth waits for the app, which waits for the database.
  'auth -> app -> database': {
    traffic: { ...steady, ratePerSec: 100 },
    components: { auth: { kind: 'auth', concurrency: 16 }, app: { kind: 'server', concurrency: 16 }, db: { kind: 'postgres', connectionPool: 20 } },
    workloads: { login: { path: ['auth', 'app', 'db'] } },
  },
  // The app waits 200-500 ms for a payment provider: most of its threads' time is waiting.
  'app -> external': {
    traffic: { ...steady, ratePerSec: 60 },
    components: { app: { kind: 'server', concurrency: 32 }, pay: { kind: 'external', errorRate: 0 } },
    workloads: { pay: { path: ['app', 'pay'], deadlineMs: 2000 } },
  },
  // Workers wait for the mail provider; the api only until the queue takes the message.
  'queue -> workers -> external': {
    traffic: { ...steady, ratePerSec: 20 },
    components: {
      api: { kind: 'server' },
      jobs: { kind: 'queue' },
      workers: { kind: 'workerPool', instances: 2, concurrency: 8, serviceTime: 50 },
      mail: { kind: 'external', errorRate: 0, serviceTime: { distribution: 'uniform', minMs: 100, maxMs: 300 } },
    },
    workloads: { send: { path: ['api', 'jobs', 'workers', 'mail'] } },
  },
};

/** Per case, a caller and what its own service alone would keep busy (λ × mean service). */
const callers: Record<string, [string, number]> = {
  'app -> cache -> database': ['app', 200 * 0.02],
  'auth -> app -> database': ['auth', 100 * 0.015],
  'app -> external': ['app', 60 * 0.02],
  'queue -> workers -> external': ['workers', 20 * 0.05],
};

describe('held callers: the two levels agree', () => {
  for (const [name, model] of Object.entries(cases)) {
    it(`${name}: each component's connections in use within 3 % and mean stay within 5 %, throughput within 2 %, p95 within 10 %`, () => {
      const request = run(model, 1, 'request');
      const horizon = run(model, 1, 'horizon');
      expect(relativeError(horizon.totals.throughputPerSec, request.totals.throughputPerSec)).toBeLessThan(0.02);
      expect(relativeError(horizon.totals.p95Ms, request.totals.p95Ms)).toBeLessThan(0.1);
      for (const c of request.components) {
        const h = horizon.components.find((x) => x.id === c.id)!;
        if (c.connectionsInUse > 0.1) {
          expect(relativeError(h.connectionsInUse, c.connectionsInUse), c.id).toBeLessThan(0.03);
          // A caller's stay at its station runs until it lets go of its thread, at both levels.
          expect(relativeError(h.meanSojournMs, c.meanSojournMs), `${c.id} sojourn`).toBeLessThan(0.05);
        }
      }
      // The first caller holds at both levels: it is busy far longer than its own service (λ × S).
      const [id, ownBusy] = callers[name]!;
      for (const r of [request, horizon]) expect(r.components.find((c) => c.id === id)!.connectionsInUse).toBeGreaterThan(1.5 * ownBusy);
    });
  }
});
