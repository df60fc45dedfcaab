/**
 * An LRU cache restarts in front of Zipf(1.0) reads. Cold: it starts empty.
 * Preload: the hottest cacheSize keys are copied in before traffic arrives.
 * Predictive: in the WARMER_LEAD_SEC before traffic arrives (a sale at
 * 09:00, warmed from 08:59:58), a warmer loads keys in predicted popularity
 * order from the scenarios' database at 80 % of its capacity; those reads
 * count as load.
 */
import { RandomStream } from '../sim/engine/rng';
import { CacheStore } from '../sim/engine/cacheStore';
import { ZipfKeys } from '../sim/engine/zipf';
import { groupedCheHitRatio, groupedExpectedDistinct, zipfGroups } from '../sim/theory/cheZipf';
import { cacheSizeControl, keysControl, num, readsControl, str } from './controls';
import { fmtInt, fmtPct, round } from './format';
import { DATABASE } from './scenarioComponents';
import { thinSeries } from './series';
import type { ControlValues, Experiment, ExperimentResult, ExperimentSpec, RunHooks } from './types';

const ZIPF = 1.0;
const MAX_REQUESTS = 80_000;
const WARMER_KEYS_PER_SEC = 0.8 * DATABASE.capacityPerSec;
const WARMER_LEAD_SEC = 2;
/** "Steady" is within this much of Che's steady-state hit ratio. */
const STEADY_TOLERANCE = 0.02;

type Strategy = 'cold' | 'preload' | 'predictive';

const spec: ExperimentSpec = {
  widget: 'cache-warming',
  title: `Cold start, pre-load and predictive warming (Zipf ${ZIPF.toFixed(1)} reads; the database serves ${fmtInt(DATABASE.capacityPerSec)} reads/s)`,
  controls: [
    {
      id: 'strategy',
      label: 'Warming',
      kind: 'choice',
      options: [
        { value: 'cold', label: 'cold (lazy fill)' },
        { value: 'preload', label: 'pre-load the hot set' },
        { value: 'predictive', label: `predictive (warm the predicted hot keys ${WARMER_LEAD_SEC} s ahead)` },
      ],
      default: 'cold',
    },
    keysControl(10_000),
    cacheSizeControl(5000),
    readsControl(5000),
  ],
  metrics: [
    { id: 'dbPeakReadsPerSecond', label: 'Peak database reads', unit: '/s' },
    { id: 'secondsToSteadyHitRatio', label: 'Time to a steady hit ratio', unit: 's' },
    { id: 'dbReadsFirstSecond', label: 'Database reads in the first second', unit: '/s' },
    { id: 'warmDbReadsPerSecond', label: 'Database reads once warm', unit: '/s' },
    { id: 'steadyHitRatio', label: 'Steady hit ratio', unit: '%', ratio: true },
  ],
};

