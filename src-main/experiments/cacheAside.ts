/**
 * Cache-aside reads, as a model: a redisCache (keys, capacity, Zipf, TTL, LRU)
 * in front of the scenarios' postgres, run through the simulator at the
 * request level. The hit ratio, the database's load and queue, and the read
 * latency are the simulator's own figures for that model.
 */
import type { ComponentResult, ModelInput, SimResult } from '../sim/index';
import { groupedCharacteristicTime, groupedLruTtlHitRatio, zipfGroups } from '../sim/theory/cheZipf';
import { cacheSizeControl, keysControl, num, readsControl } from './controls';
import { intervalEnds, runModel } from './simulation';
import { fmtInt, fmtMs, fmtPct, round } from './format';
import { DATABASE } from './scenarioComponents';
import { thinSeries } from './series';
import type { ControlValues, Experiment, ExperimentResult, ExperimentSeries, ExperimentSpec, RunHooks } from './types';

/** Requests one run may simulate: enough for a steady hit ratio, small enough for a slider. */
const MAX_REQUESTS = 60_000;

const spec: ExperimentSpec = {
  widget: 'cache-aside',
  title: `Cache-aside reads in front of a database that serves ${fmtInt(DATABASE.capacityPerSec)} reads/s`,
  controls: [
    keysControl(10_000),
    cacheSizeControl(1000),
    { id: 'zipf', label: 'Popularity skew (Zipf)', kind: 'number', unit: '', min: 0, max: 1.5, step: 0.05, default: 1.0 },
    { id: 'ttlSeconds', label: 'TTL', kind: 'number', unit: 's', min: 1, max: 3600, step: 1, default: 300, scale: 'log' },
    readsControl(2000),
  ],
  metrics: [
    { id: 'cacheHitRatio', label: 'Cache hit ratio', unit: '%', ratio: true },
    { id: 'dbReadsPerSecond', label: 'Database reads', unit: '/s' },
    { id: 'p95Ms', label: 'p95 read latency', unit: 'ms' },
    { id: 'p50Ms', label: 'p50 read latency', unit: 'ms' },
    { id: 'p99Ms', label: 'p99 read latency', unit: 'ms' },
    { id: 'dbUtilisation', label: 'Database utilisation', unit: '%', ratio: true },
  ],
};

interface Shape {
  keys: number;
  cacheSize: number;
  zipf: number;
  ttl: number;
  rate: number;
  durationSec: number;
  warmupSec: number;
}

/** The widget's controls as a model in the model language. */
function cacheAsideModel(s: Shape): ModelInput {
  return {
    name: 'cache-aside widget',
    traffic: { ratePerSec: s.rate, durationSec: s.durationSec, warmupSec: s.warmupSec },
    components: {
      cache: { kind: 'redisCache', keyCount: s.keys, capacityKeys: Math.min(s.cacheSize, s.keys), zipfExponent: s.zipf, ttlSec: s.ttl, eviction: 'lru' },
      database: { kind: 'postgres' },
    },
    workloads: { reads: { path: ['cache', 'database'] } },
  };
}

function component(result: SimResult, id: string): ComponentResult {
  return result.components.find((c) => c.id === id)!;
}

/** The intervals where every column measured something (a column holds null where nothing was). */
function measuredIntervals(...columns: (number | null | undefined)[][]): number[] {
  return columns[0]!.map((_, i) => i).filter((i) => columns.every((c) => c[i] !== null && c[i] !== undefined));
}

/** When each of these intervals ends, in seconds. */
function endsOf(result: SimResult, intervals: number[]): number[] {
  const ends = intervalEnds(result);
  return intervals.map((i) => ends[i]!);
}

/** One series over the intervals that measured it. */
function seriesOf(result: SimResult, values: (number | null)[], base: Omit<ExperimentSeries, 'timeSec' | 'values'>): ExperimentSeries {
  const kept = measuredIntervals(values);
  return thinSeries({ ...base, timeSec: endsOf(result, kept), values: kept.map((i) => values[i]!) });
}

/** p95 per interval with its p50..p99 band, over the intervals that answered reads. */
function latencySeries(result: SimResult, s: SimResult['workloads'][number]['series']): ExperimentSeries {
  const kept = measuredIntervals(s.p50Ms, s.p95Ms, s.p99Ms);
  const column = (values: (number | null)[]) => kept.map((i) => round(values[i]!, 2));
  return thinSeries({
    id: 'latencyMs',
    label: 'Read latency p95',
    unit: 'ms',
    ratio: false,
    timeSec: endsOf(result, kept),
    values: column(s.p95Ms),
    band: { lower: column(s.p50Ms), upper: column(s.p99Ms), label: 'p50..p99' },
  });
}

