/**
 * The end of a request-level run: its counters, integrals, latency samples
 * and histograms turned into a RawRun (per workload and per station, totals
 * and series), and the requests still waiting at the end counted.
 */
import { summarise, summariseInPlace, tailInPlace } from '../metrics';
import type { RawRun, RawStation, RawWorkload } from '../raw';
import type { RunState } from './state';
import { AREA_BUSY, AREA_CAPACITY, AREA_INSTANCES, AREA_QUEUED } from './stationAreas';

export function collectResults(run: RunState): RawRun {
  const { B, nW, nS } = run;
  const measuredSec = Math.max(1e-9, run.now - run.warmupSec);
  // Requests still waiting at the end: those already past their deadline are late.
  const unfinished = new Float64Array(nW);
  const unfinishedLate = new Float64Array(nW);
  for (let r = 0; r < run.rCap; r++) {
    if (run.rLive[r] !== 1 || run.rStart[r]! < run.warmupSec) continue;
    const w = run.rWorkload[r]!;
    unfinished[w]!++;
    if (run.now - run.rStart[r]! > run.wDeadline[w]!) unfinishedLate[w]!++;
  }
  const workloads: RawWorkload[] = run.plan.workloads.map((_, w) => {
    const all = run.latAll[w]!;
    const base = w * (B + 1);
    for (let b = run.latCurBucket[w]! + 1; b <= B; b++) run.latBucketStart[base + b] = all.length;
    // The totals first (on a copy, so the mean adds up in arrival order); then each interval in place.
    const measured = run.warmupSec > 0 ? run.latMeasured[w]! : all;
    const total = summarise(measured.data, 0, measured.length);
    const p50 = new Float64Array(B);
    const p95 = new Float64Array(B);
    const p99 = new Float64Array(B);
    for (let b = 0; b < B; b++) {
      const sum = summariseInPlace(all.data, run.latBucketStart[base + b]!, run.latBucketStart[base + b + 1]!);
      p50[b] = sum.p50;
      p95[b] = sum.p95;
      p99[b] = sum.p99;
    }
    const slice = (a: readonly number[]): Float64Array => Float64Array.from(a.slice(w * B, (w + 1) * B));
    return {
      userRequests: run.wUser[w]!,
      attempts: run.wAttempts[w]!,
      successes: run.wSuccess[w]!,
      fallbacks: run.wFallbacks[w]!,
      errors: run.wErrors[w]!,
      timeouts: run.wTimeouts[w]!,
      late: run.wLate[w]! + unfinishedLate[w]!,
      unfinished: unfinished[w]!,
      meanSec: total.mean,
      p50Sec: total.p50,
      p95Sec: total.p95,
      p99Sec: total.p99,
      asyncCompleted: run.wAsyncDone[w]!,
      asyncMeanSec: run.wAsyncDone[w]! > 0 ? run.wAsyncSum[w]! / run.wAsyncDone[w]! : NaN,
      deadLettered: run.wDead[w]!,
      // Admission gates run at the horizon level only.
      admittedP99Sec: NaN,
      asyncLate: run.wAsyncLate[w]!,
      duplicates: run.wDuplicates[w]!,
      series: {
        answered: slice(run.bAnswered),
        finished: slice(run.bFinished),
        errors: slice(run.bErrors),
        timeouts: slice(run.bTimeouts),
        late: slice(run.bLate),
        attempts: slice(run.bAttempts),
        p50,
        p95,
        p99,
      },
    };
  });
  const areas = run.areas;
  const stations: RawStation[] = run.st.map((_, s) => {
    const util = new Float64Array(B);
    const depth = new Float64Array(B);
    const busy = new Float64Array(B);
    const hit = new Float64Array(B);
    const inst = new Float64Array(B);
    for (let b = 0; b < B; b++) {
      const i = s * B + b;
      const areaBusy = areas.inBucket(s, b, AREA_BUSY);
      const areaCapacity = areas.inBucket(s, b, AREA_CAPACITY);
      util[b] = areaCapacity > 0 ? areaBusy / areaCapacity : 0;
      depth[b] = areas.inBucket(s, b, AREA_QUEUED) / run.bucketSec;
      busy[b] = areaBusy / run.bucketSec;
      inst[b] = areas.inBucket(s, b, AREA_INSTANCES) / run.bucketSec;
      hit[b] = run.bLookups[i]! > 0 ? run.bHits[i]! / run.bLookups[i]! : NaN;
    }
    const departures = run.stDepartures[s]!;
    return {
      arrivals: run.stArrivals[s]!,
      departures,
      utilisation: areas.total(s, AREA_CAPACITY) > 0 ? areas.total(s, AREA_BUSY) / areas.total(s, AREA_CAPACITY) : 0,
      queueDepth: areas.total(s, AREA_QUEUED) / measuredSec,
      peakQueueDepth: run.stPeakQueue[s]!,
      busy: areas.total(s, AREA_BUSY) / measuredSec,
      meanInstances: areas.total(s, AREA_INSTANCES) / measuredSec,
      inSystem: (areas.total(s, AREA_BUSY) + areas.total(s, AREA_QUEUED)) / measuredSec,
      sojournMeanSec: departures > 0 ? run.stSojournSum[s]! / departures : NaN,
      waitMeanSec: departures > 0 ? run.stWaitSum[s]! / departures : NaN,
      p95SojournSec: run.stSojournHist[s]!.quantile(0.95),
      rejected: run.stRejected[s]!,
      errors: run.stErrors[s]!,
      hits: run.stHits[s]!,
      lookups: run.stLookups[s]!,
      deadLettered: run.stDead[s]!,
      heldSec: run.stHeldSec[s]!,
      // The time-average of min(cores, n · share) / cores per instance (n: queries in service).
      cpuUtilisation: cpuUtilisation(run, s),
      workByWorkload: Float64Array.from(run.stWork.slice(s * nW, (s + 1) * nW)),
      series: { utilisation: util, queueDepth: depth, busy, hitRatio: hit, instances: inst, ...(run.stCpuCores[s]! > 0 ? { cpu: cpuSeries(run, s) } : {}) },
    };
  });
  void nS;
  const measuredBuffers = run.warmupSec > 0 ? run.latMeasured : run.latAll;
  // Every measured answer together, for the overall percentiles (order does not matter, so no copy when one buffer holds them all).
  let overall: { p95: number; p99: number };
  if (measuredBuffers.length === 1) overall = tailInPlace(measuredBuffers[0]!.data, 0, measuredBuffers[0]!.length);
  else {
    const everything = new Float64Array(measuredBuffers.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const b of measuredBuffers) {
      everything.set(b.data.subarray(0, b.length), at);
      at += b.length;
    }
    overall = tailInPlace(everything);
  }
  return { level: 'request', steps: run.events, measuredSec, bucketSec: run.bucketSec, buckets: B, workloads, stations, allP95Sec: overall.p95, allP99Sec: overall.p99, warnings: run.warnings };
}

/** A pooled store's mean CPU utilisation over the measured window; NaN for stations without a CPU model. */
function cpuUtilisation(run: RunState, s: number): number {
  const cores = run.stCpuCores[s]!;
  const instanceSec = run.areas.total(s, AREA_INSTANCES);
  if (!(cores > 0) || !(instanceSec > 0)) return NaN;
  return (run.stCpuArea[s]! * run.stCpuShare[s]!) / (cores * instanceSec);
}

/** A station's CPU utilisation per series interval (its CPU level's integral over its cores' instance-seconds). */
function cpuSeries(run: RunState, s: number): Float64Array {
  const out = new Float64Array(run.B);
  const perCore = run.stCpuShare[s]! / run.stCpuCores[s]!;
  for (let b = 0; b < run.B; b++) {
    const instanceSec = run.areas.inBucket(s, b, AREA_INSTANCES);
    out[b] = instanceSec > 0 ? (run.stCpuSeries[s * run.B + b]! * perCore) / instanceSec : 0;
  }
  return out;
}
