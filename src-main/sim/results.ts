/** RawRun -> SimResult: units for people (ms, %, per second), theory beside figures, cost, explanation. */
import { planCost } from './cost';
import { explain } from './explain';
import { downsample, round } from './metrics';
import type { StockFigures } from './inventory/stockCounter';
import type { Plan, StationPlan } from './plan';
import type { RawRun } from './raw';
import { stationTheory } from './theory/station';
import type { ComponentResult, InventoryResult, SimResult, TheoryFigure, WorkloadResult } from './types';

const MAX_POINTS = 600;

/** Series for charts: rounded, downsampled, NaN (nothing measured) as null. */
function gappy(values: ArrayLike<number>, scale = 1): (number | null)[] {
  return downsample(values, MAX_POINTS).map((v) => (Number.isFinite(v) ? round(v * scale) : null));
}

/** A series that is always measured (rates, utilisation, depth). */
function series(values: ArrayLike<number>, scale = 1): number[] {
  return downsample(values, MAX_POINTS).map((v) => (Number.isFinite(v) ? round(v * scale) : 0));
}

function ratio(part: ArrayLike<number>, whole: ArrayLike<number>): Float64Array {
  const out = new Float64Array(part.length);
  for (let i = 0; i < part.length; i++) out[i] = whole[i]! > 0 ? part[i]! / whole[i]! : 0;
  return out;
}

const finite = (v: number): number => (Number.isFinite(v) ? round(v) : 0);
const msOf = (sec: number): number => finite(sec * 1000);

function roundTheory(t: TheoryFigure | null): TheoryFigure | null {
  if (!t) return null;
  const r = (v: number | null): number | null => (v === null || !Number.isFinite(v) ? null : round(v));
  return {
    ...t,
    utilisation: r(t.utilisation),
    meanWaitMs: r(t.meanWaitMs),
    meanSojournMs: r(t.meanSojournMs),
    p95SojournMs: r(t.p95SojournMs),
    probabilityOfWaiting: r(t.probabilityOfWaiting),
    blockingProbability: r(t.blockingProbability),
    cacheHitRatio: r(t.cacheHitRatio),
  };
}

function inventoryResult(sp: StationPlan, f: StockFigures | null): InventoryResult | null {
  if (!sp.inventory || !f) return null;
  const soldOutAtSec = f.soldOutAtSec === null ? null : round(f.soldOutAtSec);
  return { ...f, update: sp.inventory.update, shards: sp.inventory.shards, soldOutAtSec };
}

