/**
 * Pieces every widget experiment shares: latency figures from the syllabus,
 * a database with a fixed capacity, log-bucket percentiles, per-second series
 * and number formatting for summaries.
 */
import type { ControlSpec, ControlValues, ExperimentSeries } from '../../api/contract';
import type { RandomStream } from '../engine/rng';
import { zipfPopularities } from '../engine/zipf';

export type NumberControl = Extract<ControlSpec, { kind: 'number' }>;

export function num(controls: ControlValues, id: string): number {
  return controls[id] as number;
}

export function str(controls: ControlValues, id: string): string {
  return controls[id] as string;
}

/** A Redis round trip in the same data centre: about 1 ms (0.7-1.3, uniform: no log on the hot path). */
export function cacheLatencyMs(rng: RandomStream): number {
  return 0.7 + 0.6 * rng.next();
}

/** Database query service time: lognormal, mean 10 ms, median 8.4, p99 about 34 (the 5-50 ms band). */
const DB_SIGMA = 0.6;
const DB_MEAN_MS = 10;
const DB_MEDIAN_MS = DB_MEAN_MS / Math.exp((DB_SIGMA * DB_SIGMA) / 2);
export function dbServiceMs(rng: RandomStream): number {
  return DB_MEDIAN_MS * Math.exp(DB_SIGMA * rng.normal());
}

export const DB_CONNECTIONS = 15;
/** Reads per second the database sustains: connections / mean service time. */
export const DB_CAPACITY_PER_SEC = DB_CONNECTIONS * (1000 / DB_MEAN_MS);

/**
 * The database as an FCFS queue in front of DB_CONNECTIONS connections.
 * Arrivals must come in time order; each takes the connection that frees
 * first, so waits appear as the load nears capacity and grow without bound past it.
 */
export class DatabasePool {
  private readonly freeAtSec = new Float64Array(DB_CONNECTIONS);

  constructor(private readonly rng: RandomStream) {}

  /** Time in the database (wait + service) for a query arriving at atSec, in ms. */
  query(atSec: number, serviceMs = dbServiceMs(this.rng)): number {
    const free = this.freeAtSec;
    let best = 0;
    for (let i = 1; i < free.length; i++) if (free[i]! < free[best]!) best = i;
    const start = Math.max(atSec, free[best]!);
    free[best] = start + serviceMs / 1000;
    return (start - atSec) * 1000 + serviceMs;
  }
}

/**
 * Latency percentiles from a log-bucket histogram (2 % wide buckets from
 * 0.05 ms up): constant work per sample, no sorting, about 1 % error.
 */
const H_MIN = 0.05;
const H_GROWTH = 1.02;
const H_BUCKETS = 1100;
const H_LOG = Math.log(H_GROWTH);

export class LatencyHistogram {
  private readonly counts = new Float64Array(H_BUCKETS);
  total = 0;

  add(ms: number, weight = 1): void {
    const i = ms <= H_MIN ? 0 : Math.min(H_BUCKETS - 1, Math.floor(Math.log(ms / H_MIN) / H_LOG));
    this.counts[i] = this.counts[i]! + weight;
    this.total += weight;
  }

  addAll(other: LatencyHistogram): void {
    for (let i = 0; i < H_BUCKETS; i++) this.counts[i] = this.counts[i]! + other.counts[i]!;
    this.total += other.total;
  }

  clear(): void {
    this.counts.fill(0);
    this.total = 0;
  }

  /** The q-quantile (0..1) in ms; 0 when empty. */
  quantile(q: number): number {
    if (this.total <= 0) return 0;
    const target = q * this.total;
    let seen = 0;
    for (let i = 0; i < H_BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= target) return H_MIN * Math.pow(H_GROWTH, i + 0.5);
    }
    return H_MIN * Math.pow(H_GROWTH, H_BUCKETS);
  }
}

/** Per-second latency figures for a series with a p50..p99 band. */
export class LatencyTimeline {
  readonly timeSec: number[] = [];
  readonly p50: number[] = [];
  readonly p95: number[] = [];
  readonly p99: number[] = [];
  readonly overall = new LatencyHistogram();
  private readonly current = new LatencyHistogram();

  add(ms: number, weight = 1): void {
    this.current.add(ms, weight);
  }

  /** Closes the second that ends at timeSec; `measured` adds it to the run's overall figures. */
  closeSecond(timeSec: number, measured: boolean): void {
    this.timeSec.push(timeSec);
    this.p50.push(round(this.current.quantile(0.5), 2));
    this.p95.push(round(this.current.quantile(0.95), 2));
    this.p99.push(round(this.current.quantile(0.99), 2));
    if (measured) this.overall.addAll(this.current);
    this.current.clear();
  }

