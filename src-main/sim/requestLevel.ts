/**
 * Level 1: request-level discrete-event simulation. Every user request is
 * followed through the components of its workload's path: it waits for a
 * server, is served, may hit a cache, fail, time out, be retried, or hand a
 * message to a queue for the background.
 *
 * Everything lives in typed arrays indexed by small integers (requests, jobs,
 * stations, queues), so the event loop allocates nothing per event.
 * A "request" is what the user sent; a "job" is one attempt at it, or one
 * background message. Timeouts and retries are events that carry the attempt
 * id they belong to, and are ignored if that attempt is already over.
 *
 * A caller (server, auth, worker pool: StationPlan.holdsCaller) keeps its
 * server after its own service while the job goes on through the rest of its
 * segment (up to the answer, a queue's hand-off, or a message's path end),
 * until the job finishes, fails, or its attempt times out (request/holds.ts).
 * A pooled store with a CPU (StationPlan.cpu) stretches each query's service
 * by max(1, n · share / cores), n the queries in service on its instance.
 * Side effects (HOP_EFFECT hops, and a queue's hand-off of a message that
 * will do those behind it) are marked per request and per message: one done
 * again by another attempt (a timed-out one included: the server carried
 * on) or a later delivery is a duplicate. A finished request whose timed-out
 * attempts still run keeps its slot until they end (rOrphans).
 *
 * This file is the event loop and its handlers. Beside it, in request/:
 * events.ts (event kinds, outcomes), jobs.ts (the packed job record),
 * holds.ts (the servers callers keep), hops.ts (flattened paths),
 * workloads.ts (workload parameters, retry delays), stations.ts (station parameters, queues), faults.ts,
 * stationAreas.ts (time integrals) and results.ts (the RawRun at the end).
 * Constants from those modules are copied into module-local consts: under
 * tsx (the bench, the CLI, the tests) an imported binding is a getter call
 * on each read, which tripled the run time when read per event.
 */
import { doubles, doublesFrom, grownDoubles, grownIntegers, integers, integersFrom } from './engine/arrays';
import { CacheStore } from './engine/cacheStore';
import { EventQueue } from './engine/eventQueue';
import { RandomStream } from './engine/rng';
import { ZipfKeys } from './engine/zipf';
import { LIMITS } from './fields';
import { LogHistogram, SampleBuffer } from './metrics';
import { TokenBucket } from './models/rateLimiter';
import { collectResults } from './request/results';
import { StationAreas } from './request/stationAreas';
import * as areaConstants from './request/stationAreas';
import * as planConstants from './plan';
import * as events from './request/events';
import { failing, faultErrorRate, slowFactor } from './faults';
import { bucketCount, type RunControl } from './runControl';
import { HeldServers } from './request/holds';
import * as hopsModule from './request/hops';
import { hopTable } from './request/hops';
import * as jobs from './request/jobs';
import { stationTable } from './request/stations';
import { retryDelay, workloadParams, type WorkloadParams } from './request/workloads';
import * as workloadsModule from './request/workloads';
import { workloadRateAt, type Plan, type StationPlan } from './plan';
import type { RawRun } from './raw';

// Module-local copies: imported bindings cost a lookup on every access in some loaders.
const EV_ARRIVAL = events.EV_ARRIVAL;
const EV_AUTOSCALE = events.EV_AUTOSCALE;
const EV_FALLBACK = events.EV_FALLBACK;
const EV_HOP_READY = events.EV_HOP_READY;
const EV_INSTANCE_READY = events.EV_INSTANCE_READY;
const EV_RETRY = events.EV_RETRY;
const EV_SERVICE_DONE = events.EV_SERVICE_DONE;
const EV_TIMEOUT = events.EV_TIMEOUT;
const EV_WARMUP_END = events.EV_WARMUP_END;
const LOOP_CANCELLED = events.LOOP_CANCELLED;
const LOOP_DONE = events.LOOP_DONE;
const LOOP_TRUNCATED = events.LOOP_TRUNCATED;
const NONE = events.NONE;
const OUTCOME_ERROR = events.OUTCOME_ERROR;
const OUTCOME_FALLBACK = events.OUTCOME_FALLBACK;
const OUTCOME_SUCCESS = events.OUTCOME_SUCCESS;
const OUTCOME_TIMEOUT = events.OUTCOME_TIMEOUT;
const J_ATTEMPT_ID = jobs.J_ATTEMPT_ID;
const J_FILL_HOP = jobs.J_FILL_HOP;
const J_FILL_KEY = jobs.J_FILL_KEY;
const J_FILL_STATION = jobs.J_FILL_STATION;
const J_FROM_QUEUE = jobs.J_FROM_QUEUE;
const J_GH = jobs.J_GH;
const J_HELD = jobs.J_HELD;
const J_EFFECTS = jobs.J_EFFECTS;
const J_HOP = jobs.J_HOP;
const J_NEXT = jobs.J_NEXT;
const J_QUEUE = jobs.J_QUEUE;
const J_REQ = jobs.J_REQ;
const J_RETRY_HOP = jobs.J_RETRY_HOP;
const J_ROW = jobs.J_ROW;
const J_TRIES = jobs.J_TRIES;
const J_WORKLOAD = jobs.J_WORKLOAD;
const JF_ARRIVE = jobs.JF_ARRIVE;
const JF_MSG_START = jobs.JF_MSG_START;
const JF_START = jobs.JF_START;
const JOB_FLOAT_SHIFT = jobs.JOB_FLOAT_SHIFT;
const JOB_INT_SHIFT = jobs.JOB_INT_SHIFT;
const RETRY_NONE = workloadsModule.RETRY_NONE;
const HOP_HOLDS = hopsModule.HOP_HOLDS;
const HOP_CPU = hopsModule.HOP_CPU;
const HOP_EFFECT = hopsModule.HOP_EFFECT;
const LV_SHIFT = areaConstants.LV_SHIFT;
const LV_BUSY = areaConstants.LV_BUSY;
const LV_QUEUED = areaConstants.LV_QUEUED;
const LV_CAPACITY = areaConstants.LV_CAPACITY;
const LV_INSTANCES = areaConstants.LV_INSTANCES;
const DIST_EXPONENTIAL = planConstants.DIST_EXPONENTIAL;
const DIST_DETERMINISTIC = planConstants.DIST_DETERMINISTIC;
const DIST_UNIFORM = planConstants.DIST_UNIFORM;
const POLICY_LEAST_CONNECTIONS = planConstants.POLICY_LEAST_CONNECTIONS;
const POLICY_RANDOM = planConstants.POLICY_RANDOM;
const ROLE_ASYNC = planConstants.ROLE_ASYNC;
const ROLE_CACHE = planConstants.ROLE_CACHE;
const ROLE_RATE_LIMITER = planConstants.ROLE_RATE_LIMITER;

export type RequestLevelOutcome = { cancelled: false; raw: RawRun } | { cancelled: true; fraction: number };

/**
 * The job and request arrays of the last run that ended, lent to the next
 * one. A run that overloads its system keeps thousands of requests in flight,
 * and growing these arrays from nothing again each run was most of the time
 * of a short one (fresh memory is slow to touch). Every field a run reads is
 * written first, so stale contents do not matter, except rLive (cleared).
 */
interface SpareArrays {
  ji: number[];
  jf: number[];
  jFree: number[];
  rWorkload: number[];
  rAttempts: number[];
  rAttemptId: number[];
  rJob: number[];
  rLive: number[];
  rStart: number[];
  rFree: number[];
  rEffects: number[];
  rOrphans: number[];
}
let spare: SpareArrays | null = null;
/** Larger arrays are not kept between runs (memory). */
const SPARE_MAX_JOBS = 1 << 16;

export function runRequestLevel(plan: Plan, seed: number, control: RunControl = {}): RequestLevelOutcome {
  return new RequestLevelRun(plan, seed, control).run();
}