export function buildResult(plan: Plan, raw: RawRun, seed: number): SimResult {
  const T = raw.measuredSec;
  const perSec = (v: ArrayLike<number>): Float64Array => Float64Array.from(v as ArrayLike<number>, (x) => x / raw.bucketSec);
  const workloads: WorkloadResult[] = plan.workloads.map((wp, i) => {
    const w = raw.workloads[i]!;
    const answered = w.successes + w.fallbacks + w.late;
    const judged = answered + w.errors + w.timeouts;
    return {
      id: wp.id,
      userRequests: w.userRequests,
      attempts: w.attempts,
      successes: w.successes,
      fallbacks: w.fallbacks,
      errors: w.errors,
      timeouts: w.timeouts,
      late: w.late,
      unfinished: w.unfinished,
      throughputPerSec: finite(answered / T),
      offeredLoadPerSec: finite(w.attempts / T),
      meanMs: msOf(w.meanSec),
      p50Ms: msOf(w.p50Sec),
      p95Ms: msOf(w.p95Sec),
      p99Ms: msOf(w.p99Sec),
      uptimePct: judged > 0 ? round((100 * (w.successes + (wp.fallbackAcceptable ? w.fallbacks : 0))) / judged, 6) : 100,
      fallbackAcceptable: wp.fallbackAcceptable,
      admittedP99Ms: Number.isFinite(w.admittedP99Sec) ? msOf(w.admittedP99Sec) : null,
      asyncLate: w.asyncLate,
      duplicates: w.duplicates,
      asyncCompleted: w.asyncCompleted,
      asyncMeanMs: msOf(w.asyncMeanSec),
      deadLettered: w.deadLettered,
      series: {
        throughputPerSec: series(perSec(w.series.answered)),
        p50Ms: gappy(w.series.p50, 1000),
        p95Ms: gappy(w.series.p95, 1000),
        p99Ms: gappy(w.series.p99, 1000),
        errorRate: series(ratio(w.series.errors, w.series.finished)),
        timeoutRate: series(ratio(w.series.timeouts, w.series.finished)),
        lateRate: series(ratio(w.series.late, w.series.finished)),
        attemptsPerSec: series(perSec(w.series.attempts)),
      },
    };
  });
  const meanInstances = raw.stations.map((s, i) => (plan.stations[i]!.autoscale ? s.meanInstances : plan.stations[i]!.instances));
  const cost = planCost(plan, meanInstances);
  const components: ComponentResult[] = plan.stations.map((sp, i) => {
    const s = raw.stations[i]!;
    const servers = sp.sharedQueue ? sp.instances * sp.concurrency : sp.instances * sp.concurrency;
    const arrivalRate = s.arrivals / T;
    let peakUtilisation = 0;
    // Peaks over windows of at least 5 minutes (and at most 20 per run): bursts of a few seconds are
    // normal queueing, not saturation, but an hour-long surge in a two-day run must not be averaged away.
    for (const u of downsample(s.series.utilisation, Math.max(20, Math.round(T / 300)))) if (u > peakUtilisation) peakUtilisation = u;
    let peakCpu = 0;
    if (s.series.cpu) for (const u of downsample(s.series.cpu, Math.max(20, Math.round(T / 300)))) if (u > peakCpu) peakCpu = u;
    return {
      id: sp.id,
      kind: sp.kind,
      instances: round(s.meanInstances),
      servers,
      arrivals: s.arrivals,
      arrivalRatePerSec: finite(arrivalRate),
      throughputPerSec: finite(s.departures / T),
      utilisation: finite(s.utilisation),
      peakUtilisation: finite(peakUtilisation),
      queueDepth: finite(s.queueDepth),
      peakQueueDepth: finite(s.peakQueueDepth),
      connectionsInUse: finite(s.busy),
      meanSojournMs: msOf(s.sojournMeanSec),
      meanWaitMs: msOf(s.waitMeanSec),
      p95SojournMs: msOf(s.p95SojournSec),
      meanInSystem: finite(s.inSystem),
      rejected: s.rejected,
      errors: s.errors,
      cacheHitRatio: s.lookups > 0 ? round(s.hits / s.lookups) : null,
      replicationLagMs: sp.replicationLagMs,
      cpuUtilisation: sp.cpu && Number.isFinite(s.cpuUtilisation) ? round(s.cpuUtilisation) : null,
      peakCpuUtilisation: sp.cpu && s.series.cpu ? finite(peakCpu) : null,
      waitingOnCallsShare: sp.holdsCaller && Number.isFinite(s.heldSec) && s.busy > 0 ? round(Math.min(1, s.heldSec / (s.busy * T))) : null,
      deadLettered: s.deadLettered,
      costPerMonth: round(cost.lines[i]!.costPerMonth, 6),
      inventory: inventoryResult(sp, raw.inventory?.[i] ?? null),
      theory: roundTheory(stationTheory(plan, sp, arrivalRate, servers)),
      series: {
        utilisation: series(s.series.utilisation),
        queueDepth: series(s.series.queueDepth),
        connectionsInUse: series(s.series.busy),
        cacheHitRatio: sp.cache ? gappy(s.series.hitRatio) : [],
        instances: series(s.series.instances),
        arrivalsPerSec: s.series.arrivals ? series(s.series.arrivals) : [],
      },
    };
  });
  let answered = 0;
  let good = 0;
  let judged = 0;
  let userRequests = 0;
  let failed = 0;
  raw.workloads.forEach((w, i) => {
    userRequests += w.userRequests;
    answered += w.successes + w.fallbacks + w.late;
    // A fallback is up only where it is an acceptable degraded answer (a cached page), not a lost order.
    good += w.successes + (plan.workloads[i]!.fallbackAcceptable ? w.fallbacks : 0);
    judged += w.successes + w.fallbacks + w.late + w.errors + w.timeouts;
    failed += w.errors + w.timeouts;
  });
  const explanation = explain({ components, workloads, workByWorkload: raw.stations.map((s) => Array.from(s.workByWorkload)) });
  const points = Math.min(raw.buckets, MAX_POINTS);
  const step = (raw.bucketSec * raw.buckets) / points;
  return {
    status: 'complete',
    level: raw.level,
    seed,
    modelName: plan.name,
    durationSec: plan.durationSec,
    warmupSec: plan.warmupSec,
    steps: raw.steps,
    timeSec: Array.from({ length: points }, (_, k) => round(k * step, 8)),
    bucketSec: round(step, 8),
    workloads,
    components,
    totals: {
      userRequests,
      uptimePct: judged > 0 ? round((100 * good) / judged, 6) : 100,
      p95Ms: msOf(raw.allP95Sec),
      p99Ms: msOf(raw.allP99Sec),
      throughputPerSec: finite(answered / T),
      errorRatePct: judged > 0 ? round((100 * failed) / judged, 6) : 0,
      costPerMonth: round(cost.totalPerMonth, 6),
    },
    cost: { totalPerMonth: round(cost.totalPerMonth, 6), lines: cost.lines.map((l) => ({ ...l, instances: round(l.instances, 6), costPerMonth: round(l.costPerMonth, 6) })) },
    explanation,
    warnings: raw.warnings,
  };
}