function run(controls: ControlValues, seed: number, hooks?: RunHooks): ExperimentResult {
  const keys = Math.round(num(controls, 'keys'));
  const cacheSize = Math.round(num(controls, 'cacheSize'));
  const zipf = num(controls, 'zipf');
  const ttl = num(controls, 'ttlSeconds');
  const rate = num(controls, 'readsPerSecond');

  const groups = zipfGroups(keys, zipf);
  const theoryHit = groupedLruTtlHitRatio(groups, cacheSize, rate, ttl);
  const cheSec = groupedCharacteristicTime(groups, cacheSize, 'lru') / rate;

  // Long enough for three TTLs where the budget allows; measure after the cache has
  // filled and (where the TTL binds before eviction does) after one TTL of expiries.
  // The fastest reads get under a second, which is still tens of thousands of reads.
  const wanted = Math.max(20, 3 * Math.min(ttl, 3 * cheSec));
  const durationSec = round(Math.min(wanted, MAX_REQUESTS / rate), 2);
  const warmupSec = round(Math.min(0.7 * durationSec, Math.max(durationSec / 3, Math.min(ttl, 3 * cheSec))), 2);
  const capped = wanted > durationSec;

  const outcome = runModel(cacheAsideModel({ keys, cacheSize, zipf, ttl, rate, durationSec, warmupSec }), 'cache-aside', seed, hooks);

  const cache = component(outcome, 'cache');
  const database = component(outcome, 'database');
  const reads = outcome.workloads[0]!;
  const hitRatio = cache.cacheHitRatio ?? 0;
  const dbReads = database.arrivalRatePerSec;
  const dbUtil = database.utilisation;
  const overloaded = dbReads >= DATABASE.capacityPerSec;
  const hits = cache.series.cacheHitRatio;
  // Misses are lookups that did not hit: the database's reads, interval by interval.
  const dbSeries = reads.series.attemptsPerSec.map((perSec, i) => (hits[i] === null || hits[i] === undefined ? null : round(perSec * (1 - hits[i]!), 1)));

  const method = Number.isFinite(cheSec) ? "Che's approximation (LRU), each key capped by the TTL formula λτ/(1+λτ)" : 'TTL formula: per-key hit λτ/(1+λτ), nothing is evicted';
  const notes: string[] = [];
  if (capped) notes.push(`the run was capped at ${fmtInt(durationSec)} s of simulated reads`);
  if (ttl > durationSec - warmupSec && !Number.isFinite(cheSec)) notes.push('the TTL outlasts the run, so this shows the cache filling rather than its steady state');
  if (overloaded) notes.push('the database is past its capacity, so its queue grows for the whole run');

  return {
    widget: spec.widget,
    seed,
    controls,
    metrics: {
      cacheHitRatio: round(hitRatio, 4),
      dbReadsPerSecond: round(dbReads, 1),
      p95Ms: round(reads.p95Ms, 2),
      p50Ms: round(reads.p50Ms, 2),
      p99Ms: round(reads.p99Ms, 2),
      dbUtilisation: round(dbUtil, 4),
    },
    theory: {
      cacheHitRatio: { value: round(theoryHit, 4), method },
      dbReadsPerSecond: { value: round(rate * (1 - theoryHit), 1), method: `reads/s × (1 − hit ratio), hit ratio by ${method}` },
    },
    series: [
      seriesOf(outcome, hits, { id: 'cacheHitRatio', label: 'Cache hit ratio', unit: '%', ratio: true }),
      seriesOf(outcome, dbSeries, { id: 'dbReadsPerSecond', label: 'Database reads', unit: 'reads/s', ratio: false }),
      latencySeries(outcome, reads.series),
    ],
    bars: [
      {
        id: 'readsBySource',
        label: 'Where reads are answered',
        unit: 'reads/s',
        bars: [
          { label: 'cache', value: round(rate * hitRatio, 1), tone: 'pass' },
          { label: 'database', value: round(dbReads, 1), tone: overloaded ? 'fail' : dbUtil >= 0.8 ? 'warn' : 'accent' },
        ],
      },
    ],
    thresholds: [
      { axis: 'value', seriesId: 'dbReadsPerSecond', value: round(DATABASE.capacityPerSec, 1), label: `database capacity ${fmtInt(DATABASE.capacityPerSec)} reads/s` },
      { axis: 'value', seriesId: 'cacheHitRatio', value: round(theoryHit, 4), label: `theory ${fmtPct(theoryHit)}` },
    ],
    topology: {
      nodes: [
        { id: 'client', label: 'clients', utilisation: 0 },
        { id: 'cache', label: 'cache', utilisation: round(cache.utilisation, 4) },
        { id: 'database', label: 'database', utilisation: round(dbUtil, 4) },
      ],
      edges: [
        { from: 'client', to: 'cache', perSec: rate },
        { from: 'cache', to: 'database', perSec: round(dbReads, 1) },
      ],
    },
    summary:
      `The cache answered ${fmtPct(hitRatio)} of reads (theory ${fmtPct(theoryHit)}); the database saw ${fmtInt(dbReads)} reads/s of its ${fmtInt(DATABASE.capacityPerSec)} and p95 was ${fmtMs(reads.p95Ms)}.` +
      (notes.length ? ` Note: ${notes.join('; ')}.` : ''),
  };
}

export const experiment: Experiment = { spec, run };
