// Background jobs in the model language: retry backoff timing, dead-lettering after a queue's
// attempts, priority order where jobs wait, and the autoscaler's decisions with warm-up.
import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../../src-main/sim/engine/rng';
import { RETRY_EXPONENTIAL, RETRY_FIXED, retryDelay, type WorkloadParams } from '../../../src-main/sim/request/workloads';
import type { ModelInput } from '../../../src-main/sim/index';
import { relativeError, run } from './helpers';

function params(retry: number, jitter: boolean): WorkloadParams {
  const one = (v: number) => [v];
  return {
    peakRate: one(1), steady: one(1), timeout: one(Infinity), deadline: one(1), maxAttempts: one(10), retry: one(retry),
    retryBase: one(0.1), retryMax: one(1), jitter: one(jitter ? 1 : 0), fallback: one(-1), priority: one(0),
  };
}

describe('retry backoff', () => {
  const rng = new RandomStream(1, 'test');
  it('waits the base delay every time with fixed backoff', () => {
    expect([1, 2, 3, 4].map((k) => retryDelay(params(RETRY_FIXED, false), 0, k, rng))).toEqual([0.1, 0.1, 0.1, 0.1]);
  });

  it('doubles the wait after each attempt with exponential backoff, up to its cap', () => {
    // 100, 200, 400, 800 ms, then the 1 s cap.
    expect([1, 2, 3, 4, 5, 6].map((k) => retryDelay(params(RETRY_EXPONENTIAL, false), 0, k, rng))).toEqual([0.1, 0.2, 0.4, 0.8, 1, 1]);
  });

  it('draws a jittered wait between zero and the backoff, half of it on average', () => {
    const draws = Array.from({ length: 20_000 }, () => retryDelay(params(RETRY_EXPONENTIAL, true), 0, 3, rng));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThanOrEqual(0.4);
    expect(relativeError(draws.reduce((a, b) => a + b, 0) / draws.length, 0.2)).toBeLessThan(0.02);
  });

  it.each([
    ['fixed', 4 + 3 * 100],
    ['exponential', 4 + 100 + 200 + 400],
  ] as const)('spends the %s backoff between attempts: four failed 1 ms attempts end after %i ms', (policy, ms) => {
    const model: ModelInput = {
      traffic: { ratePerSec: 20, durationSec: 60 },
      components: { api: { kind: 'server', concurrency: 100, serviceTime: { distribution: 'deterministic', meanMs: 1 }, baseLatencyMs: 0, errorRate: 1 } },
      workloads: {
        calls: { path: ['api'], deadlineMs: 10_000, retry: { policy, maxAttempts: 4, baseDelayMs: 100, jitter: false }, fallback: { latencyMs: 0, acceptable: true } },
      },
    };
    const w = run(model, 1).workloads[0]!;
    expect(w.fallbacks).toBe(w.userRequests - w.unfinished);
    expect(w.attempts).toBeGreaterThanOrEqual(4 * w.fallbacks);
    expect(w.p50Ms).toBeCloseTo(ms, 6);
    expect(w.p95Ms).toBeCloseTo(ms, 6);
  });
});

describe('dead-lettering', () => {
  const model = (maxAttempts: number): ModelInput => ({
    traffic: { ratePerSec: 10, durationSec: 120 },
    components: {
      jobs: { kind: 'queue', maxAttempts },
      workers: { kind: 'workerPool', concurrency: 8, serviceTime: { distribution: 'deterministic', meanMs: 10 } },
      provider: { kind: 'external', serviceTime: { distribution: 'deterministic', meanMs: 5 }, errorRate: 1 },
    },
    workloads: { send: { path: ['jobs', 'workers', 'provider'] } },
  });

  it.each([1, 3, 5])('a message that always fails is dead-lettered after %i attempts, each one a visit to the worker', (n) => {
    const r = run(model(n), 1);
    const w = r.workloads[0]!;
    const workers = r.components.find((c) => c.id === 'workers')!;
    expect(w.asyncCompleted).toBe(0);
    // Every message accepted early enough to use its attempts is parked; none is lost.
    expect(w.deadLettered).toBeGreaterThan(0.95 * w.userRequests);
    expect(w.deadLettered).toBeLessThanOrEqual(w.userRequests);
    expect(relativeError(workers.arrivals, n * w.userRequests)).toBeLessThan(0.02);
  });
});

