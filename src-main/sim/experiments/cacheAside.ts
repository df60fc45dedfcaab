/**
 * Cache-aside reads: Poisson reads of Zipf-popular keys go to an LRU cache
 * with a TTL; each miss queries a database of fixed capacity and fills the
 * cache. The hit ratio, the database's load and the read latency all emerge
 * from the request stream.
 */
import type { ControlValues, ExperimentResult, ExperimentSpec } from '../../api/contract';
import { RandomStream } from '../engine/rng';
import { CacheStore } from '../engine/cacheStore';
import { groupedCharacteristicTime, groupedLruTtlHitRatio, groupsOfPopularities } from '../theory/cheZipf';
import {
  DB_CAPACITY_PER_SEC,
  DatabasePool,
  LatencyTimeline,
  cacheLatencyMs,
  fmtInt,
  fmtMs,
  fmtPct,
  num,
  round,
  thinSeries,
  zipfTables,
  keysControl,
  cacheSizeControl,
  readsControl,
} from './shared';
import type { Experiment, RunHooks } from './types';

/** Requests one run may simulate: enough for a steady hit ratio, small enough for a slider. */
const MAX_REQUESTS = 60_000;

const spec: ExperimentSpec = {
  widget: 'cache-aside',
  title: `Cache-aside reads in front of a database that serves ${fmtInt(DB_CAPACITY_PER_SEC)} reads/s`,
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

function run(controls: ControlValues, seed: number, hooks?: RunHooks): ExperimentResult {
  const keys = Math.round(num(controls, 'keys'));
  const cacheSize = Math.round(num(controls, 'cacheSize'));
  const zipf = num(controls, 'zipf');
  const ttl = num(controls, 'ttlSeconds');
  const rate = num(controls, 'readsPerSecond');

  const { keys: zipfKeys, popularities } = zipfTables(keys, zipf);
  const groups = groupsOfPopularities(popularities);
  const theoryHit = groupedLruTtlHitRatio(groups, cacheSize, rate, ttl);
  const cheSec = groupedCharacteristicTime(groups, cacheSize, 'lru') / rate;

  // Long enough for three TTLs where the budget allows; measure after the cache has
  // filled and (where the TTL binds before eviction does) after one TTL of expiries.
  const wanted = Math.max(20, 3 * Math.min(ttl, 3 * cheSec));
  const duration = Math.max(2, Math.min(wanted, Math.floor(MAX_REQUESTS / rate)));
  const warmup = Math.min(Math.floor(0.7 * duration), Math.max(Math.ceil(duration / 3), Math.ceil(Math.min(ttl, 3 * cheSec))));
  const capped = wanted > duration;

  const arrivals = new RandomStream(seed, 'cache-aside/arrivals');
  const keyDraws = new RandomStream(seed, 'cache-aside/keys');
  const latency = new RandomStream(seed, 'cache-aside/latency');
  const db = new DatabasePool(new RandomStream(seed, 'cache-aside/db'));
  const cache = new CacheStore(Math.min(cacheSize, keys), keys, 'lru', ttl);
  const timeline = new LatencyTimeline();
  const hitSeries: number[] = [];
  const dbSeries: number[] = [];

  let t = arrivals.exponential(1 / rate);
  let reads = 0;
  let hits = 0;
  let measuredReads = 0;
  let measuredHits = 0;
  let second = 0;
  for (; second < duration; second++) {
    if (hooks?.shouldStop?.()) break;
    let secReads = 0;
    let secHits = 0;
    const end = second + 1;
    for (; t < end; t += arrivals.exponential(1 / rate)) {
      const key = zipfKeys.draw(keyDraws);
      let ms = cacheLatencyMs(latency);
      if (cache.lookup(key, t)) secHits++;
      else {
        ms += db.query(t);
        cache.fill(key, t);
      }
      timeline.add(ms);
      secReads++;
    }
    const measured = second >= warmup;
    timeline.closeSecond(end, measured);
    hitSeries.push(secReads ? round(secHits / secReads, 4) : 0);
    dbSeries.push(secReads - secHits);
    reads += secReads;
    hits += secHits;
    if (measured) {
      measuredReads += secReads;
      measuredHits += secHits;
    }
  }

  const measuredSeconds = Math.max(1, second - warmup);
  const hitRatio = measuredReads ? measuredHits / measuredReads : reads ? hits / reads : 0;
  const dbReads = (measuredReads - measuredHits) / measuredSeconds;
  const overall = timeline.overall;
  const p95 = overall.quantile(0.95);
  const dbUtil = dbReads / DB_CAPACITY_PER_SEC;
  const timeSec = timeline.timeSec;
  const method = Number.isFinite(cheSec) ? "Che's approximation (LRU), each key capped by the TTL formula λτ/(1+λτ)" : 'TTL formula: per-key hit λτ/(1+λτ), nothing is evicted';
  const notes: string[] = [];
  if (capped) notes.push(`the run was capped at ${fmtInt(duration)} s of simulated reads`);
  if (ttl > duration - warmup && !Number.isFinite(cheSec)) notes.push('the TTL outlasts the run, so this shows the cache filling rather than its steady state');
  if (dbUtil >= 1) notes.push('the database is past its capacity, so its queue grows for the whole run');

  return {
    widget: spec.widget,
    seed,
    controls,
    metrics: {
      cacheHitRatio: round(hitRatio, 4),
      dbReadsPerSecond: round(dbReads, 1),
      p95Ms: round(p95, 2),
      p50Ms: round(overall.quantile(0.5), 2),
      p99Ms: round(overall.quantile(0.99), 2),
      dbUtilisation: round(dbUtil, 4),
    },
    theory: {
      cacheHitRatio: { value: round(theoryHit, 4), method },
      dbReadsPerSecond: { value: round(rate * (1 - theoryHit), 1), method: `reads/s × (1 − hit ratio), hit ratio by ${method}` },
    },
    series: [
      thinSeries({ id: 'cacheHitRatio', label: 'Cache hit ratio', unit: '%', ratio: true, timeSec, values: hitSeries }),
      thinSeries({ id: 'dbReadsPerSecond', label: 'Database reads', unit: 'reads/s', ratio: false, timeSec, values: dbSeries }),
      thinSeries(timeline.series('latencyMs', 'Read latency p95')),
    ],
    bars: [
      {
        id: 'readsBySource',
        label: 'Where reads are answered',
        unit: 'reads/s',
        bars: [
          { label: 'cache', value: round(rate * hitRatio, 1), tone: 'pass' },
          { label: 'database', value: round(dbReads, 1), tone: dbUtil >= 1 ? 'fail' : dbUtil >= 0.8 ? 'warn' : 'accent' },
        ],
      },
    ],
    thresholds: [
      { axis: 'value', seriesId: 'dbReadsPerSecond', value: DB_CAPACITY_PER_SEC, label: `database capacity ${fmtInt(DB_CAPACITY_PER_SEC)} reads/s` },
      { axis: 'value', seriesId: 'cacheHitRatio', value: round(theoryHit, 4), label: `theory ${fmtPct(theoryHit)}` },
    ],
    topology: {
      nodes: [
        { id: 'client', label: 'clients', utilisation: 0 },
        { id: 'cache', label: 'cache', utilisation: round(rate / 100_000, 4) },
        { id: 'database', label: 'database', utilisation: round(dbUtil, 4) },
      ],
      edges: [
        { from: 'client', to: 'cache', perSec: rate },
        { from: 'cache', to: 'database', perSec: round(dbReads, 1) },
      ],
    },
    summary:
      `The cache answered ${fmtPct(hitRatio)} of reads (theory ${fmtPct(theoryHit)}); the database saw ${fmtInt(dbReads)} reads/s of its ${fmtInt(DB_CAPACITY_PER_SEC)} and p95 was ${fmtMs(p95)}.` +
      (notes.length ? ` Note: ${notes.join('; ')}.` : ''),
  };
}

export const experiment: Experiment = { spec, run };