  series(id: string, label: string): ExperimentSeries {
    return { id, label, unit: 'ms', ratio: false, timeSec: this.timeSec, values: this.p95, band: { lower: this.p50, upper: this.p99, label: 'p50..p99' } };
  }
}

export const MAX_SERIES_POINTS = 300;

/** Averages neighbouring points so a series never exceeds MAX_SERIES_POINTS. */
export function thinSeries(series: ExperimentSeries): ExperimentSeries {
  const n = series.timeSec.length;
  if (n <= MAX_SERIES_POINTS) return series;
  const group = Math.ceil(n / MAX_SERIES_POINTS);
  const pick = (values: number[]): number[] => {
    const out: number[] = [];
    for (let i = 0; i < n; i += group) {
      const slice = values.slice(i, i + group);
      out.push(slice.reduce((a, b) => a + b, 0) / slice.length);
    }
    return out;
  };
  const timeSec: number[] = [];
  for (let i = 0; i < n; i += group) timeSec.push(series.timeSec[Math.min(n - 1, i + group - 1)]!);
  return {
    ...series,
    timeSec,
    values: pick(series.values),
    ...(series.band ? { band: { lower: pick(series.band.lower), upper: pick(series.band.upper), label: series.band.label } } : {}),
  };
}

/**
 * Draws ranks with given popularities in constant time (Walker's alias
 * method). engine/zipf.ts's binary search costs ~14 unpredictable branches
 * a draw, which was most of a widget run's budget.
 */
export class AliasSampler {
  private readonly threshold: Float64Array;
  private readonly alias: Int32Array;

  constructor(popularities: Float64Array) {
    const n = popularities.length;
    this.threshold = new Float64Array(n);
    this.alias = new Int32Array(n);
    const scaled = new Float64Array(n);
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < n; i++) {
      scaled[i] = popularities[i]! * n;
      (scaled[i]! < 1 ? small : large).push(i);
    }
    while (small.length && large.length) {
      const s = small.pop()!;
      const l = large[large.length - 1]!;
      this.threshold[s] = scaled[s]!;
      this.alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      if (scaled[l]! < 1) small.push(large.pop()!);
    }
    for (const i of large) this.threshold[i] = 1;
    for (const i of small) this.threshold[i] = 1;
  }

  draw(rng: RandomStream): number {
    const u = rng.next() * this.threshold.length;
    const i = Math.floor(u);
    return u - i < this.threshold[i]! ? i : this.alias[i]!;
  }
}

/** Zipf tables cost O(keys) to build; a slider drag reuses the last few. */
const zipfMemo = new Map<string, { keys: AliasSampler; popularities: Float64Array }>();
export function zipfTables(keyCount: number, exponent: number): { keys: AliasSampler; popularities: Float64Array } {
  const id = `${keyCount}:${exponent}`;
  let hit = zipfMemo.get(id);
  if (!hit) {
    const popularities = zipfPopularities(keyCount, exponent);
    hit = { keys: new AliasSampler(popularities), popularities };
    if (zipfMemo.size >= 4) zipfMemo.delete(zipfMemo.keys().next().value as string);
    zipfMemo.set(id, hit);
  }
  return hit;
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** "1,500" */
export function fmtInt(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** "67.6 %" from 0.676 */
export function fmtPct(ratio: number): string {
  return `${(ratio * 100).toFixed(1)} %`;
}

/** "14.2 ms", or seconds once it is long. */
export function fmtMs(ms: number): string {
  return ms >= 2000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(1)} ms`;
}

/** Controls several widgets share, with the same units and ranges everywhere. */
export function keysControl(defaultKeys: number): NumberControl {
  return { id: 'keys', label: 'Keys', kind: 'number', unit: 'keys', min: 100, max: 1_000_000, step: 100, default: defaultKeys, scale: 'log' };
}

export function cacheSizeControl(defaultEntries: number): NumberControl {
  return { id: 'cacheSize', label: 'Cache size', kind: 'number', unit: 'entries', min: 10, max: 1_000_000, step: 10, default: defaultEntries, scale: 'log' };
}

export function readsControl(defaultRate: number): NumberControl {
  return { id: 'readsPerSecond', label: 'Reads', kind: 'number', unit: 'reads/s', min: 100, max: 50_000, step: 100, default: defaultRate, scale: 'log' };
}