export class RequestLevelRun {
  private readonly q = new EventQueue(256);
  now = 0;
  events = 0;
  private declare measuring: boolean;
  private curBucket = 0;
  private declare nextBucketAt: number;

  declare readonly nS: number;
  declare readonly nW: number;
  declare readonly nP: number;
  declare readonly B: number;
  declare readonly bucketSec: number;
  declare readonly durationSec: number;
  declare readonly warmupSec: number;

  // Hops of all workloads, flattened: workload w owns [wHopStart[w], wHopStart[w] + wHopCount[w]).
  declare readonly hopStation: number[];
  declare readonly hopSkip: number[];
  declare readonly hopLocks: number[];
  declare readonly hopBalancing: number[];
  declare readonly hopDist: number[];
  declare readonly hopMean: number[];
  declare readonly hopMin: number[];
  declare readonly hopMax: number[];
  declare readonly hopLogMu: number[];
  declare readonly hopLogSigma: number[];
  /** HOP_HOLDS | HOP_CPU | HOP_EFFECT per hop (0 for most: the common path reads only this). */
  declare readonly hopFlags: number[];
  /** Per hop with HOP_EFFECT, the side-effect bits its service completes (HopTable.effects). */
  declare readonly hopEffects: number[];
  /** Per workload, 1 when its side effects may be repeated (effect hops, no idempotency key). */
  declare readonly wRepeats: number[];
  declare readonly wHopStart: number[];
  declare readonly wHopCount: number[];
  declare readonly wSyncEnd: number[];
  /** Per hop, its station's base latency (the delay before the job reaches it). */
  declare readonly hopLatency: number[];

  // Workload parameters.
  declare readonly wPeakRate: number[];
  declare readonly wSteady: number[];
  declare readonly wTimeout: number[];
  declare readonly wDeadline: number[];
  declare readonly wMaxAttempts: number[];
  declare readonly wRetry: number[];
  declare readonly wFallback: number[];
  declare readonly wPriority: number[];
  /** Background completions later than this (s) after the message's birth are late (Infinity: no deadline). */
  declare readonly wBackgroundDeadline: number[];
  declare readonly wp: WorkloadParams;

  // Station parameters and state.
  declare readonly st: StationPlan[];
  declare readonly stRole: number[];
  declare readonly stBaseLatency: number[];
  declare readonly stErrorRate: number[];
  declare readonly stMaxQueue: number[];
  declare readonly stMaxDepth: number[];
  declare readonly stQueueBase: number[];
  declare readonly stQueueCount: number[];
  declare readonly stPending: number[];
  declare readonly stServerCap: number[];
  declare readonly stHasFaults: number[];
  declare readonly stRoundRobin: number[];
  /** 1 where a station may turn a job away on arrival (faults, a rate limit, a bounded depth): the rare case, in its own method. */
  declare readonly stGated: number[];
  /** Per hop, 1 where the end of its service may fail (its station's error rate or faults) or does side effects: the rare case, in its own method. */
  declare readonly hopChecked: number[];
  /** Busy, queued, capacity and instances per station, beside their last update (see StationAreas). */
  declare readonly lv: number[];
  /** For stations with a CPU: cores (0 for other stations) and CPU share of a request's service, per instance. */
  declare readonly stCpuCores: number[];
  declare readonly stCpuShare: number[];
  /** cores / share: queries in service that the cores run at full speed. */
  declare readonly stCpuFull: number[];
  /** Per queue of a station with a CPU: requests its cores run at full speed (cores / share, times the instances behind a shared queue). */
  declare readonly qCpuFull: number[];
  /** Σ over instances of min(queries in service, cores / share), its last change and its integral over the measured window. */
  declare readonly stCpuLevel: number[];
  declare readonly stCpuLast: number[];
  declare readonly stCpuArea: number[];
  /** The same integral per series interval (s · B + b), and the interval of the last change. */
  declare readonly stCpuSeries: number[];
  declare readonly stCpuBucket: number[];
  /** Server-seconds callers held their threads at each station while their calls went on (holds that ended in the measured window). */
  declare readonly stHeldSec: number[];

  // Per-queue state (a station has one queue per instance, or one shared).
  declare readonly qBusy: number[];
  /** Requests in service per queue of a station with a CPU (not those waiting for a row lock or holding while their call goes on). */
  declare readonly qInService: number[];
  declare readonly qServers: number[];
  declare readonly qLen: number[];
  declare readonly qHead: number[];
  declare readonly qTail: number[];

  // Time-integrated station measures, per series interval and over the measured window.
  declare readonly areas: StationAreas;
  declare readonly bHits: number[];
  declare readonly bLookups: number[];
  declare readonly stPeakQueue: number[];
  declare readonly stArrivals: number[];
  declare readonly stDepartures: number[];
  declare readonly stRejected: number[];
  declare readonly stErrors: number[];
  declare readonly stHits: number[];
  declare readonly stLookups: number[];
  declare readonly stDead: number[];
  declare readonly stSojournSum: number[];
  declare readonly stWaitSum: number[];
  declare readonly stWork: number[];
  declare readonly stSojournHist: LogHistogram[];

  // Random streams: one per source of randomness, named, so they are independent.
  declare readonly rngArrival: RandomStream[];
  declare readonly rngRetry: RandomStream[];
  declare readonly rngService: RandomStream[];
  declare readonly rngRoute: RandomStream[];
  declare readonly rngError: RandomStream[];
  declare readonly rngKey: RandomStream[];
  declare readonly rngRow: RandomStream[];

  declare readonly caches: (CacheStore | null)[];
  declare readonly zipf: (ZipfKeys | null)[];
  declare readonly buckets: (TokenBucket | null)[];
  declare readonly rowOwner: number[][];
  declare readonly rowHead: number[][];
  declare readonly rowTail: number[][];

  // Jobs (attempts and background messages).
  private jCap = 0;
  private jFreeTop = 0;
  private jFree: number[] = integers(0);
  /** Per job, 16 integers (J_*) and 4 numbers (JF_*), side by side. */
  private ji: number[] = integers(0);
  private jf: number[] = doubles(0);
  /** Servers kept by callers while their calls go on (each job's list starts at its J_HELD). */
  private readonly held = new HeldServers(64);

  // User requests.
  rCap = 0;
  private rFreeTop = 0;
  private rFree: number[] = integers(0);
  rWorkload: number[] = integers(0);
  private rAttempts: number[] = integers(0);
  private rAttemptId: number[] = integers(0);
  /** The job of the request's current attempt (valid while rAttemptId is not 0). */
  private rJob: number[] = integers(0);
  rLive: number[] = integers(0);
  rStart: number[] = doubles(0);
  /** Per request of a workload whose effects may repeat: the side-effect bits (HopTable.effects) any of its attempts has done. */
  private rEffects: number[] = integers(0);
  /**
   * Per request of such a workload: its attempts that timed out and whose jobs still go on (their
   * effects are the request's too). A finished request's slot is freed once this falls to 0; it is 0
   * for every free slot.
   */
  private rOrphans: number[] = integers(0);
  private attemptSeq = 0;

  // Workload measures.
  declare readonly bAnswered: number[];
  declare readonly bFinished: number[];
  declare readonly bErrors: number[];
  declare readonly bTimeouts: number[];
  declare readonly bLate: number[];
  declare readonly bAttempts: number[];
  declare readonly latAll: SampleBuffer[];
  declare readonly latMeasured: SampleBuffer[];
  declare readonly latBucketStart: number[];
  declare readonly latCurBucket: number[];
  declare readonly wUser: number[];
  declare readonly wAttempts: number[];
  declare readonly wSuccess: number[];
  declare readonly wFallbacks: number[];
  declare readonly wErrors: number[];
  declare readonly wTimeouts: number[];
  declare readonly wLate: number[];
  declare readonly wAsyncDone: number[];
  declare readonly wAsyncSum: number[];
  declare readonly wDead: number[];
  /** Background messages done later than their workload's background deadline (born in the measured window). */
  declare readonly wAsyncLate: number[];
  /** Side effects done again (a retried attempt or a redelivered message repeating one), for requests and messages born in the measured window. */
  declare readonly wDuplicates: number[];