describe('priority where jobs wait', () => {
  it('serves the higher priority first: mean waits match the non-preemptive M/M/1 priority formula', () => {
    // ρ1 = 0.3 (paid), ρ2 = 0.5 (free), S = 10 ms: R = ρS = 8 ms; W1 = R/(1−ρ1), W2 = R/((1−ρ1)(1−ρ)).
    const model: ModelInput = {
      traffic: { ratePerSec: 80, durationSec: 4000, warmupSec: 100 },
      components: { worker: { kind: 'server', concurrency: 1, serviceTime: { distribution: 'exponential', meanMs: 10 }, baseLatencyMs: 0 } },
      workloads: {
        paid: { share: 3, path: ['worker'], priority: 5, deadlineMs: 1e7 },
        free: { share: 5, path: ['worker'], deadlineMs: 1e7 },
      },
    };
    const r = run(model, 3);
    const paid = r.workloads.find((w) => w.id === 'paid')!;
    const free = r.workloads.find((w) => w.id === 'free')!;
    expect(relativeError(paid.meanMs, 10 + 8 / 0.7)).toBeLessThan(0.08);
    expect(relativeError(free.meanMs, 10 + 8 / (0.7 * 0.2))).toBeLessThan(0.08);
  });
});

describe('autoscaling on queue depth', () => {
  const model: ModelInput = {
    traffic: { ratePerSec: 200, baselineRatePerSec: 20, shape: 'spike', startSec: 60, holdSec: 300, durationSec: 900 },
    components: {
      jobs: { kind: 'queue' },
      workers: {
        kind: 'workerPool', instances: 1, concurrency: 4, serviceTime: { distribution: 'deterministic', meanMs: 100 },
        autoscale: { minInstances: 1, maxInstances: 6, targetQueuePerInstance: 50, warmupSec: 60, checkEverySec: 15 },
      },
    },
    workloads: { send: { path: ['jobs', 'workers'] } },
  };
  const r = run(model, 1);
  const pool = r.components.find((c) => c.id === 'workers')!;
  const at = (sec: number) => pool.series.instances[r.timeSec.findIndex((t) => t >= sec)]!;

  const rises = pool.series.instances.flatMap((n, i) => (i > 0 && n > pool.series.instances[i - 1]! ? [r.timeSec[i]!] : []));

  it('brings a new worker into service only a warm-up after the check that asked for it', () => {
    // Checks run every 15 s from 15 s; each new worker serves 60 s later, so at 75 s, 90 s, ... (series steps of 1.5 s).
    expect(rises.length).toBeGreaterThan(0);
    for (const t of rises) {
      expect(t).toBeGreaterThanOrEqual(75);
      expect(Math.abs(((t - 60) / 15) - Math.round((t - 60) / 15)) * 15).toBeLessThanOrEqual(r.bucketSec);
    }
  });

  it('grows to its maximum under a backlog it cannot clear, never beyond, and shrinks once the burst is over', () => {
    // The burst starts at 60 s: the 75 s check sees it, so the pool is at its cap of 6 from 135 s, and not before.
    expect(at(130)).toBeLessThanOrEqual(2);
    expect(at(140)).toBe(6);
    expect(Math.max(...pool.series.instances)).toBe(6);
    // The burst ends at 360 s; surplus workers go at the next check that finds no backlog.
    expect(at(400)).toBeLessThanOrEqual(2);
  });
});

