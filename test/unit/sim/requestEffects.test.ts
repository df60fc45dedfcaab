/**
 * The request level counts background work done late (asyncLate) and side
 * effects done more than once (duplicates): an order row saved again by a
 * retry, a charge made again by a redelivered message.
 */
import { describe, expect, it } from 'vitest';
import type { ModelInput } from '../../../src-main/sim/index';
import { relativeError, run } from './helpers';

describe('asyncLate at the request level: background messages done after backgroundDeadlineMs', () => {
  // 10 messages/s, then 100/s for 20 s; 4 workers of 100 ms serve 40/s, so the burst leaves a backlog of
  // about 60 x 20 = 1,200 messages that drains at 30/s: its messages wait far beyond the 2 s deadline.
  const burst = (workers: number, backgroundDeadlineMs?: number): ModelInput => ({
    traffic: { ratePerSec: 100, baselineRatePerSec: 10, shape: 'spike', startSec: 60, holdSec: 20, durationSec: 200, warmupSec: 10 },
    components: {
      api: { kind: 'server', concurrency: 16, serviceTime: 5 },
      jobs: { kind: 'queue' },
      workers: { kind: 'workerPool', concurrency: workers, serviceTime: { distribution: 'exponential', meanMs: 100 } },
    },
    workloads: { upload: { path: ['api', 'jobs', 'workers'], ...(backgroundDeadlineMs === undefined ? {} : { backgroundDeadlineMs }) } },
  });

  it('a worker pool too small for a burst: the messages born in the burst finish late (about 2,240 of 3,690), the others in time', () => {
    const w = run(burst(4, 2000), 1).workloads[0]!;
    // By hand: a message waits (backlog / 40 per s); it is late once the backlog passes 80 messages. In the burst the
    // backlog grows by 60/s, past 80 after 1.33 s: 100 x (20 - 1.33) = 1,867 late. After it, the 1,200 left drain at
    // 30/s, above 80 for 37.3 s: 10 x 37.3 = 373 more. About 2,240 in all.
    expect(relativeError(w.asyncLate, 1867 + 373)).toBeLessThan(0.08);
    // The 10/s before the burst (500) and after the backlog has drained (~1,000) are in time.
    expect(w.asyncLate).toBeLessThan(w.asyncCompleted - 1200);
  });

  it('with enough workers (16: 160/s) none is late; without backgroundDeadlineMs nothing is late', () => {
    const enough = run(burst(16, 2000), 1).workloads[0]!;
    expect(enough.asyncCompleted).toBeGreaterThan(3000);
    expect(enough.asyncLate).toBe(0);
    const noDeadline = run(burst(4), 1).workloads[0]!;
    expect(noDeadline.asyncCompleted).toBeGreaterThan(3000);
    expect(noDeadline.asyncLate).toBe(0);
  });
});