  readonly warnings: string[] = [];

  constructor(
    readonly plan: Plan,
    seed: number,
    private readonly control: RunControl,
  ) {
    const S = (this.nS = plan.stations.length);
    const W = (this.nW = plan.workloads.length);
    const P = (this.nP = Math.max(1, plan.priorityLevels));
    this.durationSec = plan.durationSec;
    this.warmupSec = plan.warmupSec;
    this.measuring = plan.warmupSec <= 0;
    const B = (this.B = bucketCount(plan.durationSec));
    this.bucketSec = plan.durationSec / B;
    this.nextBucketAt = this.bucketSec;

    const hops = hopTable(plan);
    this.hopStation = hops.station;
    this.hopSkip = hops.skip;
    this.hopLocks = hops.locks;
    this.hopBalancing = hops.balancing;
    this.hopDist = hops.dist;
    this.hopMean = hops.mean;
    this.hopMin = hops.min;
    this.hopMax = hops.max;
    this.hopLogMu = hops.logMu;
    this.hopLogSigma = hops.logSigma;
    this.hopFlags = hops.flags;
    this.hopEffects = hops.effects;
    this.wRepeats = hops.repeats;
    this.wHopStart = hops.start;
    this.wHopCount = hops.count;
    this.wSyncEnd = hops.syncEnd;

    const wp = (this.wp = workloadParams(plan));
    this.wPeakRate = wp.peakRate;
    this.wSteady = wp.steady;
    this.wTimeout = wp.timeout;
    this.wDeadline = wp.deadline;
    this.wRetry = wp.retry;
    this.wMaxAttempts = wp.maxAttempts;
    this.wFallback = wp.fallback;
    this.wPriority = wp.priority;
    this.wBackgroundDeadline = doublesFrom(plan.workloads, (w) => w.backgroundDeadlineSec);

    const st = (this.st = plan.stations);
    const stations = stationTable(plan, P);
    this.stServerCap = stations.serverCap;
    this.stRole = stations.role;
    this.stBaseLatency = stations.baseLatency;
    this.stErrorRate = stations.errorRate;
    this.stMaxQueue = stations.maxQueue;
    this.stMaxDepth = stations.maxDepth;
    this.stQueueCount = stations.queueCount;
    this.stQueueBase = stations.queueBase;
    this.stPending = stations.pending;
    this.stHasFaults = stations.hasFaults;
    this.stRoundRobin = stations.roundRobin;
    this.qBusy = stations.qBusy;
    this.qInService = stations.qInService;
    this.stCpuCores = stations.cpuCores;
    this.stCpuShare = stations.cpuShare;
    this.stCpuFull = stations.cpuFull;
    this.stCpuLevel = doubles(S);
    this.stCpuLast = doubles(S);
    this.stCpuArea = doubles(S);
    this.stCpuSeries = doubles(S * B);
    this.stCpuBucket = integers(S);
    this.stHeldSec = doubles(S);
    this.qServers = stations.qServers;
    this.qLen = stations.qLen;
    this.qHead = stations.qHead;
    this.qTail = stations.qTail;
    this.hopLatency = doublesFrom(this.hopStation, (s) => this.stBaseLatency[s]!);
    this.stGated = integersFrom(st, (p, s) => (this.stHasFaults[s] === 1 || p.role === ROLE_RATE_LIMITER || p.role === ROLE_ASYNC ? 1 : 0));
    this.hopChecked = integersFrom(this.hopStation, (s, gh) => (this.stErrorRate[s]! > 0 || this.stHasFaults[s] === 1 || (this.hopFlags[gh]! & HOP_EFFECT) !== 0 ? 1 : 0));

    this.areas = new StationAreas(stations.capacity, stations.instances, B, this.bucketSec);
    this.lv = this.areas.level;
    this.qCpuFull = doubles(this.qBusy.length);
    for (let s = 0; s < S; s++) {
      for (let k = 0; k < this.stQueueCount[s]!; k++) this.qCpuFull[this.stQueueBase[s]! + k] = this.stCpuFull[s]! * this.cpuInstances(s);
    }
    this.bHits = doubles(S * B);
    this.bLookups = doubles(S * B);
    this.stPeakQueue = doubles(S);
    this.stArrivals = doubles(S);
    this.stDepartures = doubles(S);
    this.stRejected = doubles(S);
    this.stErrors = doubles(S);
    this.stHits = doubles(S);
    this.stLookups = doubles(S);
    this.stDead = doubles(S);
    this.stSojournSum = doubles(S);
    this.stWaitSum = doubles(S);
    this.stWork = doubles(S * W);
    this.stSojournHist = st.map(() => new LogHistogram());

    this.rngArrival = plan.workloads.map((w) => new RandomStream(seed, `arrivals:${w.id}`));
    this.rngRetry = plan.workloads.map((w) => new RandomStream(seed, `retry:${w.id}`));
    this.rngService = st.map((s) => new RandomStream(seed, `service:${s.id}`));
    this.rngRoute = st.map((s) => new RandomStream(seed, `route:${s.id}`));
    this.rngError = st.map((s) => new RandomStream(seed, `errors:${s.id}`));
    this.rngKey = st.map((s) => new RandomStream(seed, `keys:${s.id}`));
    this.rngRow = st.map((s) => new RandomStream(seed, `rows:${s.id}`));
    this.caches = st.map((s) => (s.cache ? new CacheStore(s.cache.capacityKeys, s.cache.keyCount, s.cache.eviction, s.cache.ttlSec) : null));
    this.zipf = st.map((s) => (s.cache ? new ZipfKeys(s.cache.keyCount, s.cache.zipfExponent) : null));
    this.buckets = st.map((s) => (s.rateLimit ? new TokenBucket(s.rateLimit.ratePerSec, s.rateLimit.burst) : null));
    this.rowOwner = st.map((s) => integers(s.hotRows, NONE));
    this.rowHead = st.map((s) => integers(s.hotRows, NONE));
    this.rowTail = st.map((s) => integers(s.hotRows, NONE));

    // Both grow as needed; a few dozen are in flight at a time in most runs.
    if (spare !== null) this.borrowSpare(spare);
    this.growJobs(256);
    this.growRequests(256);

    this.bAnswered = doubles(W * B);
    this.bFinished = doubles(W * B);
    this.bErrors = doubles(W * B);
    this.bTimeouts = doubles(W * B);
    this.bLate = doubles(W * B);
    this.bAttempts = doubles(W * B);
    this.latAll = plan.workloads.map(() => new SampleBuffer(4096));
    this.latMeasured = plan.workloads.map(() => (plan.warmupSec > 0 ? new SampleBuffer(4096) : new SampleBuffer(1)));
    this.latBucketStart = integers(W * (B + 1));
    this.latCurBucket = integers(W);
    this.wUser = doubles(W);
    this.wAttempts = doubles(W);
    this.wSuccess = doubles(W);
    this.wFallbacks = doubles(W);
    this.wErrors = doubles(W);
    this.wTimeouts = doubles(W);
    this.wLate = doubles(W);
    this.wAsyncDone = doubles(W);
    this.wAsyncSum = doubles(W);
    this.wDead = doubles(W);
    this.wAsyncLate = doubles(W);
    this.wDuplicates = doubles(W);
  }

