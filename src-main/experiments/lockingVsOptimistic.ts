/**
 * Pessimistic against optimistic as contention rises: a steady stream of
 * purchases on one row (stock that never runs out), taken with SELECT ... FOR
 * UPDATE or with a version check, on the simulator's seat race. The chosen
 * rate is run under both; a sweep of rates finds where their p95s cross for good.
 */
import { num } from './controls';
import { fmtInt, fmtMs, round } from './format';
import { DATABASE } from './scenarioComponents';
import { raceOn, type RaceShape } from './seatRaceRuns';
import type { ControlValues, Experiment, ExperimentResult, ExperimentSpec } from './types';

const RUN_SEC = 20;
/** Never sold out: this widget is about the row's throughput, not the last seat. */
const ENDLESS_STOCK = 1e9;
const SWEEP_PER_SEC = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 30, 40];

const spec: ExperimentSpec = {
  widget: 'locking-vs-optimistic',
  title: `Locking against version checks as buyers pile onto one row (${RUN_SEC} s of purchases)`,
  controls: [
    { id: 'buyersPerSecond', label: 'Purchases on the row', kind: 'number', unit: 'buyers/s', min: 1, max: 200, step: 1, default: 20, scale: 'log' },
    { id: 'thinkMs', label: 'App work between read and write', kind: 'number', unit: 'ms', min: 0, max: 1000, step: 5, default: 20 },
    { id: 'maxAttempts', label: 'Attempts per buyer (version check)', kind: 'number', unit: 'attempts', min: 1, max: 10, step: 1, default: 5 },
  ],
  metrics: [
    { id: 'lockedPerSecond', label: 'Purchases per second, FOR UPDATE', unit: '/s' },
    { id: 'optimisticPerSecond', label: 'Purchases per second, version check', unit: '/s' },
    { id: 'lockedP95Ms', label: 'p95, FOR UPDATE', unit: 'ms' },
    { id: 'optimisticP95Ms', label: 'p95, version check', unit: 'ms' },
    { id: 'optimisticFailedShare', label: 'Buyers who gave up, version check', unit: '%', ratio: true },
    { id: 'crossoverPerSecond', label: 'Version checks have the lower p95 from', unit: '/s' },
  ],
};

function shapeAt(rate: number, controls: ControlValues): RaceShape {
  return {
    buyers: Math.max(2, Math.round(rate * RUN_SEC)),
    stock: ENDLESS_STOCK,
    arrivalWindowSec: RUN_SEC,
    thinkMs: num(controls, 'thinkMs'),
    lockTimeoutMs: 0,
    maxAttempts: Math.round(num(controls, 'maxAttempts')),
  };
}

function run(controls: ControlValues, seed: number): ExperimentResult {
  const rate = num(controls, 'buyersPerSecond');
  const shape = shapeAt(rate, controls);
  const locked = raceOn(shape, 'selectForUpdate', seed);
  const optimistic = raceOn(shape, 'optimistic', seed);
  // Purchases per second over the time it took to answer everyone: a saturated row's capacity.
  const perSec = (r: typeof locked) => r.sold / Math.max(RUN_SEC, r.lastAnswerSec);
  const sweep = SWEEP_PER_SEC.map((x) => {
    const s = shapeAt(x, controls);
    return { rate: x, locked: raceOn(s, 'selectForUpdate', seed).p95Ms, optimistic: raceOn(s, 'optimistic', seed).p95Ms };
  });
  // The lowest rate from which version checks answer faster at every higher rate tried (a single noisy point does not count).
  const firstLater = sweep.findIndex((_, i) => sweep.slice(i).every((p) => p.optimistic < p.locked));
  const cross = firstLater >= 0 ? sweep[firstLater] : undefined;
  // FOR UPDATE holds the row for a locked read, the app's work and the update: one buyer per that long.
  const holdMs = 2 * DATABASE.meanQueryMs + shape.thinkMs;
  const lockedCeiling = 1000 / holdMs;

  return {
    widget: spec.widget,
    seed,
    controls,
    metrics: {
      lockedPerSecond: round(perSec(locked), 2),
      optimisticPerSecond: round(perSec(optimistic), 2),
      lockedP95Ms: round(locked.p95Ms, 1),
      optimisticP95Ms: round(optimistic.p95Ms, 1),
      optimisticFailedShare: round(optimistic.gaveUp / shape.buyers, 4),
      crossoverPerSecond: cross ? cross.rate : 0,
    },
    theory: {
      lockedPerSecond: { value: round(Math.min(rate, lockedCeiling), 2), method: 'min(offered, 1 / (2 statements + app work)): the lock is held through the whole transaction' },
    },
    series: [],
    bars: [
      {
        id: 'throughput',
        label: `Purchases per second at ${fmtInt(rate)} buyers/s`,
        unit: '/s',
        bars: [
          { label: 'FOR UPDATE', value: round(perSec(locked), 2), tone: 'accent' },
          { label: 'version check', value: round(perSec(optimistic), 2), tone: 'muted' },
        ],
      },
      {
        id: 'p95',
        label: `p95 answer time at ${fmtInt(rate)} buyers/s`,
        unit: 'ms',
        bars: [
          { label: 'FOR UPDATE', value: round(locked.p95Ms, 1), tone: 'accent' },
          { label: 'version check', value: round(optimistic.p95Ms, 1), tone: 'muted' },
        ],
      },
    ],
    // The ceiling sits just past the locked bar's end, where a line would cross its value label: the theory table gives it.
    thresholds: [],
    summary:
      `At ${fmtInt(rate)} buyers/s, FOR UPDATE completed ${perSec(locked).toFixed(1)} purchases/s with p95 ${fmtMs(locked.p95Ms)}; ` +
      `version checks completed ${perSec(optimistic).toFixed(1)}/s with p95 ${fmtMs(optimistic.p95Ms)}, and ${fmtInt(optimistic.gaveUp)} buyers gave up after ${fmtInt(shape.maxAttempts)} attempts. ` +
      (cross ? `Version checks answer faster from ${cross.rate} buyers/s.` : 'FOR UPDATE answered faster at every rate tried.'),
  };
}

export const experiment: Experiment = { spec, run };