describe('duplicates at the request level: a side effect repeated by a retry', () => {
  // The app saves the order (the side effect), then calls a payment provider that fails 20 % of calls.
  const checkout = (opts: { idempotencyKey?: boolean; errorRate?: number; payMs?: number; timeoutMs?: number; effectAt?: 'db' | 'pay' }): ModelInput => ({
    traffic: { ratePerSec: 50, durationSec: 310, warmupSec: 10 },
    components: {
      app: { kind: 'server', concurrency: 64 },
      db: { kind: 'postgres', connectionPool: 20 },
      pay: {
        kind: 'external',
        errorRate: opts.errorRate ?? 0.2,
        serviceTime: opts.payMs === undefined ? { distribution: 'uniform', minMs: 200, maxMs: 400 } : { distribution: 'deterministic', meanMs: opts.payMs },
      },
    },
    workloads: {
      order: {
        path: ['app', { component: 'db', sideEffect: (opts.effectAt ?? 'db') === 'db' }, { component: 'pay', sideEffect: opts.effectAt === 'pay' }],
        retry: { policy: 'fixed', maxAttempts: 3, baseDelayMs: 100 },
        deadlineMs: 5000,
        ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
        ...(opts.idempotencyKey ? { idempotencyKey: true } : {}),
      },
    },
  });

  it('errors after the order is saved: each retried attempt saves it again (about 0.24 per request); none with an idempotency key', () => {
    const r = run(checkout({}), 1);
    const w = r.workloads[0]!;
    const pay = r.components.find((c) => c.id === 'pay')!;
    // Attempts that failed at the payment after the order was saved, and were retried: the payment's errors
    // less the requests that failed their last attempt (not retried). Each is one duplicate.
    const failedAndRetried = pay.errors - w.errors;
    expect(w.duplicates).toBeGreaterThan(3000);
    expect(relativeError(w.duplicates, failedAndRetried)).toBeLessThan(0.02);
    expect(relativeError(w.duplicates, w.attempts - w.userRequests)).toBeLessThan(0.02);
    // By hand: attempt 2 follows a failure (0.2), attempt 3 two (0.04).
    expect(relativeError(w.duplicates, w.userRequests * (0.2 + 0.04))).toBeLessThan(0.05);
    expect(run(checkout({ idempotencyKey: true }), 1).workloads[0]!.duplicates).toBe(0);
  });

  it('a timeout (300 ms) shorter than the payment (500 ms): every attempt times out after the order is saved, and each retry saves it again (2 per request)', () => {
    const w = run(checkout({ errorRate: 0, payMs: 500, timeoutMs: 300 }), 1).workloads[0]!;
    expect(w.timeouts).toBeGreaterThan(0.99 * w.userRequests);
    expect(relativeError(w.duplicates, 2 * w.userRequests)).toBeLessThan(0.01);
    expect(run(checkout({ errorRate: 0, payMs: 500, timeoutMs: 300, idempotencyKey: true }), 1).workloads[0]!.duplicates).toBe(0);
  });

  it('the charge itself outlasts the timeout: the provider charges after the client gave up, each attempt once (2 duplicates per request, the last one after the request ended), whatever else the app serves', () => {
    const model = checkout({ errorRate: 0, payMs: 500, timeoutMs: 300, effectAt: 'pay' });
    // Page views through the same app, four times as many: they change nothing about the charges.
    model.workloads = { ...model.workloads, browse: { share: 4, path: ['app'] } };
    const r = run(model, 1);
    const w = r.workloads.find((x) => x.id === 'order')!;
    expect(w.timeouts).toBeGreaterThan(0.99 * w.userRequests);
    // Each request's three charges land 200 ms after its attempts gave up; the third after the request is over.
    expect(relativeError(w.duplicates, 2 * w.userRequests)).toBeLessThan(0.01);
    expect(r.workloads.find((x) => x.id === 'browse')!.duplicates).toBe(0);
  });
});

describe('duplicates behind a queue', () => {
  // The worker calls the provider that sends the parcel (the side effect), then a tracking service that fails 30 %.
  const shipping = (opts: { idempotencyKey?: boolean; apiMs?: number; timeoutMs?: number }): ModelInput => ({
    traffic: { ratePerSec: 40, durationSec: 310, warmupSec: 10 },
    components: {
      api: { kind: 'server', concurrency: 64, ...(opts.apiMs === undefined ? {} : { serviceTime: { distribution: 'deterministic', meanMs: opts.apiMs } }) },
      jobs: { kind: 'queue', maxAttempts: 5 },
      workers: { kind: 'workerPool', concurrency: 64, serviceTime: 10 },
      ship: { kind: 'external', errorRate: 0, serviceTime: { distribution: 'uniform', minMs: 50, maxMs: 150 } },
      track: { kind: 'external', errorRate: opts.apiMs === undefined ? 0.3 : 0, serviceTime: { distribution: 'uniform', minMs: 20, maxMs: 60 } },
    },
    workloads: {
      ship: {
        path: ['api', 'jobs', 'workers', { component: 'ship', sideEffect: true }, 'track'],
        ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs, retry: { policy: 'fixed', maxAttempts: 3, baseDelayMs: 50 } }),
        ...(opts.idempotencyKey ? { idempotencyKey: true } : {}),
      },
    },
  });

  it('a message redelivered after the tracking call failed ships again: 0.3 + 0.09 + 0.027 + 0.0081 per message; none with an idempotency key', () => {
    const w = run(shipping({}), 1).workloads[0]!;
    // Every message is accepted once (no retries on the user side), and redelivered after each failure, up to 5 tries.
    expect(w.attempts).toBe(w.userRequests);
    const messages = w.asyncCompleted + w.deadLettered;
    expect(relativeError(w.duplicates, messages * (0.3 + 0.09 + 0.027 + 0.0081))).toBeLessThan(0.05);
    expect(run(shipping({ idempotencyKey: true }), 1).workloads[0]!.duplicates).toBe(0);
  });

  it('attempts that time out before the queue answers still hand it their message: 3 messages per request, 2 duplicates (not counted again when the messages ship)', () => {
    const w = run(shipping({ apiMs: 300, timeoutMs: 200 }), 1).workloads[0]!;
    expect(w.timeouts).toBeGreaterThan(0.99 * w.userRequests);
    expect(relativeError(w.asyncCompleted, 3 * w.userRequests)).toBeLessThan(0.01);
    expect(relativeError(w.duplicates, 2 * w.userRequests)).toBeLessThan(0.01);
  });
});