  run(): RequestLevelOutcome {
    const q = this.q;
    const duration = this.durationSec;
    for (let w = 0; w < this.nW; w++) {
      if (this.wPeakRate[w]! > 0) q.schedule(this.rngArrival[w]!.exponential(1 / this.wPeakRate[w]!), EV_ARRIVAL, w, 0);
    }
    if (this.warmupSec > 0) q.schedule(this.warmupSec, EV_WARMUP_END, 0, 0);
    for (let s = 0; s < this.nS; s++) {
      const a = this.st[s]!.autoscale;
      if (a) q.schedule(a.checkEverySec, EV_AUTOSCALE, s, 0);
    }
    const end = this.loop();
    if (end === LOOP_CANCELLED) {
      this.lendSpare();
      return { cancelled: true, fraction: this.now / duration };
    }
    if (end === LOOP_TRUNCATED) {
      this.warnings.push(`stopped at ${Math.round(this.now)} s: a request-level run may process at most ${LIMITS.maxRequestLevelEvents.toLocaleString('en-US')} events`);
    } else this.now = duration;
    this.curBucket = this.B - 1;
    for (let s = 0; s < this.nS; s++) {
      this.touch(s);
      if (this.stCpuCores[s]! > 0) this.touchCpu(s);
    }
    if (this.control.onProgress) this.control.onProgress(1);
    const raw = this.collect();
    this.lendSpare();
    return { cancelled: false, raw };
  }

  private borrowSpare(s: SpareArrays): void {
    spare = null;
    this.ji = s.ji;
    this.jf = s.jf;
    this.jFree = s.jFree;
    this.rWorkload = s.rWorkload;
    this.rAttempts = s.rAttempts;
    this.rAttemptId = s.rAttemptId;
    this.rJob = s.rJob;
    this.rLive = s.rLive;
    this.rLive.fill(0);
    this.rStart = s.rStart;
    this.rFree = s.rFree;
    this.rEffects = s.rEffects;
    this.rOrphans = s.rOrphans;
    // A cancelled run may leave requests waiting for their timed-out attempts.
    this.rOrphans.fill(0);
  }

  private lendSpare(): void {
    if (this.jCap > SPARE_MAX_JOBS || this.rCap > SPARE_MAX_JOBS) return;
    const { ji, jf, jFree, rWorkload, rAttempts, rAttemptId, rJob, rLive, rStart, rFree, rEffects, rOrphans } = this;
    spare = { ji, jf, jFree, rWorkload, rAttempts, rAttemptId, rJob, rLive, rStart, rFree, rEffects, rOrphans };
  }

  /**
   * The event loop, alone in its method: the engine optimises it as a whole,
   * instead of replacing a half-run method mid-loop (and throwing that code
   * away at the end of every run, where it meets code it has not seen run).
   */
  private loop(): number {
    const q = this.q;
    const duration = this.durationSec;
    const { onProgress, shouldStop } = this.control;
    let reported = 0;
    while (q.pop()) {
      const t = q.now;
      if (t > duration) break;
      this.now = t;
      if (t >= this.nextBucketAt) {
        this.curBucket = Math.min(this.B - 1, Math.floor(t / this.bucketSec));
        this.nextBucketAt = (this.curBucket + 1) * this.bucketSec;
      }
      // The three kinds nearly every event is, most frequent first; the rest in a method of their own.
      const kind = q.kind;
      if (kind === EV_SERVICE_DONE) this.onServiceDone(q.argA);
      else if (kind === EV_HOP_READY) this.arriveAtStation(q.argA);
      else if (kind === EV_ARRIVAL) this.onArrival(q.argA);
      else this.onRareEvent(kind, q.argA, q.argB);
      if ((++this.events & 0x3fff) === 0) {
        if (shouldStop && shouldStop()) return LOOP_CANCELLED;
        if (onProgress && t / duration - reported >= 0.02) {
          reported = t / duration;
          onProgress(reported);
        }
        if (this.events >= LIMITS.maxRequestLevelEvents) return LOOP_TRUNCATED;
      }
    }
    return LOOP_DONE;
  }

  private onRareEvent(kind: number, a: number, b: number): void {
    switch (kind) {
      case EV_TIMEOUT:
        this.onTimeout(a, b);
        break;
      case EV_RETRY:
        this.startAttempt(a);
        break;
      case EV_AUTOSCALE:
        this.onAutoscale(a);
        break;
      case EV_INSTANCE_READY:
        this.onInstanceReady(a);
        break;
      case EV_WARMUP_END:
        this.onWarmupEnd();
        break;
      case EV_FALLBACK:
        this.finishRequest(a, OUTCOME_FALLBACK);
        break;
    }
  }

  private onInstanceReady(s: number): void {
    this.stPending[s]!--;
    this.setInstances(s, Math.min(this.lv[(s << LV_SHIFT) + LV_INSTANCES]! + 1, this.st[s]!.autoscale!.maxInstances));
  }

  // ---- arrivals, attempts and outcomes -------------------------------------------------

  private onArrival(w: number): void {
    const t = this.now;
    const rng = this.rngArrival[w]!;
    const peak = this.wPeakRate[w]!;
    const next = t + rng.exponential(1 / peak);
    if (next <= this.durationSec) this.q.schedule(next, EV_ARRIVAL, w, 0);
    // Thinning: candidates come at the peak rate; keep each with probability rate(t) / peak.
    if (this.wSteady[w] === 0 && this.thinnedOut(w, t, rng.next() * peak)) return;
    const req = this.allocRequest();
    this.rWorkload[req] = w;
    this.rStart[req] = t;
    this.rAttempts[req] = 0;
    this.rLive[req] = 1;
    this.rEffects[req] = 0;
    if (t >= this.warmupSec) this.wUser[w]!++;
    this.startAttempt(req);
  }

  /** Thinning: candidates come at the peak rate; keep each with probability rate(t) / peak. */
  private thinnedOut(w: number, t: number, draw: number): boolean {
    return draw >= workloadRateAt(this.plan.traffic, this.plan.workloads[w]!, t);
  }

  private startAttempt(req: number): void {
    const w = this.rWorkload[req]!;
    this.rAttempts[req]!++;
    const id = ++this.attemptSeq;
    this.rAttemptId[req] = id;
    const job = this.allocJob();
    this.ji[(job << JOB_INT_SHIFT) + J_REQ] = req;
    this.ji[(job << JOB_INT_SHIFT) + J_WORKLOAD] = w;
    this.ji[(job << JOB_INT_SHIFT) + J_ATTEMPT_ID] = id;
    this.rJob[req] = job;
    this.jf[(job << JOB_FLOAT_SHIFT) + JF_MSG_START] = this.now;
    this.bAttempts[w * this.B + this.curBucket]!++;
    if (this.rStart[req]! >= this.warmupSec) this.wAttempts[w]!++;
    const timeout = this.wTimeout[w]!;
    if (timeout !== Infinity) this.q.schedule(this.now + timeout, EV_TIMEOUT, req, id);
    this.enterHop(job, 0);
  }

  private onTimeout(req: number, attemptId: number): void {
    if (this.rAttemptId[req] !== attemptId) return;
    // The attempt's job carries on (its work is wasted) but nobody waits for it now:
    // the callers it held free their threads, and it holds none from here on.
    this.rAttemptId[req] = 0;
    const job = this.rJob[req]!;
    if (this.ji[(job << JOB_INT_SHIFT) + J_HELD] !== NONE) this.releaseHeld(job);
    // Its effects from here on are still the request's: the request waits for the job before its slot is reused.
    if (this.wRepeats[this.rWorkload[req]!] === 1) this.rOrphans[req]!++;
    this.attemptFailed(req, OUTCOME_TIMEOUT);
  }

  private attemptFailed(req: number, outcome: number): void {
    const w = this.rWorkload[req]!;
    const attempts = this.rAttempts[req]!;
    if (this.wRetry[w] !== RETRY_NONE && attempts < this.wMaxAttempts[w]!) {
      this.q.schedule(this.now + retryDelay(this.wp, w, attempts, this.rngRetry[w]!), EV_RETRY, req, 0);
    } else if (this.wFallback[w]! >= 0) {
      this.q.schedule(this.now + this.wFallback[w]!, EV_FALLBACK, req, 0);
    } else {
      this.finishRequest(req, outcome);
    }
  }

