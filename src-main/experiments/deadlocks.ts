/**
 * Deadlocks: transfers lock two account rows each, in the order they name
 * them or in one global order, on the simulator's transfers run against the
 * scenarios' postgres. The other order is run with the same transfers (same
 * seed) so the bars compare like with like.
 */
import { runTransfers, type LockOrder, type TransfersResult } from '../sim/contention/transfers';
import { num, str } from './controls';
import { fmtInt, fmtMs, round } from './format';
import { DATABASE } from './scenarioComponents';
import type { ControlValues, Experiment, ExperimentResult, ExperimentSpec } from './types';

const RUN_SEC = 600;
const MAX_ATTEMPTS = 3;
/** Deadlocks are counted per minute over windows this long. */
const WINDOW_SEC = 30;
/** A long collapse is drawn in at most this many windows (each a whole number of 30 s). */
const MAX_WINDOWS = 200;

const ORDER_LABELS: Record<LockOrder, string> = { random: 'as the transfer names them', ordered: 'lowest account first' };

const spec: ExperimentSpec = {
  widget: 'deadlocks',
  title: `Transfers that lock two accounts each (${RUN_SEC / 60} minutes, a ${DATABASE.connections}-connection Postgres)`,
  controls: [
    { id: 'order', label: 'Lock order', kind: 'choice', options: (['random', 'ordered'] as const).map((o) => ({ value: o, label: ORDER_LABELS[o] })), default: 'random' },
    { id: 'transfersPerSecond', label: 'Transfers', kind: 'number', unit: 'transfers/s', min: 1, max: 200, step: 1, default: 50, scale: 'log' },
    { id: 'accounts', label: 'Accounts they touch', kind: 'number', unit: 'accounts', min: 2, max: 10_000, step: 1, default: 50, scale: 'log' },
    { id: 'deadlockTimeoutMs', label: 'Deadlock check after', kind: 'number', unit: 'ms', min: 10, max: 10_000, step: 10, default: 1000, scale: 'log' },
  ],
  metrics: [
    { id: 'deadlocksPerMinute', label: 'Deadlocks per minute', unit: '' },
    { id: 'wastedSeconds', label: 'Connection time thrown away', unit: 's' },
    { id: 'p95Ms', label: 'p95 transfer time', unit: 'ms' },
    { id: 'failedTransfers', label: 'Transfers failed after 3 deadlocks', unit: 'count' },
  ],
};

function run(controls: ControlValues, seed: number): ExperimentResult {
  const chosen = str(controls, 'order') as LockOrder;
  const rate = num(controls, 'transfersPerSecond');
  const accounts = Math.round(num(controls, 'accounts'));
  const runOf = (order: LockOrder): TransfersResult =>
    runTransfers(
      { transfersPerSec: rate, accounts, durationSec: RUN_SEC, order, connections: DATABASE.connections, deadlockTimeoutMs: num(controls, 'deadlockTimeoutMs'), maxAttempts: MAX_ATTEMPTS, statementMs: DATABASE.queryMs },
      seed,
    );
  const both = { random: runOf('random'), ordered: runOf('ordered') };
  const r = both[chosen];
  // Over the time it took to finish every transfer: a backlog that outlives the arrivals keeps deadlocking.
  const elapsed = (x: TransfersResult) => Math.max(RUN_SEC, x.lastEndSec);
  const perMinute = (x: TransfersResult) => (x.deadlocks * 60) / elapsed(x);
  // Two transfers deadlock when they name the same two accounts in opposite orders and each takes its first
  // row before the other asks for its second: within one statement of each other. Pairs like that form at
  // rate² × statement / (accounts × (accounts − 1)) per second, before waits lengthen the windows.
  const theory = chosen === 'ordered' ? 0 : (60 * rate * rate * (DATABASE.meanQueryMs / 1000)) / (accounts * (accounts - 1));
  const window = Math.max(WINDOW_SEC, Math.ceil(elapsed(r) / MAX_WINDOWS / WINDOW_SEC) * WINDOW_SEC);
  const counts = new Array<number>(Math.ceil(elapsed(r) / window)).fill(0);
  for (const at of r.deadlockTimesSec) counts[Math.min(counts.length - 1, Math.floor(at / window))]!++;
  const timeSec = counts.map((_, i) => (i + 1) * window);
  const perWindow = counts.map((k) => round((k * 60) / window, 2));
  const bars = (pick: (x: TransfersResult) => number, bad: (v: number) => boolean) =>
    (['random', 'ordered'] as const).map((o) => ({ label: ORDER_LABELS[o], value: round(pick(both[o]), 1), tone: bad(pick(both[o])) ? ('fail' as const) : o === chosen ? ('accent' as const) : ('muted' as const) }));

  return {
    widget: spec.widget,
    seed,
    controls,
    metrics: {
      deadlocksPerMinute: round(perMinute(r), 2),
      wastedSeconds: round(r.wastedSec, 1),
      p95Ms: round(r.p95Ms, 1),
      failedTransfers: r.failed,
    },
    theory: {
      deadlocksPerMinute: {
        value: round(theory, 2),
        method: chosen === 'ordered' ? 'one global lock order: no cycle of waiters can form' : '60 × rate² × one statement / (accounts × (accounts − 1)), before waits lengthen the windows',
      },
    },
    series: [{ id: 'deadlocks', label: 'Deadlocks per minute', unit: '/min', ratio: false, timeSec, values: perWindow }],
    bars: [
      { id: 'deadlocksBars', label: 'Deadlocks per minute, same transfers', unit: '/min', bars: bars(perMinute, (v) => v > 0) },
      { id: 'p95Bars', label: 'p95 transfer time, same transfers', unit: 'ms', bars: bars((x) => x.p95Ms, () => false) },
    ],
    thresholds: [],
    summary:
      `Locking ${ORDER_LABELS[chosen]}, ${fmtInt(r.committed)} of ${fmtInt(r.transfers)} transfers committed with ${fmtInt(r.deadlocks)} deadlocks ` +
      `(${perMinute(r).toFixed(1)} a minute), ${r.wastedSec.toFixed(1)} s of connection time thrown away and a p95 of ${fmtMs(r.p95Ms)}.`,
  };
}

export const experiment: Experiment = { spec, run };
