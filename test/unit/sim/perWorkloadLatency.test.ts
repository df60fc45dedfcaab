// Workloads that share a path get their own latencies from their own service times, at both levels:
// a login that hashes for 30 ms is slower than a 12 ms page view through the same server.
import { describe, expect, it } from 'vitest';
import type { ModelInput } from '../../../src-main/sim/index';
import { relativeError, run } from './helpers';

const shared: ModelInput = {
  traffic: { ratePerSec: 200, durationSec: 660, warmupSec: 60 },
  components: { app: { kind: 'server', concurrency: 8, baseLatencyMs: 0 } },
  workloads: {
    view: { share: 3, path: [{ component: 'app', serviceTime: { distribution: 'exponential', meanMs: 12 } }] },
    login: { share: 1, path: [{ component: 'app', serviceTime: { distribution: 'exponential', meanMs: 30 } }] },
  },
};

describe('per-workload latency on a shared path', () => {
  it('the horizon level gives each workload its own p50 and p95, close to the request level', () => {
    const request = run(shared, 5, 'request');
    const horizon = run(shared, 5, 'horizon');
    const at = (r: typeof request, id: string) => r.workloads.find((w) => w.id === id)!;
    // Below saturation (ρ ≈ 0.5) the wait is small, so each p95 is about its own exponential's (3 × mean).
    expect(at(horizon, 'login').p95Ms).toBeGreaterThan(2 * at(horizon, 'view').p95Ms);
    for (const id of ['view', 'login']) {
      expect(relativeError(at(horizon, id).p95Ms, at(request, id).p95Ms), id).toBeLessThan(0.1);
      expect(relativeError(at(horizon, id).p50Ms, at(request, id).p50Ms), id).toBeLessThan(0.1);
    }
  });
});