describe('autoscaling on the CPU', () => {
  // 30 jobs/s of 100 ms of CPU need 3 cores; at 2 cores an instance and a 60 % target: ceil(3 / 1.2) = 3 instances.
  const cpuBound = (level: 'request' | 'horizon'): ModelInput => ({
    traffic: { ratePerSec: 30, durationSec: 1800 },
    components: {
      jobs: { kind: 'queue' },
      workers: {
        kind: 'workerPool', instances: 1, concurrency: 4, cpuCores: 2, serviceTime: { distribution: 'exponential', meanMs: 100 },
        autoscale: { on: 'cpu', targetCpuUtilisation: 0.6, minInstances: 1, maxInstances: 8, warmupSec: 30, checkEverySec: 15 },
      },
    },
    workloads: { [level]: { path: ['jobs', 'workers'] } },
  });

  it.each(['request', 'horizon'] as const)('settles where the CPU is at its target (%s level)', (level) => {
    const r = run(cpuBound(level), 1, level);
    const pool = r.components.find((c) => c.id === 'workers')!;
    const late = pool.series.instances.slice(-Math.floor(pool.series.instances.length / 3));
    expect(Math.min(...late)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...late)).toBeLessThanOrEqual(4);
  });

  it('never scales a pool that waits on calls, while scaling on queue depth does', () => {
    // Each job: 10 ms of CPU, then a 200 ms call it waits for; 8 threads and 2 cores an instance: the CPU stays under 20 %.
    const pool = (autoscale: Record<string, unknown>): ModelInput => ({
      traffic: { ratePerSec: 150, durationSec: 600 },
      components: {
        jobs: { kind: 'queue' },
        workers: { kind: 'workerPool', instances: 2, concurrency: 8, cpuCores: 2, serviceTime: { distribution: 'exponential', meanMs: 10 }, autoscale: { minInstances: 2, maxInstances: 10, warmupSec: 60, checkEverySec: 15, ...autoscale } },
        provider: { kind: 'external', serviceTime: { distribution: 'deterministic', meanMs: 200 } },
      },
      workloads: { send: { path: ['jobs', 'workers', 'provider'] } },
    });
    const onCpu = run(pool({ on: 'cpu', targetCpuUtilisation: 0.6 }), 1).components.find((c) => c.id === 'workers')!;
    const onDepth = run(pool({ on: 'queueDepth', targetQueuePerInstance: 100 }), 1).components.find((c) => c.id === 'workers')!;
    expect(Math.max(...onCpu.series.instances)).toBe(2);
    expect(onCpu.cpuUtilisation!).toBeLessThan(0.25);
    expect(onCpu.peakQueueDepth).toBeGreaterThan(10_000);
    expect(Math.max(...onDepth.series.instances)).toBeGreaterThanOrEqual(4);
    expect(onDepth.queueDepth).toBeLessThan(onCpu.queueDepth / 10);
  });

  it('refuses cpu autoscaling without cores or a target, naming the field', () => {
    const model = (workers: Record<string, unknown>): ModelInput => ({
      traffic: { ratePerSec: 1, durationSec: 10 },
      components: { jobs: { kind: 'queue' }, workers: { kind: 'workerPool', ...workers } },
      workloads: { send: { path: ['jobs', 'workers'] } },
    });
    expect(() => run(model({ autoscale: { on: 'cpu', targetCpuUtilisation: 0.6, minInstances: 1, maxInstances: 2 } }), 1)).toThrow(/components\.workers\.cpuCores: expected cpuCores/);
    expect(() => run(model({ cpuCores: 2, autoscale: { on: 'cpu', minInstances: 1, maxInstances: 2 } }), 1)).toThrow(/targetCpuUtilisation: expected a fraction/);
    expect(() => run(model({ autoscale: { minInstances: 1, maxInstances: 2 } }), 1)).toThrow(/targetQueuePerInstance: expected a number of messages/);
  });
});

