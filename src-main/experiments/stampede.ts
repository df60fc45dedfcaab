/**
 * One hot key expires under load. Reads arrive as a Poisson stream; a miss
 * rebuilds the value with a query that takes rebuildMs. Protection decides
 * who queries: everyone who misses (none), the lock holder while the others
 * poll (lock), the first caller while the others wait on it (coalesce), or a
 * reader chosen by XFetch before expiry while everyone is served the old value.
 */
import { RandomStream } from '../sim/engine/rng';
import { num, str } from './controls';
import { fmtInt, fmtMs, round } from './format';
import { LatencyTimeline, quantileMs } from './latency';
import { CACHE } from './scenarioComponents';
import type { ControlValues, Experiment, ExperimentResult, ExperimentSpec, RunHooks } from './types';

const TTL_SEC = 30;
const RUN_SEC = 20;
/** The entry loaded before the run expires here, mid-run. */
const FIRST_EXPIRY_SEC = 10;
const LOCK_RETRY_SEC = 0.05;
const XFETCH_BETA = 1;
/** Reads one run simulates; above it each simulated read stands for several. */
const MAX_READS = 60_000;

type Protection = 'none' | 'lock' | 'coalesce' | 'early-refresh';

const spec: ExperimentSpec = {
  widget: 'stampede',
  title: `A hot key with a ${TTL_SEC} s TTL expires under load`,
  controls: [
    { id: 'readsPerSecond', label: 'Reads of the key', kind: 'number', unit: 'reads/s', min: 10, max: 100_000, step: 10, default: 3000, scale: 'log' },
    { id: 'rebuildMs', label: 'Rebuild time', kind: 'number', unit: 'ms', min: 10, max: 10_000, step: 10, default: 2000, scale: 'log' },
    {
      id: 'protection',
      label: 'Protection',
      kind: 'choice',
      options: [
        { value: 'none', label: 'none' },
        { value: 'lock', label: 'lock (SET NX PX)' },
        { value: 'coalesce', label: 'request coalescing (one app server)' },
        { value: 'early-refresh', label: 'probabilistic early refresh' },
      ],
      default: 'none',
    },
  ],
  metrics: [
    { id: 'peakDbQueriesPerSecond', label: 'Peak database queries', unit: '/s' },
    { id: 'dbQueriesPerExpiry', label: 'Database queries per expiry', unit: 'count' },
    { id: 'p95Ms', label: 'p95 read latency', unit: 'ms' },
    { id: 'p99Ms', label: 'p99 read latency', unit: 'ms' },
  ],
};