  private finishRequest(req: number, outcome: number): void {
    const w = this.rWorkload[req]!;
    const start = this.rStart[req]!;
    const latency = this.now - start;
    const measured = start >= this.warmupSec;
    const bi = w * this.B + this.curBucket;
    this.bFinished[bi]!++;
    if (outcome === OUTCOME_ERROR) {
      this.bErrors[bi]!++;
      if (measured) this.wErrors[w]!++;
    } else if (outcome === OUTCOME_TIMEOUT) {
      this.bTimeouts[bi]!++;
      if (measured) this.wTimeouts[w]!++;
    } else {
      this.bAnswered[bi]!++;
      this.recordLatency(w, latency, measured);
      if (latency > this.wDeadline[w]!) {
        this.bLate[bi]!++;
        if (measured) this.wLate[w]!++;
      } else if (measured) {
        if (outcome === OUTCOME_FALLBACK) this.wFallbacks[w]!++;
        else this.wSuccess[w]!++;
      }
    }
    this.rLive[req] = 0;
    this.rAttemptId[req] = 0;
    if (this.rOrphans[req] === 0) this.rFree[this.rFreeTop++] = req;
  }

  /** A timed-out attempt's job of workload w is over: its request, if finished and waiting for no other, is free. */
  private orphanEnded(req: number, w: number): void {
    if (this.wRepeats[w] === 1 && --this.rOrphans[req]! === 0 && this.rLive[req] === 0) this.rFree[this.rFreeTop++] = req;
  }

  private recordLatency(w: number, latency: number, measured: boolean): void {
    const b = this.curBucket;
    const all = this.latAll[w]!;
    let cur = this.latCurBucket[w]!;
    if (cur < b) {
      const base = w * (this.B + 1);
      while (cur < b) this.latBucketStart[base + ++cur] = all.length;
      this.latCurBucket[w] = b;
    }
    all.push(latency);
    if (measured && this.warmupSec > 0) this.latMeasured[w]!.push(latency);
  }

  // ---- moving a job through its path ---------------------------------------------------

  private enterHop(job: number, hop: number): void {
    const o = job << JOB_INT_SHIFT;
    const ji = this.ji;
    const gh = this.wHopStart[ji[o + J_WORKLOAD]!]! + hop;
    ji[o + J_HOP] = hop;
    ji[o + J_GH] = gh;
    const latency = this.hopLatency[gh]!;
    if (latency > 0) this.q.schedule(this.now + latency, EV_HOP_READY, job, 0);
    else this.arriveAtStation(job);
  }

  private arriveAtStation(job: number): void {
    const gh = this.ji[(job << JOB_INT_SHIFT) + J_GH]!;
    const s = this.hopStation[gh]!;
    this.jf[(job << JOB_FLOAT_SHIFT) + JF_ARRIVE] = this.now;
    if (this.measuring) this.stArrivals[s]!++;
    if (this.stGated[s] === 1 && this.turnedAway(job, s)) return;
    const n = this.stQueueCount[s]!;
    let g = this.stQueueBase[s]!;
    if (n > 1) g += this.pickInstance(s, g, n, this.hopBalancing[gh]!);
    if (this.qBusy[g]! < this.qServers[g]!) {
      this.touch(s);
      this.qBusy[g]!++;
      this.lv[(s << LV_SHIFT) + LV_BUSY]!++;
      this.startService(job, g, s, gh);
    } else this.waitOrReject(job, g, s);
  }

  /** A station with faults, a rate limit or a bounded depth: fails the job (and says so) if it turns it away. */
  private turnedAway(job: number, s: number): boolean {
    if (this.stHasFaults[s] === 1 && failing(this.st[s]!.faults, this.now)) {
      this.stErrors[s]!++;
      if (this.stRole[s] === ROLE_CACHE) this.cacheDown(job, s);
      else this.fail(job, OUTCOME_ERROR);
      return true;
    }
    const role = this.stRole[s]!;
    if ((role === ROLE_RATE_LIMITER && !this.buckets[s]!.tryTake(this.now)) || (role === ROLE_ASYNC && this.lv[(s << LV_SHIFT) + LV_QUEUED]! >= this.stMaxDepth[s]!)) {
      this.stRejected[s]!++;
      this.fail(job, OUTCOME_ERROR);
      return true;
    }
    return false;
  }

  /** Every server of queue g is busy: the job waits, or is rejected if the queue is full. */
  private waitOrReject(job: number, g: number, s: number): void {
    if (this.qLen[g]! >= this.stMaxQueue[s]!) {
      this.stRejected[s]!++;
      this.fail(job, OUTCOME_ERROR);
      return;
    }
    this.touch(s);
    this.enqueue(g, job, this.wPriority[this.ji[(job << JOB_INT_SHIFT) + J_WORKLOAD]!]!);
    this.qLen[g]!++;
    const queued = ++this.lv[(s << LV_SHIFT) + LV_QUEUED]!;
    if (this.measuring && queued > this.stPeakQueue[s]!) this.stPeakQueue[s] = queued;
  }

  private pickInstance(s: number, base: number, n: number, policy: number): number {
    if (policy === POLICY_LEAST_CONNECTIONS) {
      let best = 0;
      let load = Infinity;
      for (let i = 0; i < n; i++) {
        const l = this.qBusy[base + i]! + this.qLen[base + i]!;
        if (l < load) {
          load = l;
          best = i;
        }
      }
      return best;
    }
    if (policy === POLICY_RANDOM) return this.rngRoute[s]!.below(n);
    const i = this.stRoundRobin[s]!;
    this.stRoundRobin[s] = i + 1 === n ? 0 : i + 1;
    return i;
  }

  private startService(job: number, g: number, s: number, gh: number): void {
    const o = job << JOB_INT_SHIFT;
    this.ji[o + J_QUEUE] = g;
    this.jf[(job << JOB_FLOAT_SHIFT) + JF_START] = this.now;
    const fromQueue = this.ji[o + J_FROM_QUEUE]!;
    if (fromQueue !== NONE) this.leaveQueue(job, fromQueue);
    if (this.hopLocks[gh] === 1 && !this.lockRow(job, s)) return;
    this.scheduleServiceDone(job, s, gh);
  }

  /** The transaction holds its connection while it waits for the row: true if it has the row now, false if it waits. */
  private lockRow(job: number, s: number): boolean {
    const row = this.rngRow[s]!.below(this.rowOwner[s]!.length);
    this.ji[(job << JOB_INT_SHIFT) + J_ROW] = row;
    if (this.rowOwner[s]![row] !== NONE) {
      const tail = this.rowTail[s]![row]!;
      this.ji[(job << JOB_INT_SHIFT) + J_NEXT] = NONE;
      if (tail === NONE) this.rowHead[s]![row] = job;
      else this.ji[(tail << JOB_INT_SHIFT) + J_NEXT] = job;
      this.rowTail[s]![row] = job;
      return false;
    }
    this.rowOwner[s]![row] = job;
    return true;
  }

  private scheduleServiceDone(job: number, s: number, gh: number): void {
    const kind = this.hopDist[gh]!;
    let d = kind === DIST_EXPONENTIAL ? this.rngService[s]!.exponential(this.hopMean[gh]!) : this.otherServiceTime(kind, s, gh);
    if (this.stHasFaults[s] === 1) d *= slowFactor(this.st[s]!.faults, this.now);
    if ((this.hopFlags[gh]! & HOP_CPU) !== 0) d *= this.cpuStretch(job, s);
    this.q.schedule(this.now + d, EV_SERVICE_DONE, job, 0);
  }

  /** A service time that is not exponential. */
  private otherServiceTime(kind: number, s: number, gh: number): number {
    const rng = this.rngService[s]!;
    if (kind === DIST_DETERMINISTIC) return this.hopMean[gh]!;
    if (kind === DIST_UNIFORM) return this.hopMin[gh]! + (this.hopMax[gh]! - this.hopMin[gh]!) * rng.next();
    return Math.exp(this.hopLogMu[gh]! + this.hopLogSigma[gh]! * rng.normal());
  }

