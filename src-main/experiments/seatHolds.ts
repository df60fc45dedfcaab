/**
 * Holds: the last seats of a sale, a checkout of minutes, and some buyers who
 * walk away. A hold with a TTL against a row lock kept through payment, on
 * the simulator's seat-holds run with the scenarios' 20-connection Postgres.
 * Both are run with the same buyers (same seed) so the bars compare like with like.
 */
import { runSeatHolds, type SeatHoldStrategy, type SeatHoldsResult } from '../sim/contention/seatHolds';
import { num, str } from './controls';
import { fmtInt, round } from './format';
import { DATABASE } from './scenarioComponents';
import type { ControlValues, Experiment, ExperimentResult, ExperimentSpec } from './types';

/** How long a buyer waits for a connection before the request fails (a typical HTTP timeout). */
const REQUEST_TIMEOUT_SEC = 30;
const SALE_SEC = 600;

const LABELS: Record<SeatHoldStrategy, string> = { hold: 'a hold with a TTL', lock: 'a row lock through payment' };

const spec: ExperimentSpec = {
  widget: 'seat-holds',
  title: `The last seats, a checkout of minutes, a ${SALE_SEC / 60}-minute sale (a ${fmtInt(DATABASE.connections)}-connection Postgres)`,
  controls: [
    { id: 'strategy', label: 'How a seat is kept during checkout', kind: 'choice', options: (['hold', 'lock'] as const).map((s) => ({ value: s, label: LABELS[s] })), default: 'hold' },
    { id: 'seats', label: 'Seats', kind: 'number', unit: 'seats', min: 1, max: 1000, step: 1, default: 100, scale: 'log' },
    { id: 'buyers', label: 'Buyers during the sale', kind: 'number', unit: 'buyers', min: 1, max: 5000, step: 1, default: 300, scale: 'log' },
    { id: 'holdMinutes', label: 'Seat kept for at most', kind: 'number', unit: 'min', min: 0.5, max: 60, step: 0.5, default: 10 },
    { id: 'walkAwayPercent', label: 'Buyers who walk away', kind: 'number', unit: '%', min: 0, max: 100, step: 5, default: 30 },
    { id: 'payMinutes', label: 'Mean time to pay', kind: 'number', unit: 'min', min: 0.1, max: 30, step: 0.1, default: 2 },
  ],
  metrics: [
    { id: 'seatsSold', label: 'Seats sold', unit: 'count' },
    { id: 'unsoldSeats', label: 'Seats left unsold', unit: 'count' },
    { id: 'turnedAway', label: 'Buyers turned away while a seat sat in an abandoned checkout', unit: 'count' },
    { id: 'expiredBeforePaying', label: 'Paying buyers who lost their seat', unit: 'count' },
    { id: 'connectionTimeouts', label: 'Buyers who got an error (no connection)', unit: 'count' },
  ],
};

function run(controls: ControlValues, seed: number): ExperimentResult {
  const chosen = str(controls, 'strategy') as SeatHoldStrategy;
  const seats = Math.round(num(controls, 'seats'));
  const buyers = Math.round(num(controls, 'buyers'));
  const ttlSec = num(controls, 'holdMinutes') * 60;
  const abandonRate = num(controls, 'walkAwayPercent') / 100;
  const payMeanSec = num(controls, 'payMinutes') * 60;
  const runOf = (strategy: SeatHoldStrategy): SeatHoldsResult =>
    runSeatHolds(
      { seats, buyers, saleSec: SALE_SEC, strategy, holdTtlSec: ttlSec, abandonRate, payMeanSec, connections: DATABASE.connections, requestTimeoutSec: REQUEST_TIMEOUT_SEC },
      seed,
    );
  const both = { hold: runOf('hold'), lock: runOf('lock') };
  const r = both[chosen];
  // Hand calculation for holds, where it is simple: the seats go to the first buyers, and when the TTL outlasts
  // the rest of the sale no seat that comes back (abandoned, or its buyer too slow) finds a buyer again.
  const takenBySec = Math.min(SALE_SEC, (seats / buyers) * SALE_SEC);
  const noResale = ttlSec >= SALE_SEC - takenBySec;
  const holdTheory = Math.min(seats, buyers) * (1 - abandonRate) * (1 - Math.exp(-ttlSec / payMeanSec));
  const bars = (pick: (x: SeatHoldsResult) => number, good: boolean) =>
    (['hold', 'lock'] as const).map((s) => ({ label: LABELS[s], value: pick(both[s]), tone: pick(both[s]) > 0 && !good ? ('fail' as const) : s === chosen ? ('accent' as const) : ('muted' as const) }));

  return {
    widget: spec.widget,
    seed,
    controls,
    metrics: {
      seatsSold: r.sold,
      unsoldSeats: r.unsold,
      turnedAway: r.turnedAwayWhileHeld,
      expiredBeforePaying: r.expiredBeforePaying,
      connectionTimeouts: r.connectionTimeouts,
    },
    theory:
      chosen === 'hold' && noResale
        ? {
            seatsSold: {
              value: round(holdTheory, 1),
              method: 'seats × (1 − walk-away share) × P(paying within the TTL); no seat comes back before the sale ends',
            },
          }
        : {},
    series: [
      { id: 'sold', label: 'Seats sold', unit: 'seats', ratio: false, timeSec: r.timeline.timeSec, values: r.timeline.sold },
      { id: 'held', label: 'Seats in a checkout', unit: 'seats', ratio: false, timeSec: r.timeline.timeSec, values: r.timeline.held },
    ],
    bars: [
      { id: 'soldBars', label: 'Seats sold, same buyers', unit: 'seats', bars: bars((x) => x.sold, true) },
      { id: 'awayBars', label: 'Buyers turned away or failed, same buyers', unit: 'buyers', bars: bars((x) => x.turnedAwayWhileHeld + x.connectionTimeouts, false) },
      { id: 'expiredBars', label: 'Paying buyers who lost their seat, same buyers', unit: 'buyers', bars: bars((x) => x.expiredBeforePaying, false) },
    ],
    thresholds: [
      { axis: 'value', seriesId: 'sold', value: seats, label: `${fmtInt(seats)} seats` },
      { axis: 'time', seriesId: null, value: SALE_SEC, label: 'sale ends' },
    ],
    summary:
      `Using ${LABELS[chosen]}, ${fmtInt(r.sold)} of ${fmtInt(seats)} seats sold and ${fmtInt(r.unsold)} were left; ` +
      `${fmtInt(r.abandoned)} checkouts were abandoned, keeping seats for ${fmtInt(r.abandonedSeatMinutes)} seat-minutes, ` +
      `${fmtInt(r.turnedAwayWhileHeld)} buyers heard "sold out" while one of those seats sat unpaid, ` +
      `${fmtInt(r.expiredBeforePaying)} paying buyers were too slow for the hold` +
      (chosen === 'lock' ? `, and ${fmtInt(r.connectionTimeouts)} buyers got an error waiting for a connection.` : '.'),
  };
}

export const experiment: Experiment = { spec, run };
