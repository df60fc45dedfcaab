/**
 * The CPU behind a pooled store at the request level: a query holds one of
 * the pool's connections, but spends a tenth of its service time on the
 * instance's cores, so past cores / 0.1 queries at once the cores are the
 * limit, not the pool.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src-main/sim/compile';
import { validateModel, type ModelInput, type SimResult } from '../../../src-main/sim/index';
import { runRequestLevel } from '../../../src-main/sim/request';
import { relativeError, run } from './helpers';

/** Queries straight to one Postgres instance, 20 ms each (exponential): the cores cap it at cores / (0.1 x 20 ms) = 500 x cores per second. */
function database(opts: { ratePerSec: number; pool: number; cores?: number; hotRows?: number; locksRow?: boolean }): ModelInput {
  return {
    traffic: { ratePerSec: opts.ratePerSec, durationSec: 20, warmupSec: 4 },
    components: {
      db: {
        kind: 'postgres',
        connectionPool: opts.pool,
        ...(opts.cores ? { cpuCores: opts.cores } : {}),
        ...(opts.hotRows ? { hotRows: opts.hotRows } : {}),
        serviceTime: { distribution: 'exponential', meanMs: 20 },
        baseLatencyMs: 0,
      },
    },
    workloads: { queries: { path: [opts.locksRow ? { component: 'db', locksRow: true } : 'db'], deadlineMs: 1e7 } },
  };
}

const db = (r: SimResult) => r.components.find((c) => c.id === 'db')!;

