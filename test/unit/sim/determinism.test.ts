import { describe, expect, it } from 'vitest';
import { simulate, validateModel, type ModelInput } from '../../../src-main/sim/index';
import { run } from './helpers';

const model: ModelInput = {
  traffic: { ratePerSec: 300, durationSec: 60 },
  components: {
    lb: { kind: 'loadBalancer', policy: 'leastConnections' },
    app: { kind: 'server', instances: 3, concurrency: 4 },
    cache: { kind: 'redisCache', keyCount: 5000, capacityKeys: 500 },
    db: { kind: 'postgres' },
    email: { kind: 'external', serviceTime: { distribution: 'uniform', minMs: 100, maxMs: 300 } },
  },
  workloads: {
    read: { share: 3, path: ['lb', 'app', 'cache', 'db'] },
    notify: { share: 1, path: ['lb', 'app', 'email'], retry: { policy: 'exponential', maxAttempts: 3 } },
  },
};

describe('seeded runs', () => {
  it('the same seed gives identical results', () => {
    expect(run(model, 42)).toEqual(run(model, 42));
  });

  it('another seed gives different numbers', () => {
    expect(run(model, 43).workloads[0]!.p95Ms).not.toBe(run(model, 42).workloads[0]!.p95Ms);
  });

  it("changing one component does not reshuffle another workload's arrivals", () => {
    const slower: ModelInput = { ...model, components: { ...model.components, email: { kind: 'external', serviceTime: { distribution: 'uniform', minMs: 400, maxMs: 900 } } } };
    const a = run(model, 42).workloads.find((w) => w.id === 'read')!;
    const b = run(slower, 42).workloads.find((w) => w.id === 'read')!;
    expect(b.userRequests).toBe(a.userRequests);
  });

  it('results are plain data that survive JSON and structured clone', () => {
    const r = run(model, 1);
    // A JSON round trip turns NaN and Infinity into null and drops undefined fields and class
    // prototypes, so it equals the original only if the result is plain, finite data.
    expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
    expect(structuredClone(r)).toStrictEqual(r);
    expect(r.timeSec.length).toBeLessThanOrEqual(600);
    for (const w of r.workloads) expect(w.series.p95Ms.length).toBeLessThanOrEqual(600);
    for (const c of r.components) expect(Array.isArray(c.series.utilisation)).toBe(true);
  });

  it('reports progress at most ~50 times and stops when asked', () => {
    // Enough app servers to keep up for 50 minutes (with 3, about 470,000 requests would pile up: a horizon run).
    const long = validateModel({ ...model, traffic: { ratePerSec: 300, durationSec: 3000 }, components: { ...model.components, app: { kind: 'server', instances: 8, concurrency: 4 } } }, 'long.yaml');
    const calls: number[] = [];
    const done = simulate(long, { seed: 1, onProgress: (f) => calls.push(f) });
    expect(done).toMatchObject({ status: 'complete', level: 'request' });
    expect(calls.length).toBeLessThanOrEqual(52);
    expect(calls.at(-1)).toBe(1);
    let checks = 0;
    const stopped = simulate(long, { seed: 1, shouldStop: () => ++checks > 3 });
    expect(stopped.status).toBe('cancelled');
    const stoppedHorizon = simulate(long, { seed: 1, level: 'horizon', shouldStop: () => true });
    expect(stoppedHorizon.status).toBe('cancelled');
  });
});
