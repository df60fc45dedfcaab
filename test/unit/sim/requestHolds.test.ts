/**
 * Held callers at the request level: a server (auth service, worker) that
 * calls the next hop keeps its thread until the call is answered, fails or
 * times out, so a slow dependency fills the caller's threads.
 */
import { describe, expect, it } from 'vitest';
import type { ModelInput, SimResult } from '../../../src-main/sim/index';
import { relativeError, run } from './helpers';

/** Mean of a series over [from, to) (intervals are 1 s here), skipping empty intervals. */
function meanOver(series: readonly (number | null)[], from: number, to: number): number {
  let sum = 0;
  let n = 0;
  for (let i = from; i < to; i++) {
    const v = series[i];
    if (v !== null && v !== undefined) {
      sum += v;
      n++;
    }
  }
  return sum / n;
}

const component = (r: SimResult, id: string) => r.components.find((c) => c.id === id)!;
const workload = (r: SimResult, id: string) => r.workloads.find((w) => w.id === id)!;

/**
 * One app server (8 threads, 20 ms per request): `pay` (10/s) calls an external
 * service (50 ms), `browse` (100/s) does not. The external is 10x slower from 40 s to 80 s.
 */
function appInFrontOfExternal(opts: { fault: 'slow' | 'fail' | null; timeoutMs?: number }): ModelInput {
  return {
    traffic: { ratePerSec: 110, durationSec: 120, warmupSec: 10 },
    components: {
      app: { kind: 'server', concurrency: 8, serviceTime: { distribution: 'exponential', meanMs: 20 }, baseLatencyMs: 0 },
      ext: { kind: 'external', serviceTime: { distribution: 'deterministic', meanMs: 50 }, errorRate: 0, baseLatencyMs: 0 },
    },
    workloads: {
      pay: { share: 10, path: ['app', 'ext'], deadlineMs: 5000, ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) },
      browse: { share: 100, path: ['app'], deadlineMs: 5000 },
    },
    faults: opts.fault === null ? [] : [{ component: 'ext', fromSec: 40, toSec: 80, effect: opts.fault, factor: 10 }],
  };
}

// Intervals well inside the fault (40-80 s) and before it (after the warm-up).
const DURING: [number, number] = [45, 80];
const BEFORE: [number, number] = [10, 40];

