/**
 * The one record a horizon run keeps: what it knows of the model (looked up
 * once), what each station carries from step to step (backlogs, refusals,
 * instances), what the current step measures (flows, service sums, the waits
 * every visit shares) and what it adds up for the results. Every step
 * function takes this record; arrays are indexed by station (s), workload (w)
 * or hop (i), and a few by station × workload (s * W + w) or station × station.
 */
import { bucketCount } from '../runControl';
import { DIST_DETERMINISTIC, DIST_UNIFORM, ROLE_ASYNC, ROLE_CACHE, ROLE_INVENTORY, type Dist, type Plan, type StationPlan, type WorkloadPlan } from '../plan';
import { predictedHitRatio } from '../theory/station';
import { AdmissionGates } from './admission';
import { InventoryStations } from './inventoryStations';
import { LatencyMixture } from './latencyModel';
import { backoffMean } from './retries';
import { stationTallies, workloadTallies, type StationTally, type WorkloadTally } from './totals';

/** Depth-first route branches kept at most per path (each cache or stock counter doubles them). */
export const MAX_ROUTES = 64;

/** What every visit to a station shares at a step; each hop adds its own service (routes.ts, hopLatency). */
export interface StationStep {
  /** Fixed delay: the network hop and the backlog ahead. */
  shift: number;
  /** Waiting for a server (Erlang C), its variance, and the slow-down a fault applies to service. */
  wait: number;
  waitVar: number;
  slow: number;
  /** Mean wait for a locked row (hops that lock one). */
  lockWait: number;
  async: boolean;
}

export interface HorizonState {
  readonly plan: Plan;
  readonly st: StationPlan[];
  readonly wl: WorkloadPlan[];
  readonly S: number;
  readonly W: number;
  /** Chart intervals, their length, steps per interval, the step's length and the number of steps. */
  readonly B: number;
  readonly bucketSec: number;
  readonly perBucket: number;
  readonly dt: number;
  readonly steps: number;

  // The step now: its midpoint, its chart interval, and whether it is past the warm-up.
  t: number;
  b: number;
  measuring: boolean;

  // Per station, carried from step to step.
  readonly backlog: Float64Array;
  readonly lockBacklog: Float64Array;
  /** Shares of visits refused and answered with an error at the latest step. */
  readonly reject: Float64Array;
  readonly errorP: Float64Array;
  readonly instances: Float64Array;
  /** Instances an autoscaler started, ready at `at`. */
  readonly pendingReady: { at: number; station: number }[];
  readonly lastCheck: Float64Array;
  /** Share of visits that skip hops: a cache's hits now, a stock counter's sold-out answers. */
  readonly hit: Float64Array;
  /** A cache's hit ratio while it answers; a failed cache answers nothing (every lookup a miss). */
  readonly cacheHit: Float64Array;
  readonly serverCap: Float64Array;
  /** 1 where an answer can skip the rest of a path: caches (hits) and stock counters (sold out). */
  readonly skips: Uint8Array;
  readonly gates: AdmissionGates;
  readonly stocks: InventoryStations;

  // Per workload, carried: the latest share of attempts that failed, and of background messages.
  readonly attemptFail: Float64Array;
  readonly messageFail: Float64Array;

  // Per workload and hop, fixed for the run.
  /** Share of each hop's service that is a fixed minimum. */
  readonly hopFixedShare: Float64Array[];
  /** Mean backoff before attempt k (index k; 0 unused). */
  readonly backoffMeans: Float64Array[];
  /** The station of the nearest caller before each hop that holds a thread for it (-1: none). */
  readonly callerOf: Int32Array[];
  /** Workloads with a caller that holds a thread while later hops run. */
  readonly holds: boolean[];
  /** Hops whose work is a side effect (a charge, an order row). */
  readonly effectHops: number[][];
  /**
   * Behind an admission gate, the admitted users wait again for the hops after it up to the next
   * hand-off (the reservation before the payment is queued): that segment's end (-1: no gate).
   */
  readonly admittedEnd: number[];

