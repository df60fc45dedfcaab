import { describe, expect, it } from 'vitest';
import type { ModelInput } from '../../../src-main/sim/index';
import { relativeError, run } from './helpers';

/** Least-squares slope of y over x. */
function slope(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (x[i]! - mx) * (y[i]! - my);
    den += (x[i]! - mx) ** 2;
  }
  return num / den;
}

const overloaded = (lambda: number): ModelInput => ({
  traffic: { ratePerSec: lambda, durationSec: 2000 },
  components: { app: { kind: 'server', concurrency: 4, serviceTime: { distribution: 'exponential', meanMs: 100 }, baseLatencyMs: 0 } },
  workloads: { all: { path: ['app'], deadlineMs: 1000 } },
});

describe('overload', () => {
  it('the queue grows at λ − cμ per second when arrivals exceed capacity', () => {
    // c·μ = 4 / 0.1 s = 40 per second; λ = 60 per second: the queue should grow by 20 per second.
    for (const level of ['request', 'horizon'] as const) {
      const r = run(overloaded(60), 5, level);
      const depth = r.components[0]!.series.queueDepth;
      expect(relativeError(slope(r.timeSec, depth), 60 - 40)).toBeLessThan(0.05);
    }
  });

  it('late answers count as failures, so uptime collapses under overload', () => {
    for (const level of ['request', 'horizon'] as const) {
      const r = run(overloaded(60), 5, level);
      expect(r.totals.uptimePct).toBeLessThan(10);
      expect(r.workloads[0]!.late).toBeGreaterThan(0);
      expect(r.explanation.saturated[0]?.component).toBe('app');
      expect(r.explanation.saturated[0]?.drivenBy).toBe('all');
    }
  });

  it('timeouts turn into errors and the explanation names the workload that drove the bottleneck', () => {
    const model: ModelInput = {
      traffic: { ratePerSec: 100, durationSec: 300 },
      components: {
        // Enough threads that holding them while the database is slow does not starve browse: this test is about the database.
        app: { kind: 'server', concurrency: 64, serviceTime: { distribution: 'exponential', meanMs: 10 }, baseLatencyMs: 0 },
        db: { kind: 'postgres', connectionPool: 4, serviceTime: { distribution: 'exponential', meanMs: 20 }, baseLatencyMs: 0 },
      },
      workloads: {
        browse: { share: 0.5, path: ['app'], deadlineMs: 500 },
        report: { share: 0.5, path: ['app', { component: 'db', serviceTime: { distribution: 'exponential', meanMs: 100 } }], deadlineMs: 500, timeoutMs: 300 },
      },
    };
    for (const level of ['request', 'horizon'] as const) {
      const r = run(model, 2, level);
      const report = r.workloads.find((w) => w.id === 'report')!;
      expect(report.timeouts).toBeGreaterThan(report.userRequests * 0.5);
      expect(r.workloads.find((w) => w.id === 'browse')!.uptimePct).toBeGreaterThan(99);
      const db = r.explanation.saturated.find((s) => s.component === 'db');
      expect(db?.drivenBy).toBe('report');
    }
  });
});

describe('retries', () => {
  const dependency = (retry: NonNullable<ModelInput['workloads'][string]['retry']>): ModelInput => ({
    traffic: { ratePerSec: 200, durationSec: 200 },
    components: { payment: { kind: 'external', errorRate: 0.8, serviceTime: { distribution: 'deterministic', meanMs: 50 } } },
    workloads: { pay: { path: ['payment'], retry, deadlineMs: 60_000 } },
  });

  it('without backoff, retries against a failing dependency multiply the offered load', () => {
    // Expected attempts per request with failure probability f and m attempts: (1 − f^m) / (1 − f).
    const expected = (1 - 0.8 ** 10) / (1 - 0.8);
    for (const level of ['request', 'horizon'] as const) {
      const r = run(dependency({ policy: 'fixed', baseDelayMs: 0, maxAttempts: 10, jitter: false }), 4, level);
      const w = r.workloads[0]!;
      expect(relativeError(w.attempts / w.userRequests, expected)).toBeLessThan(0.03);
      expect(w.attempts / w.userRequests).toBeGreaterThan(4);
    }
  });

  it('exponential backoff with jitter and a cap of 3 attempts keeps it bounded', () => {
    const expected = (1 - 0.8 ** 3) / (1 - 0.8);
    for (const level of ['request', 'horizon'] as const) {
      const r = run(dependency({ policy: 'exponential', baseDelayMs: 100, maxDelayMs: 2000, maxAttempts: 3, jitter: true }), 4, level);
      const w = r.workloads[0]!;
      expect(relativeError(w.attempts / w.userRequests, expected)).toBeLessThan(0.03);
      expect(w.attempts / w.userRequests).toBeLessThanOrEqual(3);
    }
  });

  it('a retry storm through timeouts pushes offered load far above the user rate', () => {
    const model = (maxAttempts: number, policy: 'fixed' | 'exponential'): ModelInput => ({
      traffic: { ratePerSec: 30, durationSec: 300 },
      components: { app: { kind: 'server', concurrency: 4, serviceTime: { distribution: 'exponential', meanMs: 100 }, baseLatencyMs: 0 } },
      faults: [{ component: 'app', fromSec: 60, toSec: 120, effect: 'slow', factor: 3 }],
      workloads: { all: { path: ['app'], timeoutMs: 500, retry: { policy, maxAttempts, baseDelayMs: policy === 'fixed' ? 0 : 200, jitter: policy !== 'fixed' } } },
    });
    const storm = run(model(10, 'fixed'), 1);
    const calm = run(model(3, 'exponential'), 1);
    const stormLoad = storm.workloads[0]!.attempts / storm.workloads[0]!.userRequests;
    const calmLoad = calm.workloads[0]!.attempts / calm.workloads[0]!.userRequests;
    expect(stormLoad).toBeGreaterThan(2 * calmLoad);
    expect(calmLoad).toBeLessThanOrEqual(3);
  });
});