describe('the CPU behind a pooled store (request level)', () => {
  it('a pool of 500 on 2 cores serves about 2 / (0.1 × 20 ms) = 1,000 queries/s, with the CPU saturated and latency growing', () => {
    const over = run(database({ ratePerSec: 1500, pool: 500 }), 1);
    const under = run(database({ ratePerSec: 500, pool: 500 }), 1);
    expect(relativeError(db(over).throughputPerSec, 1000)).toBeLessThan(0.04);
    expect(db(over).cpuUtilisation).toBeGreaterThan(0.98);
    expect(db(over).peakCpuUtilisation).toBeGreaterThan(0.98);
    expect(db(under).peakCpuUtilisation!).toBeLessThan(0.65);
    // The connections are all taken and queries queue for them: seconds, against 20 ms below the cap.
    expect(db(over).connectionsInUse).toBeGreaterThan(495);
    expect(over.workloads[0]!.p95Ms).toBeGreaterThan(50 * under.workloads[0]!.p95Ms);
    expect(relativeError(db(under).throughputPerSec, 500)).toBeLessThan(0.04);
  });

  it('a bigger pool past cores / 0.1 adds waiting, not throughput; more cores raise the cap', () => {
    const pool40 = run(database({ ratePerSec: 1500, pool: 40 }), 2);
    const pool500 = run(database({ ratePerSec: 1500, pool: 500 }), 2);
    expect(relativeError(db(pool40).throughputPerSec, db(pool500).throughputPerSec)).toBeLessThan(0.03);
    // Each query's stay in the database itself: 40 at once each take 2x; 500 at once each take 25x.
    expect(db(pool500).meanSojournMs - db(pool500).meanWaitMs).toBeGreaterThan(5 * (db(pool40).meanSojournMs - db(pool40).meanWaitMs));
    const fourCores = run(database({ ratePerSec: 2500, pool: 500, cores: 4 }), 2);
    expect(relativeError(db(fourCores).throughputPerSec, 2000)).toBeLessThan(0.04);
    const eightCores = run(database({ ratePerSec: 1500, pool: 500, cores: 8 }), 2);
    expect(relativeError(db(eightCores).throughputPerSec, 1500)).toBeLessThan(0.04);
    expect(eightCores.workloads[0]!.p95Ms).toBeLessThan(80);
  });

  it('below the cap the CPU utilisation is λ × 0.1 × S / cores', () => {
    for (const [rate, cores] of [
      [300, 2],
      [800, 2],
      [800, 4],
    ] as const) {
      const r = run(database({ ratePerSec: rate, pool: 500, cores }), 3);
      expect(relativeError(db(r).cpuUtilisation!, (rate * 0.1 * 0.02) / cores)).toBeLessThan(0.05);
      // Its peak (the busiest of its 1-second intervals here) is that plus the noise of a second's arrivals.
      expect(db(r).peakCpuUtilisation!).toBeGreaterThan(db(r).cpuUtilisation!);
      expect(db(r).peakCpuUtilisation!).toBeLessThan(1.35 * ((rate * 0.1 * 0.02) / cores));
    }
  });

  it('a pool that runs dry on row-lock waits shows a CPU far less busy than its pool', () => {
    // Two hot rows, each held 20 ms per transaction (100/s in all, against 120/s): at most 2 queries
    // run at once, the other connections wait for a row, and the pool runs dry.
    const r = run(database({ ratePerSec: 120, pool: 20, hotRows: 2, locksRow: true }), 4);
    expect(db(r).utilisation).toBeGreaterThan(0.95);
    // At most 2 in service: 2 x 0.1 / 2 cores = 0.1.
    expect(db(r).cpuUtilisation!).toBeLessThan(0.1);
    expect(db(r).cpuUtilisation!).toBeLessThan(db(r).utilisation / 6);
  });

  it('read replicas report their CPU too; components without one report none', () => {
    const r = run(
      {
        traffic: { ratePerSec: 200, durationSec: 20 },
        components: { lb: { kind: 'loadBalancer' }, replica: { kind: 'readReplica', serviceTime: { distribution: 'exponential', meanMs: 20 } } },
        workloads: { read: { path: ['lb', 'replica'] } },
      },
      5,
    );
    const replica = r.components.find((c) => c.id === 'replica')!;
    expect(relativeError(replica.cpuUtilisation!, (200 * 0.1 * 0.02) / 2)).toBeLessThan(0.1);
    expect(r.components.find((c) => c.id === 'lb')!.cpuUtilisation).toBeNull();
  });

  it("a worker pool's instances pool their cores behind one queue, and an autoscaled pool's grow with it", () => {
    // Any station may carry a CPU: here a pool of 2 instances x 8 workers, each instance 2 cores of
    // all-CPU work (50 ms): 4 at once, 80 messages/s, however many workers wait beside them.
    const model = (autoscale: boolean): ModelInput => ({
      traffic: { ratePerSec: 120, durationSec: 60, warmupSec: autoscale ? 30 : 5 },
      components: {
        workers: {
          kind: 'workerPool',
          instances: 2,
          concurrency: 8,
          serviceTime: { distribution: 'exponential', meanMs: 50 },
          baseLatencyMs: 0,
          ...(autoscale ? { autoscale: { minInstances: 2, maxInstances: 4, targetQueuePerInstance: 10, warmupSec: 5, checkEverySec: 5 } } : {}),
        },
      },
      workloads: { jobs: { path: ['workers'], deadlineMs: 1e7 } },
    });
    const runWithCpu = (m: ModelInput) => {
      const plan = compile(validateModel(m, 'workers.yaml'));
      plan.stations[0]!.cpu = { cores: 2, shareOfService: 1 };
      const out = runRequestLevel(plan, 6);
      if (out.cancelled) throw new Error('cancelled');
      const st = out.raw.stations[0]!;
      return { throughput: st.departures / out.raw.measuredSec, cpu: st.cpuUtilisation, instances: st.meanInstances };
    };
    const fixed = runWithCpu(model(false));
    expect(relativeError(fixed.throughput, 80)).toBeLessThan(0.04);
    expect(fixed.cpu).toBeGreaterThan(0.98);
    // Scaled out (up to 4 instances, 8 cores: 160/s), more gets through than 2 instances' cores allow.
    const scaled = runWithCpu(model(true));
    expect(scaled.instances).toBeGreaterThan(2.5);
    expect(scaled.throughput).toBeGreaterThan(1.3 * fixed.throughput);
  });
});