  // Per station, measured at this step.
  readonly lam: Float64Array;
  readonly lamLock: Float64Array;
  readonly serviceSum: Float64Array;
  readonly service2Sum: Float64Array;
  /** Σ flow × the time a holding caller waits on the hops after it, Σ flow × that², Σ flow × own service × it. */
  readonly heldSum: Float64Array;
  readonly held2Sum: Float64Array;
  readonly heldServiceSum: Float64Array;
  readonly lockServiceSum: Float64Array;
  /** The flow that arrives from a holding caller, and which callers feed each station (S × S). */
  readonly viaCaller: Float64Array;
  readonly feeds: Uint8Array;
  /** Hand-offs from a queue (row) to the stations consuming it (column), S × S. */
  readonly asyncInto: Float64Array;
  readonly depthNow: Float64Array;
  readonly stationStep: StationStep[];
  // Per station and workload (S × W): flow, Σ flow × that hop's own mean service (a login hashes, a page
  // view does not), flow of row-locking visits, and Σ flow × time held waiting on later calls.
  readonly flowBy: Float64Array;
  readonly serviceBy: Float64Array;
  readonly lockBy: Float64Array;
  readonly heldBy: Float64Array;

  // Per workload, measured at this step.
  readonly userRate: Float64Array;
  readonly attemptRate: Float64Array;
  readonly syncDone: Float64Array;
  readonly asyncStart: Float64Array;
  readonly asyncDone: Float64Array;
  readonly admittedNow: Float64Array;
  /** The hop a workload's flow waits at until the gates resolve (-1: none). */
  readonly pausedAt: Int32Array;
  /** Flow into each hop. */
  readonly flows: Float64Array[];
  /** How long a caller at each hop waits for the rest of its segment (0 where it holds nothing). */
  readonly heldFor: Float64Array[];
  readonly remaining: Float64Array[];
  /** Mean time from the attempt's start to the end of each hop's service (for timeouts). */
  readonly elapsed: Float64Array[];

  // Scratch reused at every step, so a long run does not allocate.
  readonly hopLat: { shift: number; mean: number; variance: number };
  readonly routeStack: Float64Array;
  readonly routes: LatencyMixture;
  readonly answers: LatencyMixture;
  readonly background: LatencyMixture;
  readonly pass: LatencyMixture;

  readonly workloadTally: WorkloadTally[];
  readonly stationTally: StationTally[];
}

/** Share of a service time that is a fixed minimum (uniform's lower end, all of a deterministic one). */
function fixedShare(d: Dist): number {
  if (d.kind === DIST_DETERMINISTIC) return 1;
  if (d.kind === DIST_UNIFORM && d.meanSec > 0) return d.minSec / d.meanSec;
  return 0;
}

function callersOf(st: StationPlan[], w: WorkloadPlan): Int32Array {
  const out = new Int32Array(w.hops.length).fill(-1);
  let caller = -1;
  w.hops.forEach((h, i) => {
    if (i === w.asyncFrom) caller = -1;
    out[i] = caller;
    if (st[h.station]!.holdsCaller) caller = h.station;
  });
  return out;
}

function admittedEndOf(st: StationPlan[], w: WorkloadPlan): number {
  const gate = w.asyncFrom - 1;
  if (gate < 0 || gate >= w.hops.length || !st[w.hops[gate]!.station]!.admission) return -1;
  for (let i = w.asyncFrom; i < w.hops.length; i++) if (st[w.hops[i]!.station]!.role === ROLE_ASYNC) return i + 1;
  return w.hops.length;
}

