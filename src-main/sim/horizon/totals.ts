/**
 * What a horizon run adds up as it goes: per chart interval (the series) and
 * over the measured window (the totals), for each workload and each station.
 * results.ts turns them into a RawRun at the end.
 */
import type { Plan } from '../plan';
import type { RawStationSeries, RawWorkloadSeries } from '../raw';
import type { WorkloadCounts } from '../types';
import { PooledLatency } from './latencyModel';

/**
 * A workload's sums over the measured window: the counts both levels report (fractional here, rounded
 * at the end), background work, and latSum and asyncSum (seconds × count, for the means).
 */
export interface WorkloadTotals extends Omit<WorkloadCounts, 'unfinished'> {
  asyncDone: number;
  asyncSum: number;
  asyncLate: number;
  dead: number;
  duplicates: number;
  latSum: number;
}

/** A station's sums over the measured window (areas are value × seconds). */
export interface StationTotals {
  cpuArea: number;
  heldSec: number;
  arrivals: number;
  departures: number;
  busyArea: number;
  capArea: number;
  queueArea: number;
  instArea: number;
  peakQueue: number;
  sojournSum: number;
  waitSum: number;
  hits: number;
  lookups: number;
  rejected: number;
  errors: number;
  dead: number;
}

export interface WorkloadTally {
  series: RawWorkloadSeries;
  totals: WorkloadTotals;
  /** One latency mixture per chart interval, and the users it answered: the run's percentiles pool them. */
  pooled: PooledLatency;
  answeredIn: Float64Array;
  /** Behind an admission gate: the admitted users' wait per interval, weighted by those admitted. */
  admittedPooled: PooledLatency;
  admittedWeight: Float64Array;
  admittedP99: Float64Array;
}

export interface StationTally {
  series: Required<RawStationSeries>;
  totals: StationTotals;
  /** Server-seconds done for each workload. */
  work: Float64Array;
}

export function workloadTallies(plan: Plan, buckets: number): WorkloadTally[] {
  const B = buckets;
  return plan.workloads.map(() => ({
    series: {
      answered: new Float64Array(B),
      finished: new Float64Array(B),
      errors: new Float64Array(B),
      timeouts: new Float64Array(B),
      late: new Float64Array(B),
      attempts: new Float64Array(B),
      p50: new Float64Array(B).fill(NaN),
      p95: new Float64Array(B).fill(NaN),
      p99: new Float64Array(B).fill(NaN),
    },
    totals: { userRequests: 0, attempts: 0, successes: 0, fallbacks: 0, errors: 0, timeouts: 0, late: 0, asyncDone: 0, asyncSum: 0, asyncLate: 0, dead: 0, duplicates: 0, latSum: 0 },
    pooled: new PooledLatency(),
    answeredIn: new Float64Array(B),
    admittedPooled: new PooledLatency(),
    admittedWeight: new Float64Array(B),
    admittedP99: new Float64Array(B).fill(NaN),
  }));
}

export function stationTallies(plan: Plan, buckets: number): StationTally[] {
  const B = buckets;
  const W = plan.workloads.length;
  return plan.stations.map(() => ({
    series: {
      utilisation: new Float64Array(B),
      queueDepth: new Float64Array(B),
      busy: new Float64Array(B),
      hitRatio: new Float64Array(B).fill(NaN),
      instances: new Float64Array(B),
      arrivals: new Float64Array(B),
      cpu: new Float64Array(B),
    },
    totals: { cpuArea: 0, heldSec: 0, arrivals: 0, departures: 0, busyArea: 0, capArea: 0, queueArea: 0, instArea: 0, peakQueue: 0, sojournSum: 0, waitSum: 0, hits: 0, lookups: 0, rejected: 0, errors: 0, dead: 0 },
    work: new Float64Array(W),
  }));
}
