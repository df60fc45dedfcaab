/**
 * Public types of the simulator. The model types are inferred from the zod
 * schema (schema.ts); the result types are plain data: numbers, strings,
 * arrays and plain objects only, so they survive JSON and structured clone.
 */
import type { z } from 'zod';
import type { StockFigures } from './inventory/stockCounter';
import type { ComponentKind } from './models/componentKind';
import type { modelSchema } from './schema';

export type { ServiceTimeSpec } from './fields';
export type { StockFigures } from './inventory/stockCounter';
export type { ComponentKind } from './models/componentKind';

export type Model = z.output<typeof modelSchema>;
export type ModelInput = z.input<typeof modelSchema>;
export type ComponentSpec = Model['components'][string];
export type WorkloadSpec = Model['workloads'][string];
export type TrafficSpec = Model['traffic'];
export type FaultSpec = NonNullable<Model['faults']>[number];

export type SimLevel = 'request' | 'horizon';

export interface SimOptions {
  seed: number;
  level?: SimLevel;
  /** Called with the fraction done, at most ~50 times per run. */
  onProgress?: (fraction: number) => void;
  /** Checked periodically; returning true ends the run with a cancelled outcome. */
  shouldStop?: () => boolean;
  /** A request-level run stops here, with a warning (default and most: LIMITS.maxRequestLevelEvents). */
  maxEvents?: number;
}

/** An analytical figure shown beside a simulated one. */
export interface TheoryFigure {
  /** e.g. "M/M/c (Erlang C)", "M/D/1 (Pollaczek-Khinchine)", "Erlang B", "Che's approximation (LRU)". */
  model: string;
  utilisation: number | null;
  meanWaitMs: number | null;
  meanSojournMs: number | null;
  p95SojournMs: number | null;
  probabilityOfWaiting: number | null;
  blockingProbability: number | null;
  cacheHitRatio: number | null;
  /** Why the formula may not hold exactly here (e.g. arrivals are not Poisson). */
  caveat: string | null;
}

export interface WorkloadSeries {
  /** Requests answered per second (successes, fallbacks and late answers). */
  throughputPerSec: number[];
  /** null where nothing was answered in the interval. */
  p50Ms: (number | null)[];
  p95Ms: (number | null)[];
  p99Ms: (number | null)[];
  /** Shares of the user requests that finished in the interval. */
  errorRate: number[];
  timeoutRate: number[];
  lateRate: number[];
  /** Attempts started per second, retries included: the offered load. */
  attemptsPerSec: number[];
}

export interface ComponentSeries {
  utilisation: number[];
  queueDepth: number[];
  connectionsInUse: number[];
  /** Hits / lookups (null where there were none); empty for components that are not caches. */
  cacheHitRatio: (number | null)[];
  instances: number[];
  /** Visits per second; horizon level only (empty at the request level). */
  arrivalsPerSec: number[];
}

export interface InventoryResult extends StockFigures {
  update: 'atomic' | 'readThenWrite';
  shards: number;
}

/** What happened to a workload's requests, counted the same way at both levels. */
export interface WorkloadCounts {
  userRequests: number;
  attempts: number;
  successes: number;
  fallbacks: number;
  errors: number;
  timeouts: number;
  late: number;
  /** Requests still in flight when the run ended. */
  unfinished: number;
}

/** What a workload's retries and background work did beyond the answers, counted at both levels. */
export interface WorkloadEffects {
  /** Background messages finished later than the workload's backgroundDeadlineMs. */
  asyncLate: number;
  /** Side effects done more than once because a retry without an idempotency key repeated them. */
  duplicates: number;
}

export interface WorkloadResult extends WorkloadCounts, WorkloadEffects {
  id: string;
  /** Whether its fallback answers count as up (the scenario accepts them as degraded answers). */
  fallbackAcceptable: boolean;
  /** Behind a virtual queue: p99 of an admitted user's wait for the hops up to the next hand-off, e.g. a reservation (null otherwise). */
  admittedP99Ms: number | null;
  throughputPerSec: number;
  offeredLoadPerSec: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Share answered successfully within the deadline, in % (fallbacks only when acceptable). */
  uptimePct: number;
  /** Messages handled off the request path (after a queue, stream or pub/sub). */
  asyncCompleted: number;
  asyncMeanMs: number;
  deadLettered: number;
  series: WorkloadSeries;
}

