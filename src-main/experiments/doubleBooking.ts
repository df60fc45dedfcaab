/**
 * Double booking: buyers race for the last seats on one stock row, and the
 * learner picks how the app takes a seat (read then write, a conditional
 * UPDATE, SELECT ... FOR UPDATE, or a version check). The chosen strategy's
 * figures come from the simulator's seat race; the same buyers (same seed)
 * are also run under the other three, so the bars compare like with like.
 */
import { SEAT_STRATEGIES, type SeatStrategy } from '../sim/contention/seatRace';
import { num, str } from './controls';
import { fmtInt, fmtMs, round } from './format';
import { DATABASE } from './scenarioComponents';
import { thinSeries } from './series';
import { raceOn, STRATEGY_LABELS, type RaceShape } from './seatRaceRuns';
import type { ControlValues, Experiment, ExperimentResult, ExperimentSpec } from './types';

const MAX_ATTEMPTS = 5;

const spec: ExperimentSpec = {
  widget: 'double-booking',
  title: `Buyers racing for the last seats on one row (a ${fmtInt(DATABASE.connections)}-connection Postgres, ${DATABASE.minMs}-${DATABASE.maxMs} ms a statement)`,
  controls: [
    {
      id: 'strategy',
      label: 'How a seat is taken',
      kind: 'choice',
      options: SEAT_STRATEGIES.map((s) => ({ value: s, label: STRATEGY_LABELS[s] })),
      default: 'readThenWrite',
    },
    { id: 'buyers', label: 'Buyers', kind: 'number', unit: 'buyers', min: 2, max: 5000, step: 1, default: 200, scale: 'log' },
    { id: 'seats', label: 'Seats left', kind: 'number', unit: 'seats', min: 1, max: 1000, step: 1, default: 50, scale: 'log' },
    { id: 'arrivalWindowSec', label: 'Buyers arrive within', kind: 'number', unit: 's', min: 1, max: 300, step: 1, default: 10, scale: 'log' },
    { id: 'thinkMs', label: 'App work between read and write', kind: 'number', unit: 'ms', min: 0, max: 1000, step: 5, default: 20 },
    { id: 'lockTimeoutMs', label: 'Lock wait timeout', kind: 'number', unit: 'ms', min: 100, max: 60_000, step: 100, default: 2000, scale: 'log' },
  ],
  metrics: [
    { id: 'oversoldSeats', label: 'Seats oversold', unit: 'count' },
    { id: 'soldSeats', label: 'Seats sold', unit: 'count' },
    { id: 'p95Ms', label: 'p95 answer time', unit: 'ms' },
    { id: 'retries', label: 'Retries', unit: 'count' },
    { id: 'failedBuyers', label: 'Buyers who got an error', unit: 'count' },
  ],
};

function run(controls: ControlValues, seed: number): ExperimentResult {
  const chosen = str(controls, 'strategy') as SeatStrategy;
  const shape: RaceShape = {
    buyers: Math.round(num(controls, 'buyers')),
    stock: Math.round(num(controls, 'seats')),
    arrivalWindowSec: num(controls, 'arrivalWindowSec'),
    thinkMs: num(controls, 'thinkMs'),
    lockTimeoutMs: num(controls, 'lockTimeoutMs'),
    maxAttempts: MAX_ATTEMPTS,
  };
  const all = Object.fromEntries(SEAT_STRATEGIES.map((s) => [s, raceOn(shape, s, seed)])) as Record<SeatStrategy, ReturnType<typeof raceOn>>;
  const r = all[chosen];
  const failed = r.lockTimeouts + r.gaveUp;
  // Hand calculation for read-then-write: a write overwrites every write committed since its read, so the
  // count falls by one per group of buyers whose read-to-commit windows overlap: 1 + (arrival rate × window).
  const rate = shape.buyers / shape.arrivalWindowSec;
  const windowSec = (shape.thinkMs + DATABASE.meanQueryMs) / 1000;
  const groupSold = Math.min(shape.buyers, shape.stock * (1 + rate * windowSec));
  const strategyBars = (pick: (s: SeatStrategy) => number, tone: (v: number) => 'pass' | 'fail' | 'accent' | 'muted') =>
    SEAT_STRATEGIES.map((s) => ({ label: STRATEGY_LABELS[s], value: round(pick(s), 1), tone: s === chosen && tone(pick(s)) === 'muted' ? ('accent' as const) : tone(pick(s)) }));

  return {
    widget: spec.widget,
    seed,
    controls,
    metrics: {
      oversoldSeats: r.oversold,
      soldSeats: r.sold,
      p95Ms: round(r.p95Ms, 1),
      retries: r.retries,
      failedBuyers: failed,
    },
    theory:
      chosen === 'readThenWrite'
        ? {
            oversoldSeats: {
              value: Math.round(groupSold - Math.min(shape.stock, shape.buyers)),
              method: 'seats × arrival rate × (app work + one statement), capped by the buyers',
            },
          }
        : { oversoldSeats: { value: 0, method: 'the row lock or the version check lets one write in at a time' } },
    series: [
      { id: 'counter', label: 'Seats the row says are left', unit: 'seats', ratio: false, timeSec: r.timeline.timeSec, values: r.timeline.counter },
      { id: 'sold', label: 'Seats promised to buyers', unit: 'seats', ratio: false, timeSec: r.timeline.timeSec, values: r.timeline.sold },
    ].map(thinSeries),
    bars: [
      { id: 'oversold', label: 'Seats oversold, same buyers', unit: 'seats', bars: strategyBars((s) => all[s].oversold, (v) => (v > 0 ? 'fail' : 'pass')) },
      { id: 'p95', label: 'p95 answer time, same buyers', unit: 'ms', bars: strategyBars((s) => all[s].p95Ms, () => 'muted') },
      { id: 'retries', label: 'Retries and errors, same buyers', unit: 'count', bars: strategyBars((s) => all[s].retries + all[s].lockTimeouts + all[s].gaveUp, () => 'muted') },
    ],
    thresholds: [{ axis: 'value', seriesId: 'sold', value: shape.stock, label: `${fmtInt(shape.stock)} seats existed` }],
    summary:
      `With ${STRATEGY_LABELS[chosen]}, ${fmtInt(r.sold)} buyers were promised one of ${fmtInt(shape.stock)} seats` +
      (r.oversold > 0 ? ` (${fmtInt(r.oversold)} more promises than seats)` : ' (no seat promised twice)') +
      `, p95 answer time was ${fmtMs(r.p95Ms)}, with ${fmtInt(r.retries)} retries and ${fmtInt(failed)} errors.`,
  };
}

export const experiment: Experiment = { spec, run };