describe('redelivery after a visibility timeout', () => {
  // 1.5 s jobs that send an email, 10 messages/s, plenty of workers.
  const model = (visibilityTimeoutSec?: number): ModelInput => ({
    traffic: { ratePerSec: 10, durationSec: 600, warmupSec: 60 },
    components: {
      jobs: { kind: 'queue', maxAttempts: 5, ...(visibilityTimeoutSec ? { visibilityTimeoutSec } : {}) },
      workers: { kind: 'workerPool', instances: 20, concurrency: 4, serviceTime: { distribution: 'deterministic', meanMs: 1500 } },
    },
    workloads: { send: { path: ['jobs', { component: 'workers', sideEffect: true }] } },
  });
  const outcome = (vt?: number) => {
    const r = run(model(vt), 1);
    return { w: r.workloads[0]!, deliveries: r.components.find((c) => c.id === 'workers')!.arrivals };
  };

  it('delivers nothing twice when the timeout outlasts the job', () => {
    const { w, deliveries } = outcome(2);
    expect(w.duplicates).toBe(0);
    expect(deliveries).toBe(w.userRequests);
  });

  it('delivers a job again each time it outlasts the timeout, up to the attempts, and each delivery repeats the email', () => {
    // Redelivered at 1, 2, 3 and 4 s: five deliveries of every message, four of them duplicates; each message is done once.
    const { w, deliveries } = outcome(1);
    expect(relativeError(deliveries, 5 * w.userRequests)).toBeLessThan(0.01);
    expect(relativeError(w.duplicates, 4 * w.asyncCompleted)).toBeLessThan(0.02);
    expect(w.asyncCompleted).toBeLessThanOrEqual(w.userRequests);
    expect(w.asyncCompleted).toBeGreaterThan(0.98 * w.userRequests);
    expect(w.deadLettered).toBe(0);
    // The message is done when its last delivery, started 4 s after the first, ends 1.5 s later.
    expect(w.asyncMeanMs).toBeGreaterThan(5500);
  });

  it('makes no duplicate with an idempotency key', () => {
    const m = model(1);
    m.workloads.send!.idempotencyKey = true;
    expect(run(m, 1).workloads[0]!.duplicates).toBe(0);
  });
});

describe('rate-limited workers that protect a downstream', () => {
  // 150 jobs/s for a provider that allows 100 calls/s; 40 worker threads each wait for the provider's 100 ms.
  const model = (whenEmpty: 'reject' | 'wait', level: 'request' | 'horizon' = 'request'): ModelInput => ({
    traffic: { ratePerSec: 150, durationSec: 300, warmupSec: 30 },
    components: {
      jobs: { kind: 'queue', maxAttempts: 3 },
      workers: { kind: 'workerPool', instances: 10, concurrency: 4, serviceTime: { distribution: 'exponential', meanMs: 5 } },
      limit: { kind: 'rateLimiter', ratePerSec: 100, whenEmpty, ...(whenEmpty === 'reject' ? { burst: 10 } : {}) },
      provider: { kind: 'external', serviceTime: { distribution: 'deterministic', meanMs: 100 }, errorRate: 0 },
    },
    workloads: { [level]: { path: ['jobs', 'workers', 'limit', 'provider'] } },
  });

  it('waiting for a token holds the provider to its rate and loses nothing; the backlog stays in the queue', () => {
    const r = run(model('wait'), 1);
    const provider = r.components.find((c) => c.id === 'provider')!;
    const w = r.workloads[0]!;
    expect(relativeError(provider.arrivalRatePerSec, 100)).toBeLessThan(0.03);
    expect(r.components.find((c) => c.id === 'limit')!.rejected).toBe(0);
    expect(w.deadLettered).toBe(0);
    expect(r.components.find((c) => c.id === 'workers')!.peakQueueDepth).toBeGreaterThan(5000);
  });

  it('at the horizon level the waiting limiter is a saturated station that refuses nobody', () => {
    // The horizon passes a saturated station's offered flow on to the hops after it, so only the limiter itself is checked here.
    const r = run(model('wait', 'horizon'), 1, 'horizon');
    const limit = r.components.find((c) => c.id === 'limit')!;
    expect(limit.utilisation).toBeGreaterThan(0.97);
    expect(limit.throughputPerSec).toBeLessThanOrEqual(100.5);
    expect(limit.rejected).toBe(0);
  });

  it('rejecting instead fails the calls past the rate, and the messages that use their attempts are dead-lettered', () => {
    const r = run(model('reject'), 1);
    expect(r.components.find((c) => c.id === 'limit')!.rejected).toBeGreaterThan(0);
    expect(r.workloads[0]!.deadLettered).toBeGreaterThan(0);
  });

  it('refuses a burst for a limiter that makes callers wait, naming the field', () => {
    const m = model('wait');
    (m.components.limit as Record<string, unknown>).burst = 10;
    expect(() => run(m, 1)).toThrow(/components\.limit\.burst: expected no burst/);
  });
});