  private onServiceDone(job: number): void {
    const o = job << JOB_INT_SHIFT;
    const ji = this.ji;
    const gh = ji[o + J_GH]!;
    const s = this.hopStation[gh]!;
    const g = ji[o + J_QUEUE]!;
    this.touch(s);
    const flags = this.hopFlags[gh]!;
    const keeps = flags !== 0 && this.serviceEnded(job, s, g, flags);
    if (ji[o + J_ROW] !== NONE) this.unlockRow(job, s);
    if (!keeps) {
      this.qBusy[g]!--;
      this.lv[(s << LV_SHIFT) + LV_BUSY]!--;
      if (this.qLen[g]! > 0 && this.qBusy[g]! < this.qServers[g]!) this.startNextWaiting(s, g);
    }
    // A caller that keeps its thread leaves the station when it lets go of it (releaseHeld).
    if (this.measuring && !keeps) this.recordDeparture(job, s);
    if (this.hopChecked[gh] === 1 && this.failedOrEffects(job, s, gh)) return;
    const role = this.stRole[s]!;
    if (role === ROLE_CACHE) this.afterCache(job, s, gh);
    else if (role === ROLE_ASYNC) this.afterAsync(job, s);
    else this.advance(job, ji[o + J_HOP]! + 1);
  }

  /**
   * The end of a service at a hop where the caller holds or the store shares
   * a CPU: the query leaves the CPU; a caller with more hops to go in its
   * segment (and someone still waiting for it) keeps its server. True if it keeps it.
   */
  private serviceEnded(job: number, s: number, g: number, flags: number): boolean {
    if ((flags & HOP_CPU) !== 0) this.leaveCpu(s, g);
    if ((flags & HOP_HOLDS) === 0) return false;
    const o = job << JOB_INT_SHIFT;
    // An attempt whose caller gave up (timed out) goes on unheld.
    const req = this.ji[o + J_REQ]!;
    if (req !== NONE && this.rAttemptId[req] !== this.ji[o + J_ATTEMPT_ID]) return false;
    const f = job << JOB_FLOAT_SHIFT;
    this.ji[o + J_HELD] = this.held.take(g, s, this.jf[f + JF_ARRIVE]!, this.jf[f + JF_START]!, this.now, this.ji[o + J_HELD]!);
    return true;
  }

  /**
   * The job's service at hop gh ended well, doing side effects (a sideEffect
   * hop, or a queue's hand-off of a message that will do those behind it).
   * Each done before for the same request (by any of its attempts, timed-out
   * ones included) or the same message (in an earlier delivery) is a duplicate.
   */
  private effectsDone(job: number, gh: number): void {
    const o = job << JOB_INT_SHIFT;
    const bits = this.hopEffects[gh]!;
    const req = this.ji[o + J_REQ]!;
    let again: number;
    let measured: boolean;
    if (req !== NONE) {
      const done = this.rEffects[req]!;
      again = done & bits;
      this.rEffects[req] = done | bits;
      measured = this.rStart[req]! >= this.warmupSec;
    } else {
      const done = this.ji[o + J_EFFECTS]!;
      again = done & bits;
      this.ji[o + J_EFFECTS] = done | bits;
      measured = this.jf[(job << JOB_FLOAT_SHIFT) + JF_MSG_START]! >= this.warmupSec;
    }
    if (again !== 0 && measured) {
      let n = 0;
      for (; again !== 0; again &= again - 1) n++;
      this.wDuplicates[this.ji[o + J_WORKLOAD]!]! += n;
    }
  }

  /** The job's call is over (answered, failed, handed to a queue, or its caller gave up): every server it kept is free again. */
  private releaseHeld(job: number): void {
    const o = job << JOB_INT_SHIFT;
    const held = this.held;
    let h = this.ji[o + J_HELD]!;
    this.ji[o + J_HELD] = NONE;
    const w = this.ji[o + J_WORKLOAD]!;
    while (h !== NONE) {
      const g = held.queue[h]!;
      const s = held.station[h]!;
      const next = held.next[h]!;
      this.touch(s);
      this.qBusy[g]!--;
      this.lv[(s << LV_SHIFT) + LV_BUSY]!--;
      // It leaves the station now: its stay there, and its work (time held is time this workload occupied the server), run to here.
      if (this.measuring) this.heldDeparture(s, w, held.arrive[h]!, held.start[h]!, held.since[h]!);
      held.give(h);
      if (this.qLen[g]! > 0 && this.qBusy[g]! < this.qServers[g]!) this.startNextWaiting(s, g);
      h = next;
    }
  }

  /**
   * A request starts service on a station with a CPU: its service stretches
   * by max(1, n · share / cores), n the requests in service on the same
   * cores with it (those waiting for a row lock, or holding a thread while
   * their call goes on, do not count).
   */
  private cpuStretch(job: number, s: number): number {
    const g = this.ji[(job << JOB_INT_SHIFT) + J_QUEUE]!;
    const n = ++this.qInService[g]!;
    const full = this.qCpuFull[g]!;
    if (n - 1 < full) {
      this.touchCpu(s);
      this.stCpuLevel[s]! += Math.min(n, full) - (n - 1);
    }
    // n · share / cores (of every instance behind the queue).
    return n > full ? n / full : 1;
  }

  private leaveCpu(s: number, g: number): void {
    const n = this.qInService[g]!--;
    const full = this.qCpuFull[g]!;
    if (n - 1 < full) {
      this.touchCpu(s);
      this.stCpuLevel[s]! -= Math.min(n, full) - (n - 1);
    }
  }

  /**
   * Instances whose cores one queue's requests share: all of them for a
   * shared queue (worker pools, autoscaled or not), else its own (a station
   * with one queue per instance and a single instance has one either way).
   */
  private cpuInstances(s: number): number {
    return this.stQueueCount[s] === 1 ? Math.max(1, this.lv[(s << LV_SHIFT) + LV_INSTANCES]!) : 1;
  }

  /** Adds the time since the CPU level of station s last changed to its integrals (per interval, and over the measured window). */
  private touchCpu(s: number): void {
    const now = this.now;
    const last = this.stCpuLast[s]!;
    const level = this.stCpuLevel[s]!;
    if (level > 0 && now > last) {
      if (this.measuring) this.stCpuArea[s]! += level * (now - last);
      const b = this.stCpuBucket[s]!;
      if (b === this.curBucket) this.stCpuSeries[s * this.B + b]! += level * (now - last);
      else this.cpuAcrossIntervals(s, b, last, level);
    }
    this.stCpuLast[s] = now;
    this.stCpuBucket[s] = this.curBucket;
  }

  /** The CPU level of station s from `from` (in interval b) to now, split at interval ends. */
  private cpuAcrossIntervals(s: number, b: number, from: number, level: number): void {
    const base = s * this.B;
    while (b < this.curBucket) {
      const end = (b + 1) * this.bucketSec;
      if (end > from) this.stCpuSeries[base + b]! += level * (end - from);
      from = end;
      b++;
    }
    if (this.now > from) this.stCpuSeries[base + b]! += level * (this.now - from);
  }

  private unlockRow(job: number, s: number): void {
    const o = (job << JOB_INT_SHIFT) + J_ROW;
    const row = this.ji[o]!;
    this.ji[o] = NONE;
    this.passRowLock(s, row);
  }

  /** A departure's measures over the measured window. */
  private recordDeparture(job: number, s: number): void {
    const f = job << JOB_FLOAT_SHIFT;
    const jf = this.jf;
    const now = this.now;
    const arrive = jf[f + JF_ARRIVE]!;
    const start = jf[f + JF_START]!;
    const sojourn = now - arrive;
    this.stDepartures[s]!++;
    this.stSojournSum[s]! += sojourn;
    this.stWaitSum[s]! += start - arrive;
    this.stSojournHist[s]!.add(sojourn);
    this.stWork[s * this.nW + this.ji[(job << JOB_INT_SHIFT) + J_WORKLOAD]!]! += now - start;
  }

