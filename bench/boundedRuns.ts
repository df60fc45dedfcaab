/**
 * Runs that must stay quick however the learner sets them (figures, not pass/fail; the unit tests
 * check what these runs answer, the bench how long they take).
 *
 * - stockSaleMs.<update>: a sale of 100,000 units, an hour at 1,000 attempts/s; best of 5 after
 *   3 warm-ups. Target: under 20 ms.
 * - experimentExtremeMs.<widget>: one widget run at absurd but allowed controls, median of 3 after
 *   a warm-up. Target: under 2,000 ms each (a widget must answer while the learner drags).
 * The 54-hour horizon run is bench/sim.ts's horizonRunMs.
 */
import type { ControlValues } from '../src-main/api/contract';
import { RandomStream } from '../src-main/sim/engine/rng';
import { runExperiment } from '../src-main/experiments/index';
import { simulateStock, type StockParams } from '../src-main/sim/inventory/stockCounter';

/** The largest controls each widget allows at once; test/unit/experiments/registry.test.ts checks their answers stay finite. */
export const EXTREME_CONTROLS: [widget: string, controls: ControlValues][] = [
  ['cache-aside', { keys: 1_000_000, cacheSize: 1_000_000, readsPerSecond: 50_000, ttlSeconds: 1 }],
  ['stampede', { readsPerSecond: 100_000, rebuildMs: 10_000, protection: 'early-refresh' }],
  ['write-strategies', { writesPerSecond: 100_000, flushIntervalMs: 10, cacheFailsAtSecond: 300 }],
  ['consistent-hashing', { nodes: 100, keys: 10_000_000, virtualNodes: 500 }],
  ['hot-key', { nodes: 100, readsPerSecond: 10_000_000, nodeCapacityOpsPerSecond: 1000 }],
  ['eviction-race', { durationSeconds: 600, keys: 1_000_000, cacheSize: 10 }],
  ['double-booking', { strategy: 'conditionalUpdate', buyers: 5000, seats: 1000, arrivalWindowSec: 1, thinkMs: 1000, lockTimeoutMs: 60_000 }],
  ['locking-vs-optimistic', { buyersPerSecond: 200, thinkMs: 1000, maxAttempts: 10 }],
  ['deadlocks', { order: 'random', transfersPerSecond: 200, accounts: 2, deadlockTimeoutMs: 10_000 }],
  ['hot-row', { strategy: 'oneRow', writesPerSecond: 100, shards: 64 }],
  ['seat-holds', { strategy: 'lock', seats: 1000, buyers: 5000, holdMinutes: 60, walkAwayPercent: 100, payMinutes: 30 }],
  ['coordination', { protocol: 'twoPhase', ordersPerSecond: 200, downSeconds: 600, declinedPercent: 50 }],
  ['sync-vs-async', { mode: 'sync', reportsPerMinute: 30, workers: 1 }],
  ['retry-storm', { policy: 'immediate', maxAttempts: 5, loadPercent: 95, slowSeconds: 30 }],
  ['poison-messages', { maxAttempts: 20, poisonPerThousand: 10, failAfterSeconds: 30, workers: 1 }],
  ['priority-jobs', { order: 'priority', loadPercent: 98, paidPercent: 95 }],
  ['autoscaling-workers', { on: 'cpu', surgePerSecond: 300, warmupSeconds: 300 }],
  ['burst-backlog', { workers: 1, normalPerSecond: 200, burstPerSecond: 500, burstSeconds: 120 }],
];

function timedMs(body: () => void): number {
  const started = performance.now();
  body();
  return performance.now() - started;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;

function stockSaleMs(update: StockParams['update']): number {
  const params: StockParams = { stock: 100_000, update, gapSec: 0.001, ttlSec: 300, abandonRate: 0.1, shards: 1, paymentDelaySec: 0.35 };
  const demand = new Float64Array(3600).fill(1000);
  const times = Array.from({ length: 8 }, (_, k) => timedMs(() => simulateStock(params, demand, 1, new RandomStream(k, 'stock'), 0.02)));
  return Math.min(...times.slice(3));
}

const camel = (widget: string): string => widget.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export async function runBoundedRunBenchmarks(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  for (const update of ['atomic', 'readThenWrite'] as const) figures[`stockSaleMs.${update}`] = Math.round(stockSaleMs(update) * 10) / 10;
  for (const [widget, controls] of EXTREME_CONTROLS) {
    runExperiment(widget, controls, 1);
    figures[`experimentExtremeMs.${camel(widget)}`] = Math.round(median([1, 2, 3].map((seed) => timedMs(() => runExperiment(widget, controls, seed)))));
    // Let the event loop breathe between widgets.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return figures;
}
