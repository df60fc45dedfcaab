/**
 * Coordination across services: an order takes a seat in the booking database
 * and a charge at the payment provider, with two-phase commit or a saga, and
 * the coordinator crashes mid-run. On the simulator's coordination run with
 * the scenarios' postgres statements and the provider's 200-500 ms charges;
 * both protocols meet the same orders (same seed), so the bars compare like with like.
 */
import { runCoordination, type CoordinationResult, type Protocol } from '../sim/contention/coordination';
import type { RandomStream } from '../sim/engine/rng';
import { num, str } from './controls';
import { fmtInt, round } from './format';
import { DATABASE } from './scenarioComponents';
import type { ControlValues, Experiment, ExperimentResult, ExperimentSpec } from './types';

const RUN_SEC = 120;
const CRASH_AT_SEC = 60;
const STOCK_ROWS = 20;
/** A charge at the payment provider takes 200-500 ms (the scenarios' payments). */
const CHARGE_MIN_MS = 200;
const CHARGE_MAX_MS = 500;
const chargeMs = (rng: RandomStream) => CHARGE_MIN_MS + (CHARGE_MAX_MS - CHARGE_MIN_MS) * rng.next();

const LABELS: Record<Protocol, string> = { twoPhase: 'two-phase commit', saga: 'saga with compensation' };
const USING: Record<Protocol, string> = { twoPhase: 'With two-phase commit', saga: 'With a saga' };

const spec: ExperimentSpec = {
  widget: 'coordination',
  title: `An order across the booking database and the payment provider; the coordinator crashes at ${CRASH_AT_SEC} s`,
  controls: [
    { id: 'protocol', label: 'How the order is coordinated', kind: 'choice', options: (['twoPhase', 'saga'] as const).map((p) => ({ value: p, label: LABELS[p] })), default: 'twoPhase' },
    { id: 'ordersPerSecond', label: 'Orders', kind: 'number', unit: 'orders/s', min: 1, max: 200, step: 1, default: 20, scale: 'log' },
    { id: 'downSeconds', label: 'Coordinator down for', kind: 'number', unit: 's', min: 1, max: 600, step: 1, default: 30, scale: 'log' },
    // The scenarios' payment provider declines about 1 % of charges.
    { id: 'declinedPercent', label: 'Charges declined', kind: 'number', unit: '%', min: 0, max: 50, step: 1, default: 1 },
  ],
  metrics: [
    { id: 'inDoubtOrders', label: 'Orders caught mid-way by the crash', unit: 'count' },
    { id: 'longestLockSeconds', label: 'Longest a stock row stayed locked', unit: 's' },
    { id: 'blockedSeconds', label: 'Row-lock time spent waiting for the coordinator', unit: 's' },
    { id: 'inconsistentSeconds', label: 'Time seats sat reserved but unpaid', unit: 's' },
    { id: 'refusedOrders', label: 'Orders refused during the outage', unit: 'count' },
  ],
};

function run(controls: ControlValues, seed: number): ExperimentResult {
  const chosen = str(controls, 'protocol') as Protocol;
  const rate = num(controls, 'ordersPerSecond');
  const downSec = num(controls, 'downSeconds');
  const runOf = (protocol: Protocol): CoordinationResult =>
    runCoordination(
      { ordersPerSec: rate, durationSec: RUN_SEC, seats: STOCK_ROWS, protocol, crashAtSec: CRASH_AT_SEC, downSec, declineRate: num(controls, 'declinedPercent') / 100, statementMs: DATABASE.queryMs, chargeMs },
      seed,
    );
  const both = { twoPhase: runOf('twoPhase'), saga: runOf('saga') };
  const r = both[chosen];
  // Caught mid-way: orders that had started but not yet had their decision sent when the coordinator went
  // down. An order spends about max(prepare, charge) + the decision's log write in that state (Little's law).
  const midWaySec = (CHARGE_MIN_MS + CHARGE_MAX_MS) / 2 / 1000 + DATABASE.meanQueryMs / 1000;
  const bars = (pick: (x: CoordinationResult) => number) =>
    (['twoPhase', 'saga'] as const).map((p) => ({ label: LABELS[p], value: round(pick(both[p]), 2), tone: p === chosen ? ('accent' as const) : ('muted' as const) }));

  return {
    widget: spec.widget,
    seed,
    controls,
    metrics: {
      inDoubtOrders: r.stalled,
      longestLockSeconds: round(r.longestLockSec, 2),
      blockedSeconds: round(r.blockedSeatSec, 1),
      inconsistentSeconds: round(r.inconsistentSeatSec, 1),
      refusedOrders: r.refused,
    },
    // Two-phase commit holds a stock row through its whole order; once the rows are mostly busy, orders queue for
    // them instead of being mid-way, and this count no longer applies.
    theory:
      chosen === 'saga' || (rate * (midWaySec + DATABASE.meanQueryMs / 1000)) / STOCK_ROWS < 0.8
        ? { inDoubtOrders: { value: round(rate * midWaySec, 1), method: "orders/s × time an order spends between its start and the decision (Little's law)" } }
        : {},
    series: [],
    bars: [
      { id: 'blockedBars', label: 'Lock time spent waiting for the coordinator, same orders', unit: 's', bars: bars((x) => x.blockedSeatSec) },
      { id: 'inconsistentBars', label: 'Seat time reserved but unpaid, same orders', unit: 's', bars: bars((x) => x.inconsistentSeatSec) },
      { id: 'longestBars', label: 'Longest a stock row stayed locked, same orders', unit: 's', bars: bars((x) => x.longestLockSec) },
    ],
    thresholds: [{ axis: 'value', seriesId: 'longestBars', value: downSec, label: `outage ${fmtInt(downSec)} s` }],
    summary:
      `${USING[chosen]}, the crash caught ${fmtInt(r.stalled)} orders mid-way and ${fmtInt(r.refused)} were refused while the coordinator was down; ` +
      (chosen === 'twoPhase'
        ? `prepared stock rows stayed locked for up to ${r.longestLockSec.toFixed(1)} s, ${fmtInt(r.blockedSeatSec)} lock-seconds in all spent waiting for a decision.`
        : `no row stayed locked longer than ${(r.longestLockSec * 1000).toFixed(0)} ms, but seats sat reserved and unpaid for ${fmtInt(r.inconsistentSeatSec)} seat-seconds in all, where other readers could see them.`),
  };
}

export const experiment: Experiment = { spec, run };
