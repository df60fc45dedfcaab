/**
 * A hot row, as a model: writes to one counter row on the scenarios'
 * postgres (`hotRows: 1`, every write a `locksRow` hop), the same counter
 * split across `shards` rows, or the writes put on a queue and applied by one
 * writer thread. Run through the simulator at the request level; the three
 * are run with the same seed so the bars compare like with like.
 */
import type { ModelInput, SimResult } from '../sim/index';
import { num, str } from './controls';
import { intervalEnds, runModel } from './simulation';
import { fmtInt, fmtMs, round } from './format';
import { DATABASE } from './scenarioComponents';
import { thinSeries } from './series';
import type { ControlValues, Experiment, ExperimentResult, ExperimentSpec, RunHooks } from './types';

const RUN_SEC = 300;
const WARMUP_SEC = 30;

const STRATEGIES = ['oneRow', 'sharded', 'queued'] as const;
type Strategy = (typeof STRATEGIES)[number];
const LABELS: Record<Strategy, string> = { oneRow: 'one counter row', sharded: 'sharded counter', queued: 'queue, one writer' };

const spec: ExperimentSpec = {
  widget: 'hot-row',
  title: `Writes to one counter on a ${fmtInt(DATABASE.connections)}-connection Postgres (${RUN_SEC / 60} minutes)`,
  controls: [
    { id: 'strategy', label: 'Where the writes go', kind: 'choice', options: STRATEGIES.map((s) => ({ value: s, label: LABELS[s] })), default: 'oneRow' },
    { id: 'writesPerSecond', label: 'Writes', kind: 'number', unit: 'writes/s', min: 1, max: 100, step: 1, default: 30, scale: 'log' },
    { id: 'shards', label: 'Counter shards', kind: 'number', unit: 'rows', min: 2, max: 64, step: 1, default: 8 },
  ],
  metrics: [
    { id: 'meanMs', label: 'Mean write time (what the user waits)', unit: 'ms' },
    { id: 'p95Ms', label: 'p95 write time', unit: 'ms' },
    { id: 'rowBusy', label: 'Busiest row locked', unit: '%', ratio: true },
    { id: 'appliedMeanMs', label: 'Mean time until the count changes', unit: 'ms' },
  ],
};

/** The widget's controls as a model in the model language. */
function hotRowModel(strategy: Strategy, rate: number, shards: number): ModelInput {
  const write = { component: 'counter', locksRow: true };
  return {
    name: `hot row widget (${strategy})`,
    traffic: { ratePerSec: rate, durationSec: RUN_SEC, warmupSec: WARMUP_SEC },
    components: {
      counter: { kind: 'postgres', hotRows: strategy === 'sharded' ? shards : 1 },
      ...(strategy === 'queued'
        ? { queue: { kind: 'queue' }, writer: { kind: 'workerPool', concurrency: 1, serviceTime: { distribution: 'deterministic', meanMs: 0 } } }
        : {}),
    },
    // A write nobody waits for is never late: the deadline only keeps late answers apart from failures.
    workloads: { writes: { path: strategy === 'queued' ? ['queue', 'writer', write] : [write], deadlineMs: 600_000 } },
  };
}

const simulateOne = (strategy: Strategy, rate: number, shards: number, seed: number, hooks?: RunHooks): SimResult => runModel(hotRowModel(strategy, rate, shards), 'hot-row', seed, hooks);

/** Mean time in an M/G/1 queue (Pollaczek-Khinchine) for the row's lock, plus the network hop; Infinity past capacity. */
function rowMeanMs(rate: number): number {
  const s = DATABASE.meanServiceMs / 1000;
  const spread = (DATABASE.maxMs - DATABASE.minMs) / 1000;
  const secondMoment = (spread * spread) / 12 + s * s;
  const rho = rate * s;
  if (rho >= 1) return Infinity;
  return (DATABASE.meanQueryMs - DATABASE.meanServiceMs) + 1000 * (s + (rate * secondMoment) / (2 * (1 - rho)));
}

function run(controls: ControlValues, seed: number, hooks?: RunHooks): ExperimentResult {
  const chosen = str(controls, 'strategy') as Strategy;
  const rate = num(controls, 'writesPerSecond');
  const shards = Math.round(num(controls, 'shards'));
  const runs = Object.fromEntries(STRATEGIES.map((s) => [s, simulateOne(s, rate, shards, seed, hooks)])) as Record<Strategy, SimResult>;
  const r = runs[chosen];
  const writes = r.workloads[0]!;
  // Queued: the user is answered once the queue has the write; the count changes when the writer applies it.
  const appliedMs = (x: SimResult) => (x === runs.queued ? x.workloads[0]!.asyncMeanMs : x.workloads[0]!.meanMs);
  const rowsOf = (s: Strategy) => (s === 'sharded' ? shards : 1);
  const busy = Math.min(1, (rate / rowsOf(chosen)) * (DATABASE.meanServiceMs / 1000));
  const theoryRow = rowMeanMs(rate / rowsOf(chosen));
  const userTheory = chosen === 'queued' ? null : theoryRow;
  const s = writes.series;
  const kept = s.p95Ms.map((_, i) => i).filter((i) => s.p95Ms[i] !== null && r.timeSec[i]! >= WARMUP_SEC);
  const ends = intervalEnds(r);
  const latency = thinSeries({
    id: 'writeP95',
    label: 'Write time p95',
    unit: 'ms',
    ratio: false,
    timeSec: kept.map((i) => ends[i]!),
    values: kept.map((i) => round(s.p95Ms[i]!, 2)),
  });
  const tone = (v: number) => (v > 1000 ? ('fail' as const) : v > 100 ? ('warn' as const) : ('pass' as const));

  return {
    widget: spec.widget,
    seed,
    controls,
    metrics: {
      meanMs: round(writes.meanMs, 1),
      p95Ms: round(writes.p95Ms, 1),
      rowBusy: round(busy, 4),
      appliedMeanMs: round(appliedMs(r), 1),
    },
    theory: {
      ...(userTheory !== null && Number.isFinite(userTheory)
        ? { meanMs: { value: round(userTheory, 1), method: "M/G/1 (Pollaczek-Khinchine) on each row's lock: service 5-50 ms uniform, plus the network hop" } }
        : {}),
      rowBusy: { value: round(busy, 4), method: 'writes per row × mean statement time' },
    },
    series: [latency],
    bars: [
      {
        id: 'applied',
        label: 'Mean time until the count changes, same writes',
        unit: 'ms',
        bars: STRATEGIES.map((x) => ({ label: LABELS[x], value: round(appliedMs(runs[x]), 1), tone: tone(appliedMs(runs[x])) })),
      },
      {
        id: 'answered',
        label: 'Mean time the user waits, same writes',
        unit: 'ms',
        bars: STRATEGIES.map((x) => ({ label: LABELS[x], value: round(runs[x].workloads[0]!.meanMs, 1), tone: tone(runs[x].workloads[0]!.meanMs) })),
      },
    ],
    thresholds: [],
    summary:
      `With ${LABELS[chosen]} at ${fmtInt(rate)} writes/s, a write took ${fmtMs(writes.meanMs)} on average (p95 ${fmtMs(writes.p95Ms)})` +
      (chosen === 'queued' ? ` to be accepted and ${fmtMs(appliedMs(r))} to reach the count` : '') +
      `; the busiest row was locked ${Math.round(busy * 100)} % of the time.` +
      (busy >= 1 ? ' The row cannot keep up, so the wait grows for as long as the writes keep coming.' : ''),
  };
}

export const experiment: Experiment = { spec, run };
