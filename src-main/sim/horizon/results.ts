/**
 * The end of a horizon run: its tallies as a RawRun, the shape both levels
 * hand to results.ts. Percentiles over the run pool one latency mixture per
 * chart interval, each weighted by the users it answered.
 */
import type { RawRun, RawStation, RawWorkload } from '../raw';
import { LatencyMixture, pooledQuantile } from './latencyModel';
import type { HorizonState } from './state';

export function rawRun(state: HorizonState): RawRun {
  const { plan, st, W } = state;
  const measuredSec = Math.max(1e-9, plan.durationSec - plan.warmupSec);
  const pooled = new LatencyMixture();
  const workloads: RawWorkload[] = state.workloadTally.map((tally, w) => {
    const tot = tally.totals;
    const answered = tot.successes + tot.fallbacks + tot.late;
    pooled.reset();
    tally.pooled.addWeightedTo(pooled, tally.answeredIn);
    // The pooled quantile lies between the smallest and largest per-interval ones.
    const q = (p: number, series: Float64Array): number => pooledQuantile(pooled, p, ...bracket([series]));
    return {
      userRequests: Math.round(tot.userRequests),
      attempts: Math.round(tot.attempts),
      successes: Math.round(tot.successes),
      fallbacks: Math.round(tot.fallbacks),
      errors: Math.round(tot.errors),
      timeouts: Math.round(tot.timeouts),
      late: Math.round(tot.late),
      unfinished: 0,
      meanSec: answered > 0 ? tot.latSum / answered : NaN,
      p50Sec: q(0.5, tally.series.p50),
      p95Sec: q(0.95, tally.series.p95),
      p99Sec: q(0.99, tally.series.p99),
      asyncCompleted: Math.round(tot.asyncDone),
      asyncMeanSec: tot.asyncDone > 0 ? tot.asyncSum / tot.asyncDone : NaN,
      deadLettered: Math.round(tot.dead),
      asyncLate: Math.round(tot.asyncLate),
      admittedP99Sec: state.admittedEnd[w]! > 0 ? admittedP99(state, w) : NaN,
      duplicates: Math.round(tot.duplicates),
      series: tally.series,
    };
  });
  const stations: RawStation[] = state.stationTally.map((tally, s) => {
    const tot = tally.totals;
    return {
      arrivals: Math.round(tot.arrivals),
      departures: Math.round(tot.departures),
      utilisation: tot.capArea > 0 ? tot.busyArea / tot.capArea : 0,
      queueDepth: tot.queueArea / measuredSec,
      peakQueueDepth: tot.peakQueue,
      busy: tot.busyArea / measuredSec,
      meanInstances: tot.instArea / measuredSec,
      inSystem: (tot.busyArea + tot.queueArea) / measuredSec,
      sojournMeanSec: tot.departures > 0 ? tot.sojournSum / tot.departures : NaN,
      waitMeanSec: tot.departures > 0 ? tot.waitSum / tot.departures : NaN,
      p95SojournSec: NaN,
      rejected: Math.round(tot.rejected),
      errors: Math.round(tot.errors),
      hits: tot.hits,
      lookups: tot.lookups,
      deadLettered: Math.round(tot.dead),
      cpuUtilisation: st[s]!.cpu ? tot.cpuArea / measuredSec : NaN,
      heldSec: tot.heldSec,
      workByWorkload: tally.work,
      series: tally.series,
    };
  });
  pooled.reset();
  for (let w = 0; w < W; w++) state.workloadTally[w]!.pooled.addWeightedTo(pooled, state.workloadTally[w]!.answeredIn);
  const p95s = state.workloadTally.map((x) => x.series.p95);
  const p99s = state.workloadTally.map((x) => x.series.p99);
  return {
    level: 'horizon',
    steps: state.steps,
    measuredSec,
    bucketSec: state.bucketSec,
    buckets: state.B,
    workloads,
    stations,
    allP95Sec: pooledQuantile(pooled, 0.95, ...bracket(p95s)),
    allP99Sec: pooledQuantile(pooled, 0.99, ...bracket(p99s)),
    warnings: [],
    inventory: st.map((_, s) => state.stocks.figures(s)),
  };
}

/** p99 over the run of workload w's admitted users' wait, each interval weighted by the users it admitted. */
function admittedP99(state: HorizonState, w: number): number {
  const tally = state.workloadTally[w]!;
  const all = new LatencyMixture();
  tally.admittedPooled.addWeightedTo(all, tally.admittedWeight);
  return pooledQuantile(all, 0.99, ...bracket([tally.admittedP99]));
}

/** [min, max] of the finite values in some series, widened a little: where a pooled quantile is searched. */
function bracket(series: Float64Array[]): [number, number] {
  let lo = Infinity;
  let hi = 0;
  for (const values of series) {
    for (const v of values) {
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return Number.isFinite(lo) ? [lo * 0.999, Math.max(hi * 1.001, 1e-6)] : [0, 1e-6];
}