export function createState(plan: Plan, seed: number): HorizonState {
  const st = plan.stations;
  const wl = plan.workloads;
  const S = st.length;
  const W = wl.length;
  const B = bucketCount(plan.durationSec);
  const bucketSec = plan.durationSec / B;
  const perBucket = Math.max(1, Math.min(4, Math.floor(bucketSec)));
  const dt = bucketSec / perBucket;
  const hit = Float64Array.from(st, (s) => (s.cache ? (predictedHitRatio(s) ?? 0) : 0));
  const perHop = (): Float64Array[] => wl.map((w) => new Float64Array(w.hops.length + 1));
  return {
    plan,
    st,
    wl,
    S,
    W,
    B,
    bucketSec,
    perBucket,
    dt,
    steps: B * perBucket,
    t: 0,
    b: 0,
    measuring: false,

    backlog: new Float64Array(S),
    lockBacklog: new Float64Array(S),
    reject: new Float64Array(S),
    errorP: new Float64Array(S),
    instances: Float64Array.from(st, (s) => s.instances),
    pendingReady: [],
    lastCheck: new Float64Array(S),
    hit,
    cacheHit: Float64Array.from(hit),
    serverCap: Float64Array.from(st, (s) => s.consumerCap),
    skips: Uint8Array.from(st, (s) => (s.role === ROLE_CACHE || s.role === ROLE_INVENTORY ? 1 : 0)),
    gates: new AdmissionGates(plan),
    stocks: new InventoryStations(plan, seed),

    attemptFail: new Float64Array(W),
    messageFail: new Float64Array(W),

    hopFixedShare: wl.map((w) => Float64Array.from(w.hops, (h) => fixedShare(h.service))),
    backoffMeans: wl.map((w) => Float64Array.from({ length: Math.max(1, w.retry.maxAttempts) + 1 }, (_, k) => (k > 0 ? backoffMean(w.retry, k) : 0))),
    callerOf: wl.map((w) => callersOf(st, w)),
    holds: wl.map((w) => w.hops.some((h, i) => st[h.station]!.holdsCaller && i + 1 < w.hops.length && i + 1 !== w.asyncFrom)),
    effectHops: wl.map((w) => w.hops.flatMap((h, i) => (h.sideEffect ? [i] : []))),
    admittedEnd: wl.map((w) => admittedEndOf(st, w)),

    lam: new Float64Array(S),
    lamLock: new Float64Array(S),
    serviceSum: new Float64Array(S),
    service2Sum: new Float64Array(S),
    heldSum: new Float64Array(S),
    held2Sum: new Float64Array(S),
    heldServiceSum: new Float64Array(S),
    lockServiceSum: new Float64Array(S),
    viaCaller: new Float64Array(S),
    feeds: new Uint8Array(S * S),
    asyncInto: new Float64Array(S * S),
    depthNow: new Float64Array(S),
    stationStep: st.map((x) => ({ shift: x.baseLatencySec, wait: 0, waitVar: 0, slow: 1, lockWait: 0, async: x.role === ROLE_ASYNC })),
    flowBy: new Float64Array(S * W),
    serviceBy: new Float64Array(S * W),
    lockBy: new Float64Array(S * W),
    heldBy: new Float64Array(S * W),

    userRate: new Float64Array(W),
    attemptRate: new Float64Array(W),
    syncDone: new Float64Array(W),
    asyncStart: new Float64Array(W),
    asyncDone: new Float64Array(W),
    admittedNow: new Float64Array(W),
    pausedAt: new Int32Array(W).fill(-1),
    flows: perHop(),
    heldFor: wl.map((w) => new Float64Array(w.hops.length)),
    remaining: perHop(),
    elapsed: perHop(),

    hopLat: { shift: 0, mean: 0, variance: 0 },
    routeStack: new Float64Array(5 * (2 * MAX_ROUTES + 200)),
    routes: new LatencyMixture(),
    answers: new LatencyMixture(),
    background: new LatencyMixture(),
    pass: new LatencyMixture(),

    workloadTally: workloadTallies(plan, B),
    stationTally: stationTallies(plan, B),
  };
}

/** Starts step n: its time, and no flow measured yet. */
export function startStep(state: HorizonState, n: number): void {
  state.t = (n + 0.5) * state.dt;
  state.b = Math.floor(n / state.perBucket);
  state.measuring = state.t >= state.plan.warmupSec;
  state.lam.fill(0);
  state.lamLock.fill(0);
  state.serviceSum.fill(0);
  state.service2Sum.fill(0);
  state.heldSum.fill(0);
  state.viaCaller.fill(0);
  state.feeds.fill(0);
  state.held2Sum.fill(0);
  state.heldServiceSum.fill(0);
  state.lockServiceSum.fill(0);
  state.flowBy.fill(0);
  state.serviceBy.fill(0);
  state.lockBy.fill(0);
  state.heldBy.fill(0);
  state.asyncInto.fill(0);
  state.syncDone.fill(0);
  state.asyncStart.fill(0);
  state.asyncDone.fill(0);
  state.gates.reset();
  state.stocks.reset();
  state.admittedNow.fill(0);
}
