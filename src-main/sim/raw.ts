/**
 * What a run measured, before it is dressed up as a SimResult: both levels
 * (request and horizon) produce this shape, so results, theory, cost and
 * explanations are built once (results.ts).
 */
import type { StockFigures } from './inventory/stockCounter';
import type { WorkloadCounts, WorkloadEffects } from './types';

export interface RawWorkloadSeries {
  answered: Float64Array;
  finished: Float64Array;
  errors: Float64Array;
  timeouts: Float64Array;
  late: Float64Array;
  attempts: Float64Array;
  p50: Float64Array;
  p95: Float64Array;
  p99: Float64Array;
}

export interface RawWorkload extends WorkloadCounts, WorkloadEffects {
  /** Behind an admission gate: p99 of the admitted users' wait from the gate to the next hand-off (NaN otherwise). */
  admittedP99Sec: number;
  meanSec: number;
  p50Sec: number;
  p95Sec: number;
  p99Sec: number;
  asyncCompleted: number;
  asyncMeanSec: number;
  deadLettered: number;
  series: RawWorkloadSeries;
}

export interface RawStationSeries {
  utilisation: Float64Array;
  queueDepth: Float64Array;
  busy: Float64Array;
  hitRatio: Float64Array;
  instances: Float64Array;
  /** Share of a pooled store's or instance's CPU in use (stations with a CPU; absent elsewhere). */
  cpu?: Float64Array;
  /** Visits per second (horizon level only). */
  arrivals?: Float64Array;
}

export interface RawStation {
  arrivals: number;
  departures: number;
  utilisation: number;
  queueDepth: number;
  peakQueueDepth: number;
  busy: number;
  meanInstances: number;
  inSystem: number;
  sojournMeanSec: number;
  waitMeanSec: number;
  p95SojournSec: number;
  rejected: number;
  errors: number;
  hits: number;
  lookups: number;
  deadLettered: number;
  /** Mean share of the CPU cores in use behind a pooled store's connections; NaN for other kinds. */
  cpuUtilisation: number;
  /** Server-seconds a caller's threads spent waiting on the calls they made (NaN where not measured). */
  heldSec: number;
  /** Server-seconds of work done for each workload: who drove the load. */
  workByWorkload: Float64Array;
  series: RawStationSeries;
}

export interface RawRun {
  level: 'request' | 'horizon';
  steps: number;
  /** Length of the measured window (duration minus warm-up). */
  measuredSec: number;
  bucketSec: number;
  buckets: number;
  workloads: RawWorkload[];
  stations: RawStation[];
  /** Percentiles over every answered user request, all workloads together. */
  allP95Sec: number;
  allP99Sec: number;
  warnings: string[];
  /** Per station: the stock counter's figures for inventory components (horizon level only). */
  inventory?: (StockFigures | null)[];
}