function run(controls: ControlValues, seed: number, hooks?: RunHooks): ExperimentResult {
  const strategy = str(controls, 'strategy') as Strategy;
  const keys = Math.round(num(controls, 'keys'));
  const cacheSize = Math.min(Math.round(num(controls, 'cacheSize')), keys);
  const rate = num(controls, 'readsPerSecond');
  const duration = Math.max(5, Math.min(20, Math.floor(MAX_REQUESTS / rate)));

  const sampler = new ZipfKeys(keys, ZIPF);
  const groups = zipfGroups(keys, ZIPF);
  const steady = groupedCheHitRatio(groups, cacheSize, 'lru');
  const cache = new CacheStore(cacheSize, keys, 'lru', Infinity);
  const draws = new RandomStream(seed, 'cache-warming/keys');
  const arrivals = new RandomStream(seed, 'cache-warming/arrivals');

  // Most popular last, so it is the most recently used.
  if (strategy === 'preload') for (let k = cacheSize - 1; k >= 0; k--) cache.fill(k, 0);
  let warmed = 0;
  const warm = (upTo: number, now: number): number => {
    const target = Math.min(cacheSize, Math.floor(upTo));
    const loads = target - warmed;
    for (; warmed < target; warmed++) cache.fill(warmed, now);
    return loads;
  };

  const timeSec: number[] = [];
  const dbSeries: number[] = [];
  const hitSeries: number[] = [];
  if (strategy === 'predictive') {
    for (let s = -WARMER_LEAD_SEC; s < 0; s++) {
      timeSec.push(s + 1);
      dbSeries.push(warm((s + 1 + WARMER_LEAD_SEC) * WARMER_KEYS_PER_SEC, s));
      hitSeries.push(0);
    }
  }

  let t = arrivals.exponential(1 / rate);
  let reached = -1;
  for (let second = 0; second < duration; second++) {
    if (hooks?.shouldStop?.()) break;
    let reads = 0;
    let hits = 0;
    for (; t < second + 1; t += arrivals.exponential(1 / rate)) {
      const key = sampler.draw(draws);
      reads++;
      if (cache.lookup(key, t)) hits++;
      else cache.fill(key, t);
    }
    const ratio = reads ? hits / reads : 0;
    if (reached < 0 && ratio >= steady - STEADY_TOLERANCE) reached = second + 1;
    timeSec.push(second + 1);
    dbSeries.push(reads - hits);
    hitSeries.push(round(ratio, 4));
  }

  const traffic = dbSeries.slice(strategy === 'predictive' ? WARMER_LEAD_SEC : 0);
  const peak = Math.max(0, ...dbSeries);
  const tail = traffic.slice(Math.floor(traffic.length / 2));
  const warmDb = tail.reduce((a, b) => a + b, 0) / Math.max(1, tail.length);
  const coldTheory = Math.min(groupedExpectedDistinct(groups, rate), rate);
  const warmTheory = rate * (1 - steady);
  const secondsToSteady = reached < 0 ? duration : reached;
  const over = peak > DATABASE.capacityPerSec;

  return {
    widget: spec.widget,
    seed,
    controls,
    metrics: {
      dbPeakReadsPerSecond: peak,
      secondsToSteadyHitRatio: secondsToSteady,
      dbReadsFirstSecond: traffic[0] ?? 0,
      warmDbReadsPerSecond: round(warmDb, 1),
      steadyHitRatio: round(1 - warmDb / rate, 4),
    },
    theory: {
      ...(strategy === 'cold'
        ? { dbPeakReadsPerSecond: { value: round(coldTheory, 1), method: "expected distinct keys in the first second's reads: Σ 1 − e^{−p_i·reads}" } }
        : {}),
      warmDbReadsPerSecond: { value: round(warmTheory, 1), method: "reads/s × (1 − hit ratio), hit ratio by Che's approximation (LRU)" },
      steadyHitRatio: { value: round(steady, 4), method: "Che's approximation (LRU)" },
    },
    series: [
      thinSeries({ id: 'dbReadsPerSecond', label: 'Database reads', unit: 'reads/s', ratio: false, timeSec, values: dbSeries }),
      thinSeries({ id: 'cacheHitRatio', label: 'Cache hit ratio', unit: '%', ratio: true, timeSec, values: hitSeries }),
    ],
    bars: [
      {
        id: 'dbReads',
        label: 'Database reads',
        unit: 'reads/s',
        bars: [
          { label: 'peak', value: peak, tone: over ? 'fail' : 'pass' },
          { label: 'once warm', value: round(warmDb, 1), tone: 'muted' },
        ],
      },
    ],
    thresholds: [
      { axis: 'value', seriesId: 'dbReadsPerSecond', value: round(DATABASE.capacityPerSec, 1), label: `database capacity ${fmtInt(DATABASE.capacityPerSec)} reads/s` },
      { axis: 'value', seriesId: 'cacheHitRatio', value: round(steady, 4), label: `steady ${fmtPct(steady)}` },
    ],
    summary:
      `Starting ${strategy === 'cold' ? 'cold' : strategy === 'preload' ? 'pre-loaded' : 'with a predictive warmer'}, the database peaked at ${fmtInt(peak)} reads/s ` +
      `against ${fmtInt(warmDb)} once warm, and the hit ratio was steady ${reached < 0 ? `only after the ${duration} s run` : `after ${secondsToSteady} s`}.`,
  };
}

export const experiment: Experiment = { spec, run };