function run(controls: ControlValues, seed: number, hooks?: RunHooks): ExperimentResult {
  const rate = num(controls, 'readsPerSecond');
  const rebuildSec = num(controls, 'rebuildMs') / 1000;
  const protection = str(controls, 'protection') as Protection;
  // Early refresh acts in the TTL before expiry, so its run starts when the entry was loaded.
  const startSec = protection === 'early-refresh' ? FIRST_EXPIRY_SEC - TTL_SEC : 0;
  const weight = Math.max(1, (rate * (RUN_SEC - startSec)) / MAX_READS);
  const simRate = rate / weight;

  const arrivals = new RandomStream(seed, 'stampede/arrivals');
  const latencyRng = new RandomStream(seed, 'stampede/latency');
  const xfetch = new RandomStream(seed, 'stampede/xfetch');
  const timeline = new LatencyTimeline();
  const queriesPerSecond: number[] = [];

  let expiry = FIRST_EXPIRY_SEC;
  /** When the first rebuild in flight lands (-1: none); the ones behind it change nothing. */
  let rebuildDone = -1;
  /** Early refreshes are uncoordinated, so several can be in flight. */
  const refreshes: number[] = [];
  let expiries = 0;
  let queries = 0;
  let t = startSec + arrivals.exponential(1 / simRate);

  const land = (now: number) => {
    if (rebuildDone >= 0 && now >= rebuildDone) {
      expiry = Math.max(expiry, rebuildDone + TTL_SEC);
      rebuildDone = -1;
    }
    while (refreshes.length && refreshes[0]! <= now) expiry = Math.max(expiry, refreshes.shift()! + TTL_SEC);
  };

  for (let second = startSec; second < RUN_SEC; second++) {
    if (hooks?.shouldStop?.()) break;
    let secQueries = 0;
    for (; t < second + 1; t += arrivals.exponential(1 / simRate)) {
      land(t);
      let ms = CACHE.readMs(latencyRng);
      if (t < expiry) {
        // XFetch: refresh early with a chance that climbs as expiry nears; the reader keeps the old value.
        if (protection === 'early-refresh') {
          const p = Math.exp(-(expiry - t) / (rebuildSec * XFETCH_BETA));
          if (xfetch.next() < (weight === 1 ? p : 1 - Math.pow(1 - p, weight))) {
            // A refresh with none in flight starts a new cycle: the early-refresh "expiry".
            if (refreshes.length === 0 && t >= 0) expiries++;
            refreshes.push(t + rebuildSec);
            secQueries++;
          }
        }
      } else if (protection === 'none') {
        // Everyone who misses queries; the first answer back refills the key.
        if (rebuildDone < 0) {
          expiries++;
          rebuildDone = t + rebuildSec;
        }
        secQueries += weight;
        ms += rebuildSec * 1000;
      } else {
        if (rebuildDone < 0) {
          expiries++;
          rebuildDone = t + rebuildSec;
          secQueries++;
          ms += rebuildSec * 1000 + (protection === 'lock' ? CACHE.readMs(latencyRng) : 0);
        } else if (protection === 'lock') {
          ms += Math.ceil((rebuildDone - t) / LOCK_RETRY_SEC) * LOCK_RETRY_SEC * 1000 + CACHE.readMs(latencyRng);
        } else {
          ms += (rebuildDone - t) * 1000;
        }
      }
      // Every simulated read stands for the same number of reads, so the quantiles need no weights.
      if (second >= 0) timeline.add(ms);
    }
    if (second < 0) continue;
    timeline.closeSecond(second + 1);
    queriesPerSecond.push(round(secQueries, 1));
    queries += secQueries;
  }

  const peak = Math.max(0, ...queriesPerSecond);
  const overall = timeline.overall;
  const p95 = quantileMs(overall, 0.95);
  const herdTheory = protection === 'none' ? rate * rebuildSec : 1;
  const peakTheory = protection === 'none' ? rate * Math.min(1, rebuildSec) : 1;
  const perExpiry = expiries > 0 ? queries / expiries : queries;
  const timeSec = timeline.timeSec;

  return {
    widget: spec.widget,
    seed,
    controls,
    metrics: {
      peakDbQueriesPerSecond: round(peak, 1),
      dbQueriesPerExpiry: round(perExpiry, 1),
      p95Ms: round(p95, 2),
      p99Ms: round(quantileMs(overall, 0.99), 2),
    },
    theory: {
      dbQueriesPerExpiry: {
        value: round(herdTheory, 1),
        method: protection === 'none' ? 'reads/s × rebuild time' : protection === 'early-refresh' ? 'one early refresh per expiry (XFetch, occasionally a few)' : 'one query per rebuild',
      },
      peakDbQueriesPerSecond: {
        value: round(peakTheory, 1),
        method: protection === 'none' ? 'reads/s × min(1 s, rebuild time): every read in the rebuild window misses' : 'one query per rebuild',
      },
    },
    series: [
      { id: 'dbQueriesPerSecond', label: 'Database queries for the key', unit: 'queries/s', ratio: false, timeSec, values: queriesPerSecond },
      timeline.series('latencyMs', 'Read latency p95'),
    ],
    bars: [
      {
        id: 'queriesPerExpiry',
        label: 'Database queries per expiry',
        unit: 'queries',
        bars: [
          { label: 'this run', value: round(perExpiry, 1), tone: perExpiry > 10 ? 'fail' : 'pass' },
          { label: 'no protection (theory)', value: round(rate * rebuildSec, 1), tone: 'muted' },
        ],
      },
    ],
    thresholds: [
      { axis: 'value', seriesId: 'dbQueriesPerSecond', value: rate, label: `read rate ${fmtInt(rate)}/s` },
      { axis: 'time', seriesId: null, value: FIRST_EXPIRY_SEC, label: 'key expires' },
    ],
    summary:
      `With ${protection === 'none' ? 'no protection' : protection}, the database took up to ${fmtInt(peak)} queries/s for the key ` +
      `(${fmtInt(perExpiry)} per expiry) and p95 read latency was ${fmtMs(p95)}.` +
      (weight > 1 ? ` Each simulated read stood for ${weight.toFixed(1)} reads to keep the run small.` : ''),
  };
}

export const experiment: Experiment = { spec, run };
