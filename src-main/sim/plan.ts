/**
 * The compiled form of a model that both simulation levels run on: ids
 * resolved to indices, defaults applied, times in seconds.
 */
import type { RandomStream } from './engine/rng';
import type { ServiceTimeSpec } from './fields';
import type { StockParams } from './inventory/stockCounter';
import type { ComponentKind } from './models/componentKind';

export const DIST_EXPONENTIAL = 0;
export const DIST_DETERMINISTIC = 1;
export const DIST_UNIFORM = 2;
export const DIST_LOGNORMAL = 3;

export interface Dist {
  kind: number;
  meanSec: number;
  minSec: number;
  maxSec: number;
  /** Parameters of the underlying normal, for lognormal draws. */
  logMu: number;
  logSigma: number;
  /** Squared coefficient of variation, Var(S) / E[S]^2: what queueing formulas need. */
  scv: number;
}

export function toDist(spec: ServiceTimeSpec | number | undefined, fallback: ServiceTimeSpec): Dist {
  const s: ServiceTimeSpec = spec === undefined ? fallback : typeof spec === 'number' ? { ...fallback, meanMs: spec, minMs: undefined, maxMs: undefined } : spec;
  // A bare mean on a uniform default keeps the same relative spread around the new mean.
  if (typeof spec === 'number' && fallback.distribution === 'uniform') {
    const lo = fallback.minMs ?? 0;
    const hi = fallback.maxMs ?? 0;
    const mid = (lo + hi) / 2;
    const half = mid > 0 ? ((hi - lo) / 2) * (spec / mid) : 0;
    return uniformDist((spec - half) / 1000, (spec + half) / 1000);
  }
  switch (s.distribution) {
    case 'uniform':
      return uniformDist((s.minMs ?? 0) / 1000, (s.maxMs ?? 0) / 1000);
    case 'deterministic':
      return { kind: DIST_DETERMINISTIC, meanSec: (s.meanMs ?? 0) / 1000, minSec: 0, maxSec: 0, logMu: 0, logSigma: 0, scv: 0 };
    case 'lognormal': {
      const mean = (s.meanMs ?? 0) / 1000;
      const cv = s.cv ?? 1;
      const sigma2 = Math.log(1 + cv * cv);
      return { kind: DIST_LOGNORMAL, meanSec: mean, minSec: 0, maxSec: 0, logMu: Math.log(Math.max(mean, 1e-12)) - sigma2 / 2, logSigma: Math.sqrt(sigma2), scv: cv * cv };
    }
    default:
      return { kind: DIST_EXPONENTIAL, meanSec: (s.meanMs ?? 0) / 1000, minSec: 0, maxSec: 0, logMu: 0, logSigma: 0, scv: 1 };
  }
}

/** One draw from a distribution, in seconds (the request level does the same from its flat hop tables). */
export function drawSec(d: Dist, rng: RandomStream): number {
  if (d.kind === DIST_EXPONENTIAL) return rng.exponential(d.meanSec);
  if (d.kind === DIST_DETERMINISTIC) return d.meanSec;
  if (d.kind === DIST_UNIFORM) return d.minSec + (d.maxSec - d.minSec) * rng.next();
  return Math.exp(d.logMu + d.logSigma * rng.normal());
}

function uniformDist(minSec: number, maxSec: number): Dist {
  const mean = (minSec + maxSec) / 2;
  const variance = ((maxSec - minSec) * (maxSec - minSec)) / 12;
  return { kind: DIST_UNIFORM, meanSec: mean, minSec, maxSec, logMu: 0, logSigma: 0, scv: mean > 0 ? variance / (mean * mean) : 0 };
}

/** What a station does with a visit, beyond queueing for a server. */
export const ROLE_STATION = 0;
export const ROLE_RATE_LIMITER = 1;
export const ROLE_CACHE = 2;
/** Queue, stream, pub/sub: the user is answered once the message is accepted. */
export const ROLE_ASYNC = 3;
/** Stock counter: each visit reserves a unit; "sold out" answers and skips the rest of the path. */
export const ROLE_INVENTORY = 4;

export const POLICY_ROUND_ROBIN = 0;
export const POLICY_LEAST_CONNECTIONS = 1;
export const POLICY_RANDOM = 2;

export type Eviction = 'lru' | 'lfu' | 'fifo';

export interface CachePlan {
  capacityKeys: number;
  keyCount: number;
  zipfExponent: number;
  ttlSec: number;
  eviction: Eviction;
}

export interface AutoscalePlan {
  minInstances: number;
  maxInstances: number;
  /** What it scales on: waiting messages per instance, or the CPU's utilisation (the pool needs cpuCores). */
  on: 'queueDepth' | 'cpu';
  /** Waiting messages per instance it aims for (queueDepth). */
  targetQueuePerInstance: number;
  /** CPU utilisation it aims for, 0..1 (cpu). */
  targetCpu: number;
  warmupSec: number;
  checkEverySec: number;
}

