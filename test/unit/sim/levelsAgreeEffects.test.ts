/**
 * Duplicates and late background work at both levels: on small steady
 * models the request level (every attempt and message followed) and the
 * horizon level (expected counts from flows) agree, and each is checked
 * against a count by hand.
 */
import { describe, expect, it } from 'vitest';
import type { ModelInput, SimResult } from '../../../src-main/sim/index';
import { mmcSojournTail } from '../../../src-main/sim/theory/erlangC';
import { relativeError, run } from './helpers';

const steady = { durationSec: 660, warmupSec: 60 };
const both = (model: ModelInput): [SimResult, SimResult] => [run(model, 1, 'request'), run(model, 1, 'horizon')];

describe('side effects and background deadlines: the two levels agree', () => {
  it('errors after the order is saved, retried up to 3 attempts: duplicates within 15 % (each about 0.24 per request)', () => {
    const model: ModelInput = {
      traffic: { ...steady, ratePerSec: 40 },
      components: {
        app: { kind: 'server', concurrency: 64 },
        db: { kind: 'postgres', connectionPool: 20 },
        pay: { kind: 'external', errorRate: 0.2, serviceTime: { distribution: 'uniform', minMs: 200, maxMs: 400 } },
      },
      workloads: { order: { path: ['app', { component: 'db', sideEffect: true }, 'pay'], retry: { policy: 'fixed', maxAttempts: 3, baseDelayMs: 100 }, deadlineMs: 3000 } },
    };
    const [request, horizon] = both(model);
    const r = request.workloads[0]!;
    const h = horizon.workloads[0]!;
    expect(relativeError(h.duplicates, r.duplicates)).toBeLessThan(0.15);
    // By hand: a second attempt after a failure (0.2), a third after two (0.04), each saving the order again.
    for (const w of [r, h]) expect(relativeError(w.duplicates, w.userRequests * (0.2 + 0.04))).toBeLessThan(0.05);
  });

  it('a consumer near saturation (4 workers at 85 %) with a 500 ms background deadline: late messages within 15 %, and near Erlang C (8 % of them)', () => {
    const model: ModelInput = {
      traffic: { ...steady, ratePerSec: 34 },
      components: {
        api: { kind: 'server', concurrency: 16, serviceTime: 5 },
        jobs: { kind: 'queue' },
        workers: { kind: 'workerPool', concurrency: 4, serviceTime: { distribution: 'exponential', meanMs: 100 } },
      },
      workloads: { upload: { path: ['api', 'jobs', { component: 'workers', sideEffect: true }], backgroundDeadlineMs: 500 } },
    };
    const [request, horizon] = both(model);
    const r = request.workloads[0]!;
    const h = horizon.workloads[0]!;
    expect(relativeError(h.asyncLate, r.asyncLate)).toBeLessThan(0.15);
    // By hand: M/M/4 at 34/s, 10/s per worker: P(sojourn > 0.5 s) = 0.081, of ~20,400 messages.
    const tail = mmcSojournTail(4, 34, 10, 0.5);
    for (const w of [r, h]) expect(relativeError(w.asyncLate, w.asyncCompleted * tail)).toBeLessThan(0.1);
    // Nothing fails, so nothing is redelivered or done twice.
    expect(r.duplicates).toBe(0);
    expect(h.duplicates).toBe(0);
  });

  it('a message redelivered after its effect: duplicates within 15 % (0.3 + 0.09 + 0.027 + 0.0081 per message)', () => {
    const model: ModelInput = {
      traffic: { ...steady, ratePerSec: 30 },
      components: {
        api: { kind: 'server', concurrency: 16, serviceTime: 5 },
        jobs: { kind: 'queue', maxAttempts: 5 },
        workers: { kind: 'workerPool', concurrency: 8, serviceTime: 10 },
        ship: { kind: 'external', errorRate: 0, serviceTime: { distribution: 'uniform', minMs: 50, maxMs: 150 } },
        track: { kind: 'external', errorRate: 0.3, serviceTime: { distribution: 'uniform', minMs: 20, maxMs: 60 } },
      },
      workloads: { ship: { path: ['api', 'jobs', 'workers', { component: 'ship', sideEffect: true }, 'track'], backgroundDeadlineMs: 5000 } },
    };
    const [request, horizon] = both(model);
    const r = request.workloads[0]!;
    const h = horizon.workloads[0]!;
    expect(relativeError(h.duplicates, r.duplicates)).toBeLessThan(0.15);
    for (const w of [r, h]) expect(relativeError(w.duplicates, (w.asyncCompleted + w.deadLettered) * (0.3 + 0.09 + 0.027 + 0.0081))).toBeLessThan(0.05);
  });

  describe('a redelivered message is late by its redeliveries', () => {
    // Ample workers (no wait): one delivery takes 300 + 10 ms, within the 500 ms deadline; a message whose
    // notification failed (20 %) is delivered again and takes 620 ms or more. So 20 % of messages are late.
    const model: ModelInput = {
      traffic: { ...steady, ratePerSec: 20 },
      components: {
        api: { kind: 'server', concurrency: 16, serviceTime: 5 },
        jobs: { kind: 'queue', maxAttempts: 5 },
        workers: { kind: 'workerPool', concurrency: 64, serviceTime: { distribution: 'deterministic', meanMs: 300 } },
        notify: { kind: 'external', errorRate: 0.2, serviceTime: { distribution: 'deterministic', meanMs: 10 } },
      },
      workloads: { report: { path: ['api', 'jobs', { component: 'workers', sideEffect: true }, 'notify'], backgroundDeadlineMs: 500 } },
    };

    it('request level: 20 % of the messages late (those delivered twice or more), and 0.2496 duplicates per message', () => {
      const w = run(model, 1, 'request').workloads[0]!;
      const messages = w.asyncCompleted + w.deadLettered;
      expect(relativeError(w.asyncLate, messages * (0.2 - 0.2 ** 5))).toBeLessThan(0.05);
      expect(relativeError(w.duplicates, messages * (0.2 + 0.04 + 0.008 + 0.0016))).toBeLessThan(0.05);
    });

    // A redelivered message makes one pass per delivery: the horizon times k passes with their chances.
    it('horizon level: the same 20 % late, and a mean time of 1.25 passes', () => {
      const w = run(model, 1, 'horizon').workloads[0]!;
      const messages = w.asyncCompleted + w.deadLettered;
      expect(relativeError(w.asyncLate, messages * (0.2 - 0.2 ** 5))).toBeLessThan(0.15);
      expect(relativeError(w.asyncMeanMs, 310 * 1.25)).toBeLessThan(0.05);
    });
  });
});
