/**
 * Simulator benchmarks (figures, not pass/fail tests). Each figure is the
 * median of several runs after a warm-up.
 *
 * - engineEventsPerSec: the event engine alone (typed-array event queue,
 *   seeded random streams, a FIFO) driving an M/M/4 station at utilisation 0.8.
 * - simulateEventsPerSec: the full request-level simulator on the same M/M/4
 *   model (paths, faults, caches, retries and all measurements switched in).
 * - horizonRunMs: a 54-hour horizon run of a 10-component model.
 * - widgetRunMs: a request-level run of 10,000 requests through 5 components.
 */
import { pathToFileURL } from 'node:url';
import { EventQueue } from '../src-main/sim/engine/eventQueue';
import { RandomStream } from '../src-main/sim/engine/rng';
import { simulate, validateModel, type ModelInput } from '../src-main/sim/index';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function timed(runs: number, warmups: number, body: () => number): { ms: number; value: number } {
  for (let i = 0; i < warmups; i++) body();
  const times: number[] = [];
  let value = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = body();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), value };
}

/** M/M/c on the bare engine: events processed and the mean sojourn (a sanity check on the figure). */
export function mmcOnEngine(customers: number, servers: number, lambda: number, meanService: number, seed: number): { events: number; meanSojourn: number } {
  const ARRIVAL = 0;
  const DEPARTURE = 1;
  const q = new EventQueue(64);
  const arrivals = new RandomStream(seed, 'arrivals');
  const service = new RandomStream(seed, 'service');
  const waiting = new Float64Array(1 << 16);
  const mask = waiting.length - 1;
  // Each server remembers when its customer arrived; idle servers wait on a stack.
  const arrivedAt = new Float64Array(servers);
  const idle = Int32Array.from({ length: servers }, (_, i) => i);
  let idleTop = servers;
  let head = 0;
  let tail = 0;
  let done = 0;
  let events = 0;
  let sojournSum = 0;
  q.schedule(arrivals.exponential(1 / lambda), ARRIVAL, 0, 0);
  while (done < customers && q.pop()) {
    events++;
    const t = q.now;
    if (q.kind === ARRIVAL) {
      q.schedule(t + arrivals.exponential(1 / lambda), ARRIVAL, 0, 0);
      if (idleTop > 0) {
        const server = idle[--idleTop]!;
        arrivedAt[server] = t;
        q.schedule(t + service.exponential(meanService), DEPARTURE, server, 0);
      } else {
        waiting[tail++ & mask] = t;
      }
    } else {
      const server = q.argA;
      sojournSum += t - arrivedAt[server]!;
      done++;
      if (head !== tail) {
        arrivedAt[server] = waiting[head++ & mask]!;
        q.schedule(t + service.exponential(meanService), DEPARTURE, server, 0);
      } else {
        idle[idleTop++] = server;
      }
    }
  }
  return { events, meanSojourn: sojournSum / done };
}

const mmcModel = (customers: number): ModelInput => ({
  name: 'M/M/4 at 0.8',
  traffic: { ratePerSec: 32, durationSec: customers / 32 },
  components: { station: { kind: 'server', concurrency: 4, serviceTime: { distribution: 'exponential', meanMs: 100 }, baseLatencyMs: 0 } },
  workloads: { all: { path: ['station'] } },
});

export const tenComponents: ModelInput = {
  name: 'checkout, 54 hours',
  traffic: { baselineUsers: 150, peakUsers: 3000, requestsPerUserPerSec: 0.2, shape: 'morningSurge', durationHours: 54 },
  components: {
    lb: { kind: 'loadBalancer', policy: 'leastConnections' },
    limiter: { kind: 'rateLimiter', ratePerSec: 2000, burst: 200 },
    app: { kind: 'server', instances: 4, concurrency: 16 },
    auth: { kind: 'auth', instances: 2 },
    cache: { kind: 'redisCache', keyCount: 100_000, capacityKeys: 10_000, zipfExponent: 0.9 },
    db: { kind: 'postgres', connectionPool: 40, hotRows: 200 },
    replica: { kind: 'readReplica', connectionPool: 40 },
    emails: { kind: 'queue' },
    workers: { kind: 'workerPool', instances: 2, autoscale: { minInstances: 2, maxInstances: 10, targetQueuePerInstance: 50 } },
    payment: { kind: 'external', errorRate: 0.01 },
  },
  workloads: {
    browse: { share: 6, path: ['lb', 'limiter', 'app', 'cache', 'replica'], deadlineMs: 160 },
    login: { share: 1, path: ['lb', 'limiter', 'auth', 'app', 'db'], deadlineMs: 300 },
    checkout: {
      share: 1,
      path: ['lb', 'limiter', 'app', { component: 'db', locksRow: true }, 'payment', 'emails', 'workers'],
      deadlineMs: 1000,
      timeoutMs: 2000,
      retry: { policy: 'exponential', maxAttempts: 3 },
    },
  },
  faults: [{ component: 'payment', fromSec: 100_000, toSec: 103_600, effect: 'errors', errorRate: 0.3 }],
};

const widget: ModelInput = {
  name: 'widget: 10,000 requests through 5 components',
  traffic: { ratePerSec: 200, durationSec: 50 },
  components: {
    lb: { kind: 'loadBalancer' },
    // 64 threads: each waits on the database and the payment provider while it holds its request.
    app: { kind: 'server', instances: 2, concurrency: 64 },
    cache: { kind: 'redisCache', keyCount: 10_000, capacityKeys: 1000 },
    db: { kind: 'postgres' },
    payment: { kind: 'external' },
  },
  workloads: {
    read: { share: 4, path: ['lb', 'app', 'cache', 'db'] },
    pay: { share: 1, path: ['lb', 'app', 'db', 'payment'], retry: { policy: 'exponential', maxAttempts: 3 } },
  },
};

export async function runSimBenchmarks(): Promise<{ engineEventsPerSec: number; horizonRunMs: number; widgetRunMs: number; [k: string]: number }> {
  const engine = timed(7, 2, () => mmcOnEngine(2_000_000, 4, 3.2, 1, 1).events);
  const big = validateModel(mmcModel(2_000_000), 'bench');
  const full = timed(5, 1, () => {
    const r = simulate(big, { seed: 1, level: 'request' });
    return r.status === 'complete' ? r.steps : 0;
  });
  const horizonModel = validateModel(tenComponents, 'bench');
  const horizon = timed(15, 3, () => {
    simulate(horizonModel, { seed: 1, level: 'horizon' });
    return 0;
  });
  const widgetModel = validateModel(widget, 'bench');
  const small = timed(21, 5, () => {
    const r = simulate(widgetModel, { seed: 1, level: 'request' });
    return r.status === 'complete' ? r.totals.userRequests : 0;
  });
  return {
    engineEventsPerSec: Math.round(engine.value / (engine.ms / 1000)),
    simulateEventsPerSec: Math.round(full.value / (full.ms / 1000)),
    horizonRunMs: Math.round(horizon.ms * 10) / 10,
    widgetRunMs: Math.round(small.ms * 10) / 10,
    widgetRequests: small.value,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await runSimBenchmarks();
  if (process.argv.includes('--json')) console.log(JSON.stringify(figures));
  else for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(22)} ${v.toLocaleString('en-US')}`);
}