export interface FaultPlan {
  fromSec: number;
  toSec: number;
  effect: 'slow' | 'fail' | 'errors';
  factor: number;
  errorRate: number;
}

export interface StationPlan {
  id: string;
  kind: ComponentKind;
  index: number;
  role: number;
  instances: number;
  /** Requests served at once per instance. */
  concurrency: number;
  /** Worker pools pull from one shared queue; others queue per instance. */
  sharedQueue: boolean;
  service: Dist;
  baseLatencySec: number;
  /** Waiting places per instance; Infinity when unbounded, 0 for a loss system. */
  maxQueuePerInstance: number;
  errorRate: number;
  costPerInstancePerMonth: number;
  /** For load balancers: how the next hop's instance is chosen. */
  balancing: number;
  cache: CachePlan | null;
  rateLimit: { ratePerSec: number; burst: number } | null;
  hotRows: number;
  replicationLagMs: number | null;
  /** For async roles. */
  maxDepth: number;
  maxAttempts: number;
  /** A message a consumer has held this long without finishing is delivered again (Infinity: never; request level only). */
  visibilityTimeoutSec: number;
  fanout: number;
  partitions: number;
  /** For a pool consuming a stream: at most one message per partition at once (Infinity otherwise). */
  consumerCap: number;
  autoscale: AutoscalePlan | null;
  /** Virtual queue (an async role): releases at most admitPerSec to the next hop; the rest wait, up to maxWaiting. */
  admission: { admitPerSec: number; maxWaiting: number } | null;
  inventory: StockParams | null;
  /**
   * A caller (app server, auth service, worker): a synchronous call it makes to the
   * hops after it keeps its thread until the call is answered, fails or times out.
   */
  holdsCaller: boolean;
  /**
   * A pooled store (Postgres, replica): the CPU behind its connections, per instance.
   * A query uses the CPU for shareOfService of its service time (the rest is I/O);
   * past the cores, more connections only wait for CPU.
   */
  cpu: { cores: number; shareOfService: number } | null;
  faults: FaultPlan[];
}

export interface HopPlan {
  station: number;
  service: Dist;
  locksRow: boolean;
  /** Hops skipped after a cache hit (the rest of the synchronous path by default). */
  skipOnHit: number;
  /** Instance choice at this hop: the policy of the load balancer just before, if any. */
  balancing: number;
  /** The hop's work is a side effect (a charge, an order row): a retry that repeats it duplicates it. */
  sideEffect: boolean;
}

export interface RetryPlan {
  policy: 'none' | 'fixed' | 'exponential';
  maxAttempts: number;
  baseDelaySec: number;
  maxDelaySec: number;
  jitter: boolean;
}

export interface WorkloadPlan {
  id: string;
  index: number;
  share: number;
  hops: HopPlan[];
  /** Index of the first hop that runs after the answer (hops.length when none). */
  asyncFrom: number;
  deadlineSec: number;
  timeoutSec: number;
  retry: RetryPlan;
  fallbackSec: number | null;
  /** Whether a fallback answer counts as up (degraded but acceptable). */
  fallbackAcceptable: boolean;
  /** Retries carry an idempotency key, so side effects are not repeated. */
  idempotencyKey: boolean;
  /** Background completions later than this are late (Infinity: no deadline). */
  backgroundDeadlineSec: number;
  /** Which part of the traffic its share is of: all of it, the baseline, or the surge above the baseline. */
  part: 'all' | 'baseline' | 'surge';
  priority: number;
}

export interface TrafficPlan {
  /** Requests per second at time t, before workload shares. */
  rateAt: (tSec: number) => number;
  /** The rate there all along (the shape's floor); the surge is rateAt(t) minus this. */
  baselineRatePerSec: number;
  peakRatePerSec: number;
  meanRatePerSec: number;
}

/** Workload w's user requests per second at time t: its share of its part of the traffic. */
export function workloadRateAt(traffic: TrafficPlan, w: WorkloadPlan, tSec: number): number {
  if (w.part === 'all') return w.share * traffic.rateAt(tSec);
  if (w.part === 'baseline') return w.share * Math.min(traffic.baselineRatePerSec, traffic.rateAt(tSec));
  return w.share * Math.max(0, traffic.rateAt(tSec) - traffic.baselineRatePerSec);
}

/** Workload w's highest rate over the run. */
export function workloadPeakRate(traffic: TrafficPlan, w: WorkloadPlan): number {
  if (w.part === 'all') return w.share * traffic.peakRatePerSec;
  if (w.part === 'baseline') return w.share * Math.min(traffic.baselineRatePerSec, traffic.peakRatePerSec);
  return w.share * Math.max(0, traffic.peakRatePerSec - traffic.baselineRatePerSec);
}

export interface Plan {
  name: string;
  stations: StationPlan[];
  workloads: WorkloadPlan[];
  traffic: TrafficPlan;
  durationSec: number;
  warmupSec: number;
  priorityLevels: number;
}