  /** A departure's measures, for a caller that held its thread until now. */
  private heldDeparture(s: number, w: number, arrive: number, start: number, since: number): void {
    const sojourn = this.now - arrive;
    this.stHeldSec[s]! += this.now - since;
    this.stDepartures[s]!++;
    this.stSojournSum[s]! += sojourn;
    this.stWaitSum[s]! += start - arrive;
    this.stSojournHist[s]!.add(sojourn);
    this.stWork[s * this.nW + w]! += this.now - start;
  }

  /** The end of a service that may fail or does side effects: true if it failed (the job is failed), else its side effects are done. */
  private failedOrEffects(job: number, s: number, gh: number): boolean {
    if ((this.stErrorRate[s]! > 0 || this.stHasFaults[s] === 1) && this.serviceFailed(job, s)) return true;
    if ((this.hopFlags[gh]! & HOP_EFFECT) !== 0) this.effectsDone(job, gh);
    return false;
  }

  /** The service ends in an error (the station's rate, or a fault's): fails the job and returns true. */
  private serviceFailed(job: number, s: number): boolean {
    let errorRate = this.stErrorRate[s]!;
    if (this.stHasFaults[s] === 1) errorRate = faultErrorRate(this.st[s]!.faults, this.now, errorRate);
    if (errorRate > 0 && this.rngError[s]!.next() < errorRate) {
      if (this.measuring) this.stErrors[s]!++;
      this.fail(job, OUTCOME_ERROR);
      return true;
    }
    return false;
  }

  private afterCache(job: number, s: number, gh: number): void {
    const hop = this.ji[(job << JOB_INT_SHIFT) + J_HOP]!;
    const key = this.zipf[s]!.draw(this.rngKey[s]!);
    const bi = s * this.B + this.curBucket;
    this.bLookups[bi]!++;
    if (this.measuring) this.stLookups[s]!++;
    if (this.caches[s]!.lookup(key, this.now)) {
      this.bHits[bi]!++;
      if (this.measuring) this.stHits[s]!++;
      this.advance(job, hop + 1 + this.hopSkip[gh]!);
    } else {
      this.ji[(job << JOB_INT_SHIFT) + J_FILL_STATION] = s;
      this.ji[(job << JOB_INT_SHIFT) + J_FILL_KEY] = key;
      this.ji[(job << JOB_INT_SHIFT) + J_FILL_HOP] = hop + 1 + this.hopSkip[gh]!;
      this.advance(job, hop + 1);
    }
  }

  /** Cache-aside clients read the source when the cache does not answer: a miss that fills nothing. */
  private cacheDown(job: number, s: number): void {
    this.bLookups[s * this.B + this.curBucket]!++;
    if (this.measuring) this.stLookups[s]!++;
    this.advance(job, this.ji[(job << JOB_INT_SHIFT) + J_HOP]! + 1);
  }

  private afterAsync(job: number, s: number): void {
    this.spawnMessages(job, s, this.ji[(job << JOB_INT_SHIFT) + J_HOP]! + 1);
    this.finishJob(job);
  }

  private startNextWaiting(s: number, g: number): void {
    const next = this.dequeue(g);
    this.qLen[g]!--;
    this.lv[(s << LV_SHIFT) + LV_QUEUED]!--;
    this.qBusy[g]!++;
    this.lv[(s << LV_SHIFT) + LV_BUSY]!++;
    this.startService(next, g, s, this.ji[(next << JOB_INT_SHIFT) + J_GH]!);
  }

  private passRowLock(s: number, row: number): void {
    const next = this.rowHead[s]![row]!;
    if (next === NONE) {
      this.rowOwner[s]![row] = NONE;
      return;
    }
    const after = this.ji[(next << JOB_INT_SHIFT) + J_NEXT]!;
    this.rowHead[s]![row] = after;
    if (after === NONE) this.rowTail[s]![row] = NONE;
    this.rowOwner[s]![row] = next;
    this.scheduleServiceDone(next, s, this.ji[(next << JOB_INT_SHIFT) + J_GH]!);
  }

  private advance(job: number, hop: number): void {
    if (this.ji[(job << JOB_INT_SHIFT) + J_FILL_STATION] !== NONE && hop >= this.ji[(job << JOB_INT_SHIFT) + J_FILL_HOP]!) this.fillCache(job);
    const w = this.ji[(job << JOB_INT_SHIFT) + J_WORKLOAD]!;
    const end = this.ji[(job << JOB_INT_SHIFT) + J_REQ] !== NONE ? this.wSyncEnd[w]! : this.wHopCount[w]!;
    if (hop >= end) this.finishJob(job);
    else this.enterHop(job, hop);
  }

  private fillCache(job: number): void {
    this.caches[this.ji[(job << JOB_INT_SHIFT) + J_FILL_STATION]!]!.fill(this.ji[(job << JOB_INT_SHIFT) + J_FILL_KEY]!, this.now);
    this.ji[(job << JOB_INT_SHIFT) + J_FILL_STATION] = NONE;
  }

  /** Messages for the background part of the path, after a queue, stream or pub/sub. */
  private spawnMessages(job: number, s: number, hop: number): void {
    const w = this.ji[(job << JOB_INT_SHIFT) + J_WORKLOAD]!;
    if (hop >= this.wHopCount[w]!) return;
    const born = this.ji[(job << JOB_INT_SHIFT) + J_REQ] === NONE ? this.jf[(job << JOB_FLOAT_SHIFT) + JF_MSG_START]! : this.now;
    const fanout = this.st[s]!.fanout;
    for (let k = 0; k < fanout; k++) {
      const m = this.allocJob();
      this.ji[(m << JOB_INT_SHIFT) + J_REQ] = NONE;
      this.ji[(m << JOB_INT_SHIFT) + J_WORKLOAD] = w;
      this.jf[(m << JOB_FLOAT_SHIFT) + JF_MSG_START] = born;
      this.ji[(m << JOB_INT_SHIFT) + J_RETRY_HOP] = hop;
      this.ji[(m << JOB_INT_SHIFT) + J_TRIES] = 1;
      this.ji[(m << JOB_INT_SHIFT) + J_EFFECTS] = 0;
      this.joinQueue(m, s);
      this.enterHop(m, hop);
    }
  }

  private joinQueue(job: number, s: number): void {
    this.touch(s);
    this.ji[(job << JOB_INT_SHIFT) + J_FROM_QUEUE] = s;
    const depth = ++this.lv[(s << LV_SHIFT) + LV_QUEUED]!;
    if (this.measuring && depth > this.stPeakQueue[s]!) this.stPeakQueue[s] = depth;
  }

  private leaveQueue(job: number, s: number): void {
    this.touch(s);
    this.lv[(s << LV_SHIFT) + LV_QUEUED]!--;
    this.ji[(job << JOB_INT_SHIFT) + J_FROM_QUEUE] = NONE;
  }

  private finishJob(job: number): void {
    if (this.ji[(job << JOB_INT_SHIFT) + J_FILL_STATION] !== NONE) this.fillCache(job);
    if (this.ji[(job << JOB_INT_SHIFT) + J_HELD] !== NONE) this.releaseHeld(job);
    const req = this.ji[(job << JOB_INT_SHIFT) + J_REQ]!;
    if (req !== NONE) {
      if (this.rAttemptId[req] === this.ji[(job << JOB_INT_SHIFT) + J_ATTEMPT_ID]) this.finishRequest(req, OUTCOME_SUCCESS);
      else this.orphanEnded(req, this.ji[(job << JOB_INT_SHIFT) + J_WORKLOAD]!);
    } else this.messageDone(job);
    this.freeJob(job);
  }