describe('held callers (request level)', () => {
  it('a slow dependency fills the server that waits for it: utilisation and queue rise, and a workload that never calls it slows down', () => {
    const slow = run(appInFrontOfExternal({ fault: 'slow' }), 3);
    const calm = run(appInFrontOfExternal({ fault: null }), 3);
    const app = component(slow, 'app');
    // Before: 100 x 20 ms + 10 x (20 + 50) ms = 2.7 threads of 8. During: 2 + 10 x 0.52 = 7.2 of 8.
    expect(meanOver(app.series.utilisation, ...BEFORE)).toBeLessThan(0.45);
    expect(meanOver(app.series.utilisation, ...DURING)).toBeGreaterThan(0.8);
    expect(meanOver(app.series.queueDepth, ...DURING)).toBeGreaterThan(2);
    expect(meanOver(app.series.queueDepth, ...BEFORE)).toBeLessThan(0.2);
    // Browse never touches the external, yet waits for the threads pay holds.
    const browseSlow = workload(slow, 'browse').series.p95Ms;
    expect(meanOver(browseSlow, ...DURING)).toBeGreaterThan(2 * meanOver(browseSlow, ...BEFORE));
    // Without the fault, browse is as fast in that window as before it.
    const browseCalm = workload(calm, 'browse').series.p95Ms;
    expect(relativeError(meanOver(browseCalm, ...DURING), meanOver(browseCalm, ...BEFORE))).toBeLessThan(0.15);
    expect(meanOver(component(calm, 'app').series.utilisation, ...DURING)).toBeLessThan(0.45);
    // Held time is pay's: it drives the saturated server although browse does ten times its requests.
    const saturated = slow.explanation.saturated.find((s) => s.component === 'app');
    expect(saturated?.drivenBy).toBe('pay');
  });

  it("a timeout frees the caller's thread: utilisation during the fault stays near (λ × timeout + browse's work) / threads", () => {
    const r = run(appInFrontOfExternal({ fault: 'slow', timeoutMs: 100 }), 3);
    const app = component(r, 'app');
    // pay holds a thread for at most 100 ms: 10/s x 0.1 s = 1 thread, plus browse's 100 x 20 ms = 2, of 8.
    const bound = (10 * 0.1 + 100 * 0.02) / 8;
    const during = meanOver(app.series.utilisation, ...DURING);
    expect(during).toBeLessThan(bound * 1.1);
    expect(during).toBeGreaterThan(bound * 0.85);
    expect(workload(r, 'pay').timeouts).toBeGreaterThan(300);
    // So browse does not notice the fault.
    const browse = workload(r, 'browse').series.p95Ms;
    expect(relativeError(meanOver(browse, ...DURING), meanOver(browse, ...BEFORE))).toBeLessThan(0.15);
  });

  it('a failing dependency answers at once, so it frees the threads instead of filling them', () => {
    const r = run(appInFrontOfExternal({ fault: 'fail' }), 3);
    const app = component(r, 'app');
    // During the failure pay only holds its own 20 ms: 110 x 20 ms = 2.2 threads of 8.
    expect(meanOver(app.series.utilisation, ...DURING)).toBeLessThan(0.32);
    expect(meanOver(app.series.utilisation, ...BEFORE)).toBeGreaterThan(0.3);
    expect(workload(r, 'pay').errors).toBeGreaterThan(300);
  });

  it('nested callers each hold: auth waits for the app, which waits for the database (connections in use and stay = the rest of the call)', () => {
    const model: ModelInput = {
      traffic: { ratePerSec: 50, durationSec: 300, warmupSec: 10 },
      components: {
        auth: { kind: 'auth', concurrency: 50, serviceTime: { distribution: 'deterministic', meanMs: 5 }, baseLatencyMs: 0 },
        app: { kind: 'server', concurrency: 50, serviceTime: { distribution: 'deterministic', meanMs: 10 }, baseLatencyMs: 1 },
        db: { kind: 'postgres', connectionPool: 50, serviceTime: { distribution: 'deterministic', meanMs: 20 }, baseLatencyMs: 2 },
      },
      workloads: { login: { path: ['auth', 'app', 'db'] } },
    };
    const r = run(model, 1);
    // auth: 5 + 1 + 10 + 2 + 20 ms; app: 10 + 2 + 20 ms; the database only its own 20 ms.
    expect(relativeError(component(r, 'auth').connectionsInUse, 50 * 0.038)).toBeLessThan(0.03);
    expect(relativeError(component(r, 'app').connectionsInUse, 50 * 0.032)).toBeLessThan(0.03);
    expect(relativeError(component(r, 'db').connectionsInUse, 50 * 0.02)).toBeLessThan(0.03);
    // A caller stays at its station until it lets go of its thread: its mean stay is the rest of the call, and Little's law holds there.
    expect(relativeError(component(r, 'auth').meanSojournMs, 38)).toBeLessThan(0.01);
    expect(relativeError(component(r, 'app').meanSojournMs, 32)).toBeLessThan(0.01);
    for (const id of ['auth', 'app', 'db']) {
      const c = component(r, id);
      expect(relativeError(c.meanInSystem, c.arrivalRatePerSec * (c.meanSojournMs / 1000)), id).toBeLessThan(0.01);
    }
    // Most of a caller's busy time is spent waiting on its calls: auth 33 of its 38 ms, the app 22 of 32.
    expect(relativeError(component(r, 'auth').waitingOnCallsShare!, 33 / 38)).toBeLessThan(0.02);
    expect(relativeError(component(r, 'app').waitingOnCallsShare!, 22 / 32)).toBeLessThan(0.02);
    // The answer itself is as fast as before: holding costs threads, not latency, below saturation.
    expect(relativeError(workload(r, 'login').meanMs, 38)).toBeLessThan(0.01);
  });

  it('a worker pool that waits for a slow provider lets the queue in front of it grow', () => {
    const model = (fault: boolean): ModelInput => ({
      traffic: { ratePerSec: 20, durationSec: 120, warmupSec: 10 },
      components: {
        api: { kind: 'server', concurrency: 8 },
        jobs: { kind: 'queue' },
        workers: { kind: 'workerPool', instances: 1, concurrency: 4, serviceTime: { distribution: 'exponential', meanMs: 10 } },
        provider: { kind: 'external', serviceTime: { distribution: 'deterministic', meanMs: 50 }, errorRate: 0, baseLatencyMs: 0 },
      },
      workloads: { send: { path: ['api', 'jobs', 'workers', 'provider'] } },
      faults: fault ? [{ component: 'provider', fromSec: 40, toSec: 80, effect: 'slow', factor: 10 }] : [],
    });
    const slow = run(model(true), 2);
    const calm = run(model(false), 2);
    // 4 workers each held 510 ms: about 7.8 messages/s against 20 arriving, so the queue grows by ~12/s.
    const depth = component(slow, 'jobs').series.queueDepth;
    expect(depth[78]!).toBeGreaterThan(300);
    expect(meanOver(depth, ...BEFORE)).toBeLessThan(1);
    expect(meanOver(component(slow, 'workers').series.utilisation, ...DURING)).toBeGreaterThan(0.95);
    // Without the fault the workers are held 60 ms per message: 20 x 0.06 = 1.2 of 4.
    expect(relativeError(component(calm, 'workers').utilisation, 0.3)).toBeLessThan(0.1);
    expect(Math.max(...component(calm, 'jobs').series.queueDepth.map((d) => d ?? 0))).toBeLessThan(5);
    // The user is answered at the hand-off: the api is not held by the background work.
    expect(workload(slow, 'send').p95Ms).toBeLessThan(100);
  });

  it('the same seed gives identical results with holds, timeouts, retries, row locks and a shared CPU, whatever ran before', () => {
    const model: ModelInput = {
      traffic: { ratePerSec: 40, durationSec: 40, warmupSec: 5 },
      components: {
        lb: { kind: 'loadBalancer', policy: 'leastConnections' },
        app: { kind: 'server', instances: 2, concurrency: 8 },
        auth: { kind: 'auth', concurrency: 8, errorRate: 0.02 },
        db: { kind: 'postgres', connectionPool: 60, cpuCores: 1, hotRows: 5 },
        pay: { kind: 'external', errorRate: 0.05, serviceTime: { distribution: 'uniform', minMs: 50, maxMs: 150 } },
        jobs: { kind: 'queue', maxAttempts: 3 },
        workers: { kind: 'workerPool', concurrency: 4 },
        mail: { kind: 'external', errorRate: 0.2, serviceTime: 80 },
      },
      workloads: {
        login: { share: 1, path: ['lb', 'auth', 'app', 'db'], timeoutMs: 150, retry: { policy: 'exponential', maxAttempts: 3 } },
        buy: { share: 1, path: ['lb', 'app', { component: 'db', locksRow: true }, 'pay', 'jobs', 'workers', 'mail'], timeoutMs: 400 },
      },
      faults: [{ component: 'pay', fromSec: 15, toSec: 25, effect: 'slow', factor: 8 }],
    };
    const a = run(model, 11);
    // Every mechanism is exercised: answers, timeouts, async completions and a busy CPU.
    expect(a.workloads.every((w) => w.successes > 0)).toBe(true);
    expect(a.workloads.some((w) => w.timeouts > 0)).toBe(true);
    expect(a.workloads[1]!.asyncCompleted).toBeGreaterThan(0);
    expect(component(a, 'db').cpuUtilisation).toBeGreaterThan(0);
    expect(run(model, 11)).toEqual(a);
    // Also after a run that ends with thousands of requests still in flight (whose arrays the next run reuses).
    const jammed = run({ traffic: { ratePerSec: 200, durationSec: 40 }, components: { app: { kind: 'server', concurrency: 2 }, pay: { kind: 'external' } }, workloads: { pay: { path: ['app', 'pay'] } } }, 1);
    expect(jammed.workloads.reduce((n, w) => n + w.unfinished, 0)).toBeGreaterThan(1000);
    expect(run(model, 11)).toEqual(a);
    expect(run(model, 12).workloads[0]!.p95Ms).not.toBe(a.workloads[0]!.p95Ms);
  });
});