export interface ComponentResult {
  id: string;
  kind: ComponentKind;
  instances: number;
  servers: number;
  arrivals: number;
  arrivalRatePerSec: number;
  throughputPerSec: number;
  utilisation: number;
  peakUtilisation: number;
  queueDepth: number;
  peakQueueDepth: number;
  connectionsInUse: number;
  /** Mean time a visit spends here (waiting + service), network hop excluded. */
  meanSojournMs: number;
  meanWaitMs: number;
  p95SojournMs: number;
  /** Mean number here (waiting + in service): Little's L, measured. */
  meanInSystem: number;
  rejected: number;
  errors: number;
  cacheHitRatio: number | null;
  replicationLagMs: number | null;
  /** The mean share of its CPU in use, behind a pooled store's connections or an instance's threads (null where none is modelled). */
  cpuUtilisation: number | null;
  /** The same at its peak (windows of at least 5 minutes, as peakUtilisation). */
  peakCpuUtilisation: number | null;
  /** Of its busy server time, the share its threads spent waiting on the calls they made (null where not measured). */
  waitingOnCallsShare: number | null;
  deadLettered: number;
  costPerMonth: number;
  /** Stock figures for inventory components, null for other kinds. */
  inventory: InventoryResult | null;
  theory: TheoryFigure | null;
  series: ComponentSeries;
}

export interface CostLine {
  component: string;
  kind: ComponentKind;
  instances: number;
  costPerInstancePerMonth: number;
  costPerMonth: number;
}

export interface CostBreakdown {
  totalPerMonth: number;
  lines: CostLine[];
}

export interface Saturation {
  component: string;
  utilisation: number;
  /** What ran out: its servers (threads, connections) or the CPU behind them. */
  resource: 'servers' | 'cpu';
  queueDepth: number;
  /** The workload that put the most work on it, and its share of that work. */
  drivenBy: string | null;
  drivenByShare: number;
  /** Every workload that put work on it, largest share first. */
  drivers: { workload: string; share: number }[];
}

export interface Explanation {
  summary: string;
  saturated: Saturation[];
}

export interface SimResult {
  status: 'complete';
  level: SimLevel;
  seed: number;
  modelName: string;
  durationSec: number;
  warmupSec: number;
  /** Events processed (request level) or time steps computed (horizon). */
  steps: number;
  /** Start of each series interval, in seconds. */
  timeSec: number[];
  bucketSec: number;
  workloads: WorkloadResult[];
  components: ComponentResult[];
  totals: {
    userRequests: number;
    uptimePct: number;
    p95Ms: number;
    p99Ms: number;
    throughputPerSec: number;
    errorRatePct: number;
    costPerMonth: number;
  };
  cost: CostBreakdown;
  explanation: Explanation;
  warnings: string[];
}

export interface SimCancelled {
  status: 'cancelled';
  level: SimLevel;
  seed: number;
  /** How far the run got before it was stopped. */
  fraction: number;
}

export type SimOutcome = SimResult | SimCancelled;

export type ContractMetric =
  | 'uptimePct'
  | 'p95Ms'
  | 'p99Ms'
  | 'errorRatePct'
  | 'costPerMonth'
  | 'throughputPerSec'
  | 'utilisation'
  | 'queueDepth'
  | 'deadLettered'
  /** Units sold beyond the stock (inventory components; summed unless one is named). */
  | 'oversoldUnits'
  /** Units sold (inventory components; summed unless one is named). */
  | 'soldUnits';

export interface ContractTerm {
  /** Label shown to the learner; defaults to a description of the metric. */
  term?: string;
  metric: ContractMetric;
  /** Restrict to one workload (user-facing metrics) or one component. */
  workload?: string;
  component?: string;
  max?: number;
  min?: number;
}

export interface Contract {
  uptimePct?: number;
  p95Ms?: number;
  budgetPerMonth?: number;
  extra?: ContractTerm[];
}

export interface TermVerdict {
  term: string;
  target: number;
  /** "at least" or "at most" the target. */
  comparison: 'min' | 'max';
  measured: number;
  unit: string;
  pass: boolean;
  /** Why there is no figure, in words, when `measured` is not a number (a p99 of buyers when none was admitted). */
  unmeasured?: string;
}

export interface Verdict {
  pass: boolean;
  terms: TermVerdict[];
}