  /** A background message is done: its time from birth (and whether it passed its workload's background deadline), if born in the measured window. */
  private messageDone(job: number): void {
    const born = this.jf[(job << JOB_FLOAT_SHIFT) + JF_MSG_START]!;
    if (born < this.warmupSec) return;
    const w = this.ji[(job << JOB_INT_SHIFT) + J_WORKLOAD]!;
    const took = this.now - born;
    this.wAsyncDone[w]!++;
    this.wAsyncSum[w]! += took;
    if (took > this.wBackgroundDeadline[w]!) this.wAsyncLate[w]!++;
  }

  private fail(job: number, outcome: number): void {
    const fromQueue = this.ji[(job << JOB_INT_SHIFT) + J_FROM_QUEUE]!;
    if (fromQueue !== NONE) this.leaveQueue(job, fromQueue);
    // Its callers get the failure and free their threads (a message's before it waits in its queue again).
    if (this.ji[(job << JOB_INT_SHIFT) + J_HELD] !== NONE) this.releaseHeld(job);
    this.ji[(job << JOB_INT_SHIFT) + J_FILL_STATION] = NONE;
    const req = this.ji[(job << JOB_INT_SHIFT) + J_REQ]!;
    if (req !== NONE) {
      if (this.rAttemptId[req] === this.ji[(job << JOB_INT_SHIFT) + J_ATTEMPT_ID]) {
        this.rAttemptId[req] = 0;
        this.attemptFailed(req, outcome);
      } else this.orphanEnded(req, this.ji[(job << JOB_INT_SHIFT) + J_WORKLOAD]!);
      this.freeJob(job);
      return;
    }
    // A background message goes back to its queue until it has used its attempts.
    const w = this.ji[(job << JOB_INT_SHIFT) + J_WORKLOAD]!;
    const retryHop = this.ji[(job << JOB_INT_SHIFT) + J_RETRY_HOP]!;
    const queueStation = this.hopStation[this.wHopStart[w]! + retryHop - 1]!;
    if (this.ji[(job << JOB_INT_SHIFT) + J_TRIES]! < this.st[queueStation]!.maxAttempts) {
      this.ji[(job << JOB_INT_SHIFT) + J_TRIES]!++;
      this.joinQueue(job, queueStation);
      this.enterHop(job, retryHop);
    } else {
      if (this.jf[(job << JOB_FLOAT_SHIFT) + JF_MSG_START]! >= this.warmupSec) {
        this.stDead[queueStation]!++;
        this.wDead[w]!++;
      }
      this.freeJob(job);
    }
  }

  // ---- queues ---------------------------------------------------------------------------

  private enqueue(g: number, job: number, priority: number): void {
    const i = g * this.nP + priority;
    this.ji[(job << JOB_INT_SHIFT) + J_NEXT] = NONE;
    const tail = this.qTail[i]!;
    if (tail === NONE) this.qHead[i] = job;
    else this.ji[(tail << JOB_INT_SHIFT) + J_NEXT] = job;
    this.qTail[i] = job;
  }

  private dequeue(g: number): number {
    const base = g * this.nP;
    for (let p = 0; p < this.nP; p++) {
      const head = this.qHead[base + p]!;
      if (head !== NONE) {
        const next = this.ji[(head << JOB_INT_SHIFT) + J_NEXT]!;
        this.qHead[base + p] = next;
        if (next === NONE) this.qTail[base + p] = NONE;
        return head;
      }
    }
    return NONE;
  }

  // ---- faults and autoscaling -----------------------------------------------------------

  private onAutoscale(s: number): void {
    const a = this.st[s]!.autoscale!;
    const concurrency = this.st[s]!.concurrency;
    // Enough instances for the work in hand plus the target backlog per instance.
    const lv = s << LV_SHIFT;
    const wanted = Math.ceil(this.lv[lv + LV_BUSY]! / concurrency + this.lv[lv + LV_QUEUED]! / a.targetQueuePerInstance);
    const desired = Math.min(a.maxInstances, Math.max(a.minInstances, wanted));
    const active = this.lv[lv + LV_INSTANCES]!;
    const pending = this.stPending[s]!;
    if (desired > active + pending) {
      for (let k = active + pending; k < desired; k++) this.q.schedule(this.now + a.warmupSec, EV_INSTANCE_READY, s, 0);
      this.stPending[s] = desired - active;
    } else if (desired < active && pending === 0) {
      this.setInstances(s, desired);
    }
    this.q.schedule(this.now + a.checkEverySec, EV_AUTOSCALE, s, 0);
  }

  private setInstances(s: number, n: number): void {
    this.touch(s);
    this.lv[(s << LV_SHIFT) + LV_INSTANCES] = n;
    const g = this.stQueueBase[s]!;
    const servers = Math.min(n * this.st[s]!.concurrency, this.stServerCap[s]!);
    this.qServers[g] = servers;
    this.lv[(s << LV_SHIFT) + LV_CAPACITY] = servers;
    if (this.stCpuCores[s]! > 0) {
      // The queue's requests now share the cores of n instances.
      this.touchCpu(s);
      this.qCpuFull[g] = this.stCpuFull[s]! * this.cpuInstances(s);
      this.stCpuLevel[s] = Math.min(this.qInService[g]!, this.qCpuFull[g]!);
    }
    while (this.qLen[g]! > 0 && this.qBusy[g]! < servers) this.startNextWaiting(s, g);
  }

  // ---- measuring ------------------------------------------------------------------------

  /** Adds the time since the station last changed to its integrals (per interval and total). */
  private touch(s: number): void {
    this.areas.update(s, this.now, this.curBucket, this.measuring);
  }

  private onWarmupEnd(): void {
    for (let s = 0; s < this.nS; s++) {
      this.touch(s);
      if (this.stCpuCores[s]! > 0) this.touchCpu(s);
    }
    this.measuring = true;
  }

  // ---- pools ----------------------------------------------------------------------------

  private allocJob(): number {
    if (this.jFreeTop === 0) this.growJobs(this.jCap * 2);
    const job = this.jFree[--this.jFreeTop]!;
    this.ji[(job << JOB_INT_SHIFT) + J_FILL_STATION] = NONE;
    this.ji[(job << JOB_INT_SHIFT) + J_FROM_QUEUE] = NONE;
    this.ji[(job << JOB_INT_SHIFT) + J_ROW] = NONE;
    this.ji[(job << JOB_INT_SHIFT) + J_HELD] = NONE;
    return job;
  }

  private freeJob(job: number): void {
    this.jFree[this.jFreeTop++] = job;
  }

  private growJobs(capacity: number): void {
    const old = this.jCap;
    grownIntegers(this.ji, capacity << JOB_INT_SHIFT);
    grownDoubles(this.jf, capacity << JOB_FLOAT_SHIFT);
    grownIntegers(this.jFree, capacity);
    // Push new slots so the lowest index comes out first.
    for (let j = capacity - 1; j >= old; j--) this.jFree[this.jFreeTop++] = j;
    this.jCap = capacity;
  }

  private allocRequest(): number {
    if (this.rFreeTop === 0) this.growRequests(this.rCap * 2);
    return this.rFree[--this.rFreeTop]!;
  }

  private growRequests(capacity: number): void {
    const old = this.rCap;
    grownIntegers(this.rWorkload, capacity);
    grownIntegers(this.rAttempts, capacity);
    grownIntegers(this.rAttemptId, capacity);
    grownIntegers(this.rJob, capacity);
    grownIntegers(this.rLive, capacity);
    grownDoubles(this.rStart, capacity);
    grownIntegers(this.rFree, capacity);
    grownIntegers(this.rEffects, capacity);
    grownIntegers(this.rOrphans, capacity);
    for (let r = capacity - 1; r >= old; r--) this.rFree[this.rFreeTop++] = r;
    this.rCap = capacity;
  }

  private collect(): RawRun {
    return collectResults(this);
  }
}
