/**
 * What a request-level run knows: the model's tables (hops, workloads,
 * stations) copied into flat arrays, the live levels, the counters and
 * integrals that become its results, the random streams, and the job and
 * request slots. Everything is an array indexed by small integers, so the
 * event loop allocates nothing per event.
 *
 * A "request" is what the user sent; a "job" is one attempt at it, or one
 * background message (its fields: jobs.ts). The behaviour is stacked on this
 * record one concern per file, each class extending the one before:
 * pools, cpu, measures, caches, stations, autoscaling, rowLocks, holds,
 * requests, retries, paths, and loop.ts at the top. A layer calls down
 * freely; the three calls that go up (a job fails, a job moves on after a
 * cache, a query takes its row lock) are abstract methods of the layer that
 * makes them. The fields live here (the results read them) except those of
 * caches, row locks and held callers, which live in their layers.
 */
import { doubles, doublesFrom, integers, integersFrom } from '../engine/arrays';
import { EventQueue } from '../engine/eventQueue';
import { RandomStream } from '../engine/rng';
import { LogHistogram, SampleBuffer } from '../metrics';
import { TokenBucket } from '../models/rateLimiter';
import { HOP_EFFECT, hopTable } from './hops';
import { StationAreas } from './stationAreas';
import { stationTable } from './stationTable';
import { workloadParams, type WorkloadParams } from './workloads';
import { bucketCount, type RunControl } from '../runControl';
import { ROLE_ASYNC, ROLE_RATE_LIMITER, type Plan, type StationPlan } from '../plan';

export abstract class RunState {
  protected readonly q = new EventQueue(256);
  now = 0;
  events = 0;
  protected declare measuring: boolean;
  protected curBucket = 0;
  protected declare nextBucketAt: number;

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

  declare readonly buckets: (TokenBucket | null)[];

  // Jobs (attempts and background messages).
  protected jCap = 0;
  protected jFreeTop = 0;
  protected jFree: number[] = integers(0);
  /** Per job, 16 integers (J_*) and 4 numbers (JF_*), side by side. */
  protected ji: number[] = integers(0);
  protected jf: number[] = doubles(0);

  // User requests.
  rCap = 0;
  protected rFreeTop = 0;
  protected rFree: number[] = integers(0);
  rWorkload: number[] = integers(0);
  protected rAttempts: number[] = integers(0);
  protected rAttemptId: number[] = integers(0);
  /** The job of the request's current attempt (valid while rAttemptId is not 0). */
  protected rJob: number[] = integers(0);
  rLive: number[] = integers(0);
  rStart: number[] = doubles(0);
  /** Per request of a workload whose effects may repeat: the side-effect bits (HopTable.effects) any of its attempts has done. */
  protected rEffects: number[] = integers(0);
  /**
   * Per request of such a workload: its attempts that timed out and whose jobs still go on (their
   * effects are the request's too). A finished request's slot is freed once this falls to 0; it is 0
   * for every free slot.
   */
  protected rOrphans: number[] = integers(0);
  protected attemptSeq = 0;

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
    protected readonly control: RunControl,
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
    this.buckets = st.map((s) => (s.rateLimit ? new TokenBucket(s.rateLimit.ratePerSec, s.rateLimit.burst) : null));

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
}
