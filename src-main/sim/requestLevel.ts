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
 */
import { CacheStore } from './engine/cacheStore';
import { EventQueue } from './engine/eventQueue';
import { RandomStream } from './engine/rng';
import { ZipfKeys } from './engine/zipf';
import { LIMITS } from './fields';
import { LogHistogram, SampleBuffer, summarise, summariseInPlace } from './metrics';
import { TokenBucket } from './models/rateLimiter';
import { AREA_BUSY, AREA_CAPACITY, AREA_INSTANCES, AREA_QUEUED, StationAreas } from './request/stationAreas';
import * as planConstants from './plan';
import type { Plan, StationPlan } from './plan';
import type { RawRun, RawStation, RawWorkload } from './raw';

// Module-local copies: imported bindings cost a lookup on every access in some loaders.
const DIST_EXPONENTIAL = planConstants.DIST_EXPONENTIAL;
const DIST_DETERMINISTIC = planConstants.DIST_DETERMINISTIC;
const DIST_UNIFORM = planConstants.DIST_UNIFORM;
const POLICY_LEAST_CONNECTIONS = planConstants.POLICY_LEAST_CONNECTIONS;
const POLICY_RANDOM = planConstants.POLICY_RANDOM;
const ROLE_ASYNC = planConstants.ROLE_ASYNC;
const ROLE_CACHE = planConstants.ROLE_CACHE;
const ROLE_RATE_LIMITER = planConstants.ROLE_RATE_LIMITER;

const EV_ARRIVAL = 0;
const EV_HOP_READY = 1;
const EV_SERVICE_DONE = 2;
const EV_TIMEOUT = 3;
const EV_RETRY = 4;
const EV_AUTOSCALE = 5;
const EV_INSTANCE_READY = 6;
const EV_WARMUP_END = 7;
const EV_FALLBACK = 8;

const OUTCOME_SUCCESS = 0;
const OUTCOME_ERROR = 1;
const OUTCOME_TIMEOUT = 2;
const OUTCOME_FALLBACK = 3;

const RETRY_NONE = 0;
const RETRY_EXPONENTIAL = 2;

const NONE = -1;

// Job record fields.
const J_REQ = 0;
const J_WORKLOAD = 1;
const J_HOP = 2;
const J_ATTEMPT_ID = 3;
const J_QUEUE = 4;
const J_NEXT = 5;
const J_ROW = 6;
const J_FILL_STATION = 7;
const J_FILL_KEY = 8;
const J_FILL_HOP = 9;
const J_FROM_QUEUE = 10;
const J_RETRY_HOP = 11;
const J_TRIES = 12;
const JF_ARRIVE = 0;
const JF_START = 1;
const JF_MSG_START = 2;

const LOOP_DONE = 0;
const LOOP_CANCELLED = 1;
const LOOP_TRUNCATED = 2;

export interface RunControl {
  onProgress?: ((fraction: number) => void) | undefined;
  shouldStop?: (() => boolean) | undefined;
}

export type RequestLevelOutcome = { cancelled: false; raw: RawRun } | { cancelled: true; fraction: number };

/** How many series intervals a run of this length gets (at most 600). */
export function bucketCount(durationSec: number): number {
  return Math.max(1, Math.min(600, Math.ceil(durationSec)));
}

export function runRequestLevel(plan: Plan, seed: number, control: RunControl = {}): RequestLevelOutcome {
  return new RequestLevelRun(plan, seed, control).run();
}

class RequestLevelRun {
  private readonly q = new EventQueue(4096);
  private now = 0;
  private events = 0;
  private declare measuring: boolean;
  private curBucket = 0;
  private declare nextBucketAt: number;

  private declare readonly nS: number;
  private declare readonly nW: number;
  private declare readonly nP: number;
  private declare readonly B: number;
  private declare readonly bucketSec: number;
  private declare readonly durationSec: number;
  private declare readonly warmupSec: number;

  // Hops of all workloads, flattened: workload w owns [wHopStart[w], wHopStart[w] + wHopCount[w]).
  private declare readonly hopStation: Int32Array;
  private declare readonly hopSkip: Int32Array;
  private declare readonly hopLocks: Uint8Array;
  private declare readonly hopBalancing: Int32Array;
  private declare readonly hopDist: Int32Array;
  private declare readonly hopMean: Float64Array;
  private declare readonly hopMin: Float64Array;
  private declare readonly hopMax: Float64Array;
  private declare readonly hopLogMu: Float64Array;
  private declare readonly hopLogSigma: Float64Array;
  private declare readonly wHopStart: Int32Array;
  private declare readonly wHopCount: Int32Array;
  private declare readonly wSyncEnd: Int32Array;

  // Workload parameters.
  private declare readonly wPeakRate: Float64Array;
  private declare readonly wSteady: Uint8Array;
  private declare readonly wTimeout: Float64Array;
  private declare readonly wDeadline: Float64Array;
  private declare readonly wMaxAttempts: Int32Array;
  private declare readonly wRetry: Int32Array;
  private declare readonly wRetryBase: Float64Array;
  private declare readonly wRetryMax: Float64Array;
  private declare readonly wJitter: Uint8Array;
  private declare readonly wFallback: Float64Array;
  private declare readonly wPriority: Int32Array;

  // Station parameters and state.
  private declare readonly st: StationPlan[];
  private declare readonly stRole: Int32Array;
  private declare readonly stBaseLatency: Float64Array;
  private declare readonly stErrorRate: Float64Array;
  private declare readonly stMaxQueue: Float64Array;
  private declare readonly stMaxDepth: Float64Array;
  private declare readonly stQueueBase: Int32Array;
  private declare readonly stQueueCount: Int32Array;
  private declare readonly stInstances: Int32Array;
  private declare readonly stPending: Int32Array;
  private declare readonly stServerCap: Float64Array;
  private declare readonly stHasFaults: Uint8Array;
  private declare readonly stRoundRobin: Int32Array;
  private declare readonly stBusy: Int32Array;
  private declare readonly stQueued: Int32Array;
  private declare readonly stCapacity: Float64Array;

  // Per-queue state (a station has one queue per instance, or one shared).
  private declare readonly qBusy: Int32Array;
  private declare readonly qServers: Float64Array;
  private declare readonly qLen: Int32Array;
  private declare readonly qHead: Int32Array;
  private declare readonly qTail: Int32Array;

  // Time-integrated station measures, per series interval and over the measured window.
  private declare readonly areas: StationAreas;
  private declare readonly bHits: Float64Array;
  private declare readonly bLookups: Float64Array;
  private declare readonly stPeakQueue: Float64Array;
  private declare readonly stArrivals: Float64Array;
  private declare readonly stDepartures: Float64Array;
  private declare readonly stRejected: Float64Array;
  private declare readonly stErrors: Float64Array;
  private declare readonly stHits: Float64Array;
  private declare readonly stLookups: Float64Array;
  private declare readonly stDead: Float64Array;
  private declare readonly stSojournSum: Float64Array;
  private declare readonly stWaitSum: Float64Array;
  private declare readonly stWork: Float64Array;
  private declare readonly stSojournHist: LogHistogram[];

  // Random streams: one per source of randomness, named, so they are independent.
  private declare readonly rngArrival: RandomStream[];
  private declare readonly rngRetry: RandomStream[];
  private declare readonly rngService: RandomStream[];
  private declare readonly rngRoute: RandomStream[];
  private declare readonly rngError: RandomStream[];
  private declare readonly rngKey: RandomStream[];
  private declare readonly rngRow: RandomStream[];

  private declare readonly caches: (CacheStore | null)[];
  private declare readonly zipf: (ZipfKeys | null)[];
  private declare readonly buckets: (TokenBucket | null)[];
  private declare readonly rowOwner: Int32Array[];
  private declare readonly rowHead: Int32Array[];
  private declare readonly rowTail: Int32Array[];

  // Jobs (attempts and background messages).
  private jCap = 0;
  private jFreeTop = 0;
  private jFree = new Int32Array(0);
  /** Per job, 16 integers (J_*) and 4 numbers (JF_*), side by side. */
  private ji = new Int32Array(0);
  private jf = new Float64Array(0);

  // User requests.
  private rCap = 0;
  private rFreeTop = 0;
  private rFree = new Int32Array(0);
  private rWorkload = new Int32Array(0);
  private rAttempts = new Int32Array(0);
  private rAttemptId = new Int32Array(0);
  private rLive = new Uint8Array(0);
  private rStart = new Float64Array(0);
  private attemptSeq = 0;

  // Workload measures.
  private declare readonly bAnswered: Float64Array;
  private declare readonly bFinished: Float64Array;
  private declare readonly bErrors: Float64Array;
  private declare readonly bTimeouts: Float64Array;
  private declare readonly bLate: Float64Array;
  private declare readonly bAttempts: Float64Array;
  private declare readonly latAll: SampleBuffer[];
  private declare readonly latMeasured: SampleBuffer[];
  private declare readonly latBucketStart: Int32Array;
  private declare readonly latCurBucket: Int32Array;
  private declare readonly wUser: Float64Array;
  private declare readonly wAttempts: Float64Array;
  private declare readonly wSuccess: Float64Array;
  private declare readonly wFallbacks: Float64Array;
  private declare readonly wErrors: Float64Array;
  private declare readonly wTimeouts: Float64Array;
  private declare readonly wLate: Float64Array;
  private declare readonly wAsyncDone: Float64Array;
  private declare readonly wAsyncSum: Float64Array;
  private declare readonly wDead: Float64Array;

  private readonly warnings: string[] = [];

  constructor(
    private readonly plan: Plan,
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

    const hops = plan.workloads.flatMap((w) => w.hops);
    const H = hops.length;
    this.hopStation = Int32Array.from(hops, (h) => h.station);
    this.hopSkip = Int32Array.from(hops, (h) => Math.min(h.skipOnHit, 1_000_000));
    this.hopLocks = Uint8Array.from(hops, (h) => (h.locksRow ? 1 : 0));
    this.hopBalancing = Int32Array.from(hops, (h) => h.balancing);
    this.hopDist = Int32Array.from(hops, (h) => h.service.kind);
    this.hopMean = Float64Array.from(hops, (h) => h.service.meanSec);
    this.hopMin = Float64Array.from(hops, (h) => h.service.minSec);
    this.hopMax = Float64Array.from(hops, (h) => h.service.maxSec);
    this.hopLogMu = Float64Array.from(hops, (h) => h.service.logMu);
    this.hopLogSigma = Float64Array.from(hops, (h) => h.service.logSigma);
    void H;
    this.wHopStart = new Int32Array(W);
    this.wHopCount = new Int32Array(W);
    this.wSyncEnd = new Int32Array(W);
    let offset = 0;
    plan.workloads.forEach((w, i) => {
      this.wHopStart[i] = offset;
      this.wHopCount[i] = w.hops.length;
      this.wSyncEnd[i] = w.asyncFrom;
      offset += w.hops.length;
    });

    const traffic = plan.traffic;
    const steadyTraffic = Math.abs(traffic.peakRatePerSec - traffic.meanRatePerSec) <= 1e-12 * traffic.peakRatePerSec;
    this.wPeakRate = Float64Array.from(plan.workloads, (w) => w.share * traffic.peakRatePerSec);
    this.wSteady = Uint8Array.from(plan.workloads, () => (steadyTraffic ? 1 : 0));
    this.wTimeout = Float64Array.from(plan.workloads, (w) => w.timeoutSec);
    this.wDeadline = Float64Array.from(plan.workloads, (w) => w.deadlineSec);
    this.wMaxAttempts = Int32Array.from(plan.workloads, (w) => w.retry.maxAttempts);
    this.wRetry = Int32Array.from(plan.workloads, (w) => (w.retry.policy === 'none' ? 0 : w.retry.policy === 'fixed' ? 1 : 2));
    this.wRetryBase = Float64Array.from(plan.workloads, (w) => w.retry.baseDelaySec);
    this.wRetryMax = Float64Array.from(plan.workloads, (w) => w.retry.maxDelaySec);
    this.wJitter = Uint8Array.from(plan.workloads, (w) => (w.retry.jitter ? 1 : 0));
    this.wFallback = Float64Array.from(plan.workloads, (w) => (w.fallbackSec === null ? -1 : w.fallbackSec));
    this.wPriority = Int32Array.from(plan.workloads, (w) => w.priority);

    const st = (this.st = plan.stations);
    const serverCap = Float64Array.from(st, (s) => s.consumerCap);
    this.stServerCap = serverCap;
    this.stRole = Int32Array.from(st, (s) => s.role);
    this.stBaseLatency = Float64Array.from(st, (s) => s.baseLatencySec);
    this.stErrorRate = Float64Array.from(st, (s) => s.errorRate);
    this.stMaxQueue = Float64Array.from(st, (s) => s.maxQueuePerInstance);
    this.stMaxDepth = Float64Array.from(st, (s) => s.maxDepth);
    this.stQueueCount = Int32Array.from(st, (s) => (s.sharedQueue ? 1 : s.instances));
    this.stQueueBase = new Int32Array(S);
    let G = 0;
    for (let s = 0; s < S; s++) {
      this.stQueueBase[s] = G;
      G += this.stQueueCount[s]!;
    }
    this.stInstances = Int32Array.from(st, (s) => s.instances);
    this.stPending = new Int32Array(S);
    this.stHasFaults = Uint8Array.from(st, (s) => (s.faults.length > 0 ? 1 : 0));
    this.stRoundRobin = new Int32Array(S);
    this.stBusy = new Int32Array(S);
    this.stQueued = new Int32Array(S);
    this.stCapacity = new Float64Array(S);
    this.qBusy = new Int32Array(G);
    this.qServers = new Float64Array(G);
    this.qLen = new Int32Array(G);
    this.qHead = new Int32Array(G * P).fill(NONE);
    this.qTail = new Int32Array(G * P).fill(NONE);
    for (let s = 0; s < S; s++) {
      const p = st[s]!;
      const servers = p.sharedQueue ? Math.min(p.instances * p.concurrency, serverCap[s]!) : p.concurrency;
      for (let i = 0; i < this.stQueueCount[s]!; i++) this.qServers[this.stQueueBase[s]! + i] = servers;
      this.stCapacity[s] = servers * this.stQueueCount[s]!;
    }

    this.areas = new StationAreas(S, B, this.bucketSec);
    this.bHits = new Float64Array(S * B);
    this.bLookups = new Float64Array(S * B);
    this.stPeakQueue = new Float64Array(S);
    this.stArrivals = new Float64Array(S);
    this.stDepartures = new Float64Array(S);
    this.stRejected = new Float64Array(S);
    this.stErrors = new Float64Array(S);
    this.stHits = new Float64Array(S);
    this.stLookups = new Float64Array(S);
    this.stDead = new Float64Array(S);
    this.stSojournSum = new Float64Array(S);
    this.stWaitSum = new Float64Array(S);
    this.stWork = new Float64Array(S * W);
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
    this.rowOwner = st.map((s) => new Int32Array(s.hotRows).fill(NONE));
    this.rowHead = st.map((s) => new Int32Array(s.hotRows).fill(NONE));
    this.rowTail = st.map((s) => new Int32Array(s.hotRows).fill(NONE));

    this.growJobs(1024);
    this.growRequests(1024);

    this.bAnswered = new Float64Array(W * B);
    this.bFinished = new Float64Array(W * B);
    this.bErrors = new Float64Array(W * B);
    this.bTimeouts = new Float64Array(W * B);
    this.bLate = new Float64Array(W * B);
    this.bAttempts = new Float64Array(W * B);
    this.latAll = plan.workloads.map(() => new SampleBuffer(4096));
    this.latMeasured = plan.workloads.map(() => (plan.warmupSec > 0 ? new SampleBuffer(4096) : new SampleBuffer(1)));
    this.latBucketStart = new Int32Array(W * (B + 1));
    this.latCurBucket = new Int32Array(W);
    this.wUser = new Float64Array(W);
    this.wAttempts = new Float64Array(W);
    this.wSuccess = new Float64Array(W);
    this.wFallbacks = new Float64Array(W);
    this.wErrors = new Float64Array(W);
    this.wTimeouts = new Float64Array(W);
    this.wLate = new Float64Array(W);
    this.wAsyncDone = new Float64Array(W);
    this.wAsyncSum = new Float64Array(W);
    this.wDead = new Float64Array(W);
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
    if (end === LOOP_CANCELLED) return { cancelled: true, fraction: this.now / duration };
    if (end === LOOP_TRUNCATED) {
      this.warnings.push(`stopped at ${Math.round(this.now)} s: a request-level run may process at most ${LIMITS.maxRequestLevelEvents.toLocaleString('en-US')} events`);
    } else this.now = duration;
    this.curBucket = this.B - 1;
    for (let s = 0; s < this.nS; s++) this.touch(s);
    if (this.control.onProgress) this.control.onProgress(1);
    return { cancelled: false, raw: this.collect() };
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
      switch (q.kind) {
        case EV_ARRIVAL:
          this.onArrival(q.argA);
          break;
        case EV_HOP_READY:
          this.arriveAtStation(q.argA);
          break;
        case EV_SERVICE_DONE:
          this.onServiceDone(q.argA);
          break;
        case EV_TIMEOUT:
          this.onTimeout(q.argA, q.argB);
          break;
        case EV_RETRY:
          this.startAttempt(q.argA);
          break;
        case EV_AUTOSCALE:
          this.onAutoscale(q.argA);
          break;
        case EV_INSTANCE_READY:
          this.onInstanceReady(q.argA);
          break;
        case EV_WARMUP_END:
          this.onWarmupEnd();
          break;
        case EV_FALLBACK:
          this.finishRequest(q.argA, OUTCOME_FALLBACK);
          break;
      }
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

  private onInstanceReady(s: number): void {
    this.stPending[s]!--;
    this.setInstances(s, Math.min(this.stInstances[s]! + 1, this.st[s]!.autoscale!.maxInstances));
  }

  // ---- arrivals, attempts and outcomes -------------------------------------------------

  private onArrival(w: number): void {
    const t = this.now;
    const rng = this.rngArrival[w]!;
    const peak = this.wPeakRate[w]!;
    const next = t + rng.exponential(1 / peak);
    if (next <= this.durationSec) this.q.schedule(next, EV_ARRIVAL, w, 0);
    // Thinning: candidates come at the peak rate; keep each with probability rate(t) / peak.
    if (this.wSteady[w] === 0 && rng.next() * peak >= this.plan.workloads[w]!.share * this.plan.traffic.rateAt(t)) return;
    const req = this.allocRequest();
    this.rWorkload[req] = w;
    this.rStart[req] = t;
    this.rAttempts[req] = 0;
    this.rLive[req] = 1;
    if (t >= this.warmupSec) this.wUser[w]!++;
    this.startAttempt(req);
  }

  private startAttempt(req: number): void {
    const w = this.rWorkload[req]!;
    this.rAttempts[req]!++;
    const id = ++this.attemptSeq;
    this.rAttemptId[req] = id;
    const job = this.allocJob();
    this.ji[(job << 4) + J_REQ] = req;
    this.ji[(job << 4) + J_WORKLOAD] = w;
    this.ji[(job << 4) + J_ATTEMPT_ID] = id;
    this.jf[(job << 2) + JF_MSG_START] = this.now;
    this.bAttempts[w * this.B + this.curBucket]!++;
    if (this.rStart[req]! >= this.warmupSec) this.wAttempts[w]!++;
    const timeout = this.wTimeout[w]!;
    if (timeout !== Infinity) this.q.schedule(this.now + timeout, EV_TIMEOUT, req, id);
    this.enterHop(job, 0);
  }

  private onTimeout(req: number, attemptId: number): void {
    if (this.rAttemptId[req] !== attemptId) return;
    // The attempt's job carries on (its work is wasted) but nobody waits for it now.
    this.rAttemptId[req] = 0;
    this.attemptFailed(req, OUTCOME_TIMEOUT);
  }

  private attemptFailed(req: number, outcome: number): void {
    const w = this.rWorkload[req]!;
    const attempts = this.rAttempts[req]!;
    if (this.wRetry[w] !== RETRY_NONE && attempts < this.wMaxAttempts[w]!) {
      let delay = this.wRetryBase[w]!;
      if (this.wRetry[w] === RETRY_EXPONENTIAL) delay = Math.min(this.wRetryMax[w]!, delay * Math.pow(2, attempts - 1));
      // Full jitter: anywhere between no wait and the computed wait.
      if (this.wJitter[w] === 1) delay *= this.rngRetry[w]!.next();
      this.q.schedule(this.now + delay, EV_RETRY, req, 0);
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
    this.rFree[this.rFreeTop++] = req;
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
    this.ji[(job << 4) + J_HOP] = hop;
    const s = this.hopStation[this.wHopStart[this.ji[(job << 4) + J_WORKLOAD]!]! + hop]!;
    const latency = this.stBaseLatency[s]!;
    if (latency > 0) this.q.schedule(this.now + latency, EV_HOP_READY, job, 0);
    else this.arriveAtStation(job);
  }

  private arriveAtStation(job: number): void {
    const gh = this.wHopStart[this.ji[(job << 4) + J_WORKLOAD]!]! + this.ji[(job << 4) + J_HOP]!;
    const s = this.hopStation[gh]!;
    this.jf[(job << 2) + JF_ARRIVE] = this.now;
    if (this.measuring) this.stArrivals[s]!++;
    if (this.stHasFaults[s] === 1 && this.faultActive(s, 'fail')) {
      this.stErrors[s]!++;
      this.fail(job, OUTCOME_ERROR);
      return;
    }
    const role = this.stRole[s]!;
    if ((role === ROLE_RATE_LIMITER && !this.buckets[s]!.tryTake(this.now)) || (role === ROLE_ASYNC && this.stQueued[s]! >= this.stMaxDepth[s]!)) {
      this.stRejected[s]!++;
      this.fail(job, OUTCOME_ERROR);
      return;
    }
    const n = this.stQueueCount[s]!;
    let g = this.stQueueBase[s]!;
    if (n > 1) g += this.pickInstance(s, g, n, this.hopBalancing[gh]!);
    if (this.qBusy[g]! < this.qServers[g]!) {
      this.touch(s);
      this.qBusy[g]!++;
      this.stBusy[s]!++;
      this.startService(job, g, s, gh);
    } else if (this.qLen[g]! >= this.stMaxQueue[s]!) {
      this.stRejected[s]!++;
      this.fail(job, OUTCOME_ERROR);
    } else {
      this.touch(s);
      this.enqueue(g, job, this.wPriority[this.ji[(job << 4) + J_WORKLOAD]!]!);
      this.qLen[g]!++;
      const queued = ++this.stQueued[s]!;
      if (this.measuring && queued > this.stPeakQueue[s]!) this.stPeakQueue[s] = queued;
    }
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
    this.ji[(job << 4) + J_QUEUE] = g;
    this.jf[(job << 2) + JF_START] = this.now;
    const fromQueue = this.ji[(job << 4) + J_FROM_QUEUE]!;
    if (fromQueue !== NONE) this.leaveQueue(job, fromQueue);
    if (this.hopLocks[gh] === 1) {
      // The transaction holds its connection while it waits for the row.
      const row = this.rngRow[s]!.below(this.rowOwner[s]!.length);
      this.ji[(job << 4) + J_ROW] = row;
      if (this.rowOwner[s]![row] !== NONE) {
        const tail = this.rowTail[s]![row]!;
        this.ji[(job << 4) + J_NEXT] = NONE;
        if (tail === NONE) this.rowHead[s]![row] = job;
        else this.ji[(tail << 4) + J_NEXT] = job;
        this.rowTail[s]![row] = job;
        return;
      }
      this.rowOwner[s]![row] = job;
    }
    this.scheduleServiceDone(job, s, gh);
  }

  private scheduleServiceDone(job: number, s: number, gh: number): void {
    let d: number;
    const kind = this.hopDist[gh]!;
    const rng = this.rngService[s]!;
    if (kind === DIST_EXPONENTIAL) d = rng.exponential(this.hopMean[gh]!);
    else if (kind === DIST_DETERMINISTIC) d = this.hopMean[gh]!;
    else if (kind === DIST_UNIFORM) d = this.hopMin[gh]! + (this.hopMax[gh]! - this.hopMin[gh]!) * rng.next();
    else d = Math.exp(this.hopLogMu[gh]! + this.hopLogSigma[gh]! * rng.normal());
    if (this.stHasFaults[s] === 1) d *= this.slowFactor(s);
    this.q.schedule(this.now + d, EV_SERVICE_DONE, job, 0);
  }

  private onServiceDone(job: number): void {
    const w = this.ji[(job << 4) + J_WORKLOAD]!;
    const hop = this.ji[(job << 4) + J_HOP]!;
    const gh = this.wHopStart[w]! + hop;
    const s = this.hopStation[gh]!;
    const g = this.ji[(job << 4) + J_QUEUE]!;
    this.touch(s);
    const row = this.ji[(job << 4) + J_ROW]!;
    if (row !== NONE) {
      this.ji[(job << 4) + J_ROW] = NONE;
      this.passRowLock(s, row);
    }
    this.qBusy[g]!--;
    this.stBusy[s]!--;
    if (this.qLen[g]! > 0 && this.qBusy[g]! < this.qServers[g]!) this.startNextWaiting(s, g);
    if (this.measuring) {
      const sojourn = this.now - this.jf[(job << 2) + JF_ARRIVE]!;
      this.stDepartures[s]!++;
      this.stSojournSum[s]! += sojourn;
      this.stWaitSum[s]! += this.jf[(job << 2) + JF_START]! - this.jf[(job << 2) + JF_ARRIVE]!;
      this.stSojournHist[s]!.add(sojourn);
      this.stWork[s * this.nW + w]! += this.now - this.jf[(job << 2) + JF_START]!;
    }
    let errorRate = this.stErrorRate[s]!;
    if (this.stHasFaults[s] === 1) errorRate = this.faultErrorRate(s, errorRate);
    if (errorRate > 0 && this.rngError[s]!.next() < errorRate) {
      if (this.measuring) this.stErrors[s]!++;
      this.fail(job, OUTCOME_ERROR);
      return;
    }
    const role = this.stRole[s]!;
    if (role === ROLE_CACHE) {
      const key = this.zipf[s]!.draw(this.rngKey[s]!);
      const bi = s * this.B + this.curBucket;
      this.bLookups[bi]!++;
      if (this.measuring) this.stLookups[s]!++;
      if (this.caches[s]!.lookup(key, this.now)) {
        this.bHits[bi]!++;
        if (this.measuring) this.stHits[s]!++;
        this.advance(job, hop + 1 + this.hopSkip[gh]!);
      } else {
        this.ji[(job << 4) + J_FILL_STATION] = s;
        this.ji[(job << 4) + J_FILL_KEY] = key;
        this.ji[(job << 4) + J_FILL_HOP] = hop + 1 + this.hopSkip[gh]!;
        this.advance(job, hop + 1);
      }
      return;
    }
    if (role === ROLE_ASYNC) {
      this.spawnMessages(job, s, hop + 1);
      this.finishJob(job);
      return;
    }
    this.advance(job, hop + 1);
  }

  private startNextWaiting(s: number, g: number): void {
    const next = this.dequeue(g);
    this.qLen[g]!--;
    this.stQueued[s]!--;
    this.qBusy[g]!++;
    this.stBusy[s]!++;
    this.startService(next, g, s, this.wHopStart[this.ji[(next << 4) + J_WORKLOAD]!]! + this.ji[(next << 4) + J_HOP]!);
  }

  private passRowLock(s: number, row: number): void {
    const next = this.rowHead[s]![row]!;
    if (next === NONE) {
      this.rowOwner[s]![row] = NONE;
      return;
    }
    const after = this.ji[(next << 4) + J_NEXT]!;
    this.rowHead[s]![row] = after;
    if (after === NONE) this.rowTail[s]![row] = NONE;
    this.rowOwner[s]![row] = next;
    this.scheduleServiceDone(next, s, this.wHopStart[this.ji[(next << 4) + J_WORKLOAD]!]! + this.ji[(next << 4) + J_HOP]!);
  }

  private advance(job: number, hop: number): void {
    if (this.ji[(job << 4) + J_FILL_STATION] !== NONE && hop >= this.ji[(job << 4) + J_FILL_HOP]!) this.fillCache(job);
    const w = this.ji[(job << 4) + J_WORKLOAD]!;
    const end = this.ji[(job << 4) + J_REQ] !== NONE ? this.wSyncEnd[w]! : this.wHopCount[w]!;
    if (hop >= end) this.finishJob(job);
    else this.enterHop(job, hop);
  }

  private fillCache(job: number): void {
    this.caches[this.ji[(job << 4) + J_FILL_STATION]!]!.fill(this.ji[(job << 4) + J_FILL_KEY]!, this.now);
    this.ji[(job << 4) + J_FILL_STATION] = NONE;
  }

  /** Messages for the background part of the path, after a queue, stream or pub/sub. */
  private spawnMessages(job: number, s: number, hop: number): void {
    const w = this.ji[(job << 4) + J_WORKLOAD]!;
    if (hop >= this.wHopCount[w]!) return;
    const born = this.ji[(job << 4) + J_REQ] === NONE ? this.jf[(job << 2) + JF_MSG_START]! : this.now;
    const fanout = this.st[s]!.fanout;
    for (let k = 0; k < fanout; k++) {
      const m = this.allocJob();
      this.ji[(m << 4) + J_REQ] = NONE;
      this.ji[(m << 4) + J_WORKLOAD] = w;
      this.jf[(m << 2) + JF_MSG_START] = born;
      this.ji[(m << 4) + J_RETRY_HOP] = hop;
      this.ji[(m << 4) + J_TRIES] = 1;
      this.joinQueue(m, s);
      this.enterHop(m, hop);
    }
  }

  private joinQueue(job: number, s: number): void {
    this.touch(s);
    this.ji[(job << 4) + J_FROM_QUEUE] = s;
    const depth = ++this.stQueued[s]!;
    if (this.measuring && depth > this.stPeakQueue[s]!) this.stPeakQueue[s] = depth;
  }

  private leaveQueue(job: number, s: number): void {
    this.touch(s);
    this.stQueued[s]!--;
    this.ji[(job << 4) + J_FROM_QUEUE] = NONE;
  }

  private finishJob(job: number): void {
    if (this.ji[(job << 4) + J_FILL_STATION] !== NONE) this.fillCache(job);
    const req = this.ji[(job << 4) + J_REQ]!;
    if (req !== NONE) {
      if (this.rAttemptId[req] === this.ji[(job << 4) + J_ATTEMPT_ID]) this.finishRequest(req, OUTCOME_SUCCESS);
    } else if (this.jf[(job << 2) + JF_MSG_START]! >= this.warmupSec) {
      const w = this.ji[(job << 4) + J_WORKLOAD]!;
      this.wAsyncDone[w]!++;
      this.wAsyncSum[w]! += this.now - this.jf[(job << 2) + JF_MSG_START]!;
    }
    this.freeJob(job);
  }

  private fail(job: number, outcome: number): void {
    const fromQueue = this.ji[(job << 4) + J_FROM_QUEUE]!;
    if (fromQueue !== NONE) this.leaveQueue(job, fromQueue);
    this.ji[(job << 4) + J_FILL_STATION] = NONE;
    const req = this.ji[(job << 4) + J_REQ]!;
    if (req !== NONE) {
      if (this.rAttemptId[req] === this.ji[(job << 4) + J_ATTEMPT_ID]) {
        this.rAttemptId[req] = 0;
        this.attemptFailed(req, outcome);
      }
      this.freeJob(job);
      return;
    }
    // A background message goes back to its queue until it has used its attempts.
    const w = this.ji[(job << 4) + J_WORKLOAD]!;
    const retryHop = this.ji[(job << 4) + J_RETRY_HOP]!;
    const queueStation = this.hopStation[this.wHopStart[w]! + retryHop - 1]!;
    if (this.ji[(job << 4) + J_TRIES]! < this.st[queueStation]!.maxAttempts) {
      this.ji[(job << 4) + J_TRIES]!++;
      this.joinQueue(job, queueStation);
      this.enterHop(job, retryHop);
    } else {
      if (this.jf[(job << 2) + JF_MSG_START]! >= this.warmupSec) {
        this.stDead[queueStation]!++;
        this.wDead[w]!++;
      }
      this.freeJob(job);
    }
  }

  // ---- queues ---------------------------------------------------------------------------

  private enqueue(g: number, job: number, priority: number): void {
    const i = g * this.nP + priority;
    this.ji[(job << 4) + J_NEXT] = NONE;
    const tail = this.qTail[i]!;
    if (tail === NONE) this.qHead[i] = job;
    else this.ji[(tail << 4) + J_NEXT] = job;
    this.qTail[i] = job;
  }

  private dequeue(g: number): number {
    const base = g * this.nP;
    for (let p = 0; p < this.nP; p++) {
      const head = this.qHead[base + p]!;
      if (head !== NONE) {
        const next = this.ji[(head << 4) + J_NEXT]!;
        this.qHead[base + p] = next;
        if (next === NONE) this.qTail[base + p] = NONE;
        return head;
      }
    }
    return NONE;
  }

  // ---- faults and autoscaling -----------------------------------------------------------

  private faultActive(s: number, effect: 'fail'): boolean {
    for (const f of this.st[s]!.faults) if (f.effect === effect && this.now >= f.fromSec && this.now < f.toSec) return true;
    return false;
  }

  private slowFactor(s: number): number {
    let factor = 1;
    for (const f of this.st[s]!.faults) if (f.effect === 'slow' && this.now >= f.fromSec && this.now < f.toSec) factor *= f.factor;
    return factor;
  }

  private faultErrorRate(s: number, base: number): number {
    let ok = 1 - base;
    for (const f of this.st[s]!.faults) if (f.effect === 'errors' && this.now >= f.fromSec && this.now < f.toSec) ok *= 1 - f.errorRate;
    return 1 - ok;
  }

  private onAutoscale(s: number): void {
    const a = this.st[s]!.autoscale!;
    const concurrency = this.st[s]!.concurrency;
    // Enough instances for the work in hand plus the target backlog per instance.
    const wanted = Math.ceil(this.stBusy[s]! / concurrency + this.stQueued[s]! / a.targetQueuePerInstance);
    const desired = Math.min(a.maxInstances, Math.max(a.minInstances, wanted));
    const active = this.stInstances[s]!;
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
    this.stInstances[s] = n;
    const g = this.stQueueBase[s]!;
    const servers = Math.min(n * this.st[s]!.concurrency, this.stServerCap[s]!);
    this.qServers[g] = servers;
    this.stCapacity[s] = servers;
    while (this.qLen[g]! > 0 && this.qBusy[g]! < servers) this.startNextWaiting(s, g);
  }

  // ---- measuring ------------------------------------------------------------------------

  /** Adds the time since the station last changed to its integrals (per interval and total). */
  private touch(s: number): void {
    this.areas.update(s, this.now, this.curBucket, this.measuring, this.stBusy[s]!, this.stQueued[s]!, this.stCapacity[s]!, this.stInstances[s]!);
  }

  private onWarmupEnd(): void {
    for (let s = 0; s < this.nS; s++) this.touch(s);
    this.measuring = true;
  }

  // ---- pools ----------------------------------------------------------------------------

  private allocJob(): number {
    if (this.jFreeTop === 0) this.growJobs(this.jCap * 2);
    const job = this.jFree[--this.jFreeTop]!;
    this.ji[(job << 4) + J_FILL_STATION] = NONE;
    this.ji[(job << 4) + J_FROM_QUEUE] = NONE;
    this.ji[(job << 4) + J_ROW] = NONE;
    return job;
  }

  private freeJob(job: number): void {
    this.jFree[this.jFreeTop++] = job;
  }

  private growJobs(capacity: number): void {
    const old = this.jCap;
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(capacity);
      b.set(a);
      return b;
    };
    const ji = new Int32Array(capacity << 4);
    ji.set(this.ji);
    this.ji = ji;
    const jf = new Float64Array(capacity << 2);
    jf.set(this.jf);
    this.jf = jf;
    this.jFree = i32(this.jFree);
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
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(capacity);
      b.set(a);
      return b;
    };
    this.rWorkload = i32(this.rWorkload);
    this.rAttempts = i32(this.rAttempts);
    this.rAttemptId = i32(this.rAttemptId);
    const live = new Uint8Array(capacity);
    live.set(this.rLive);
    this.rLive = live;
    const start = new Float64Array(capacity);
    start.set(this.rStart);
    this.rStart = start;
    this.rFree = i32(this.rFree);
    for (let r = capacity - 1; r >= old; r--) this.rFree[this.rFreeTop++] = r;
    this.rCap = capacity;
  }

  // ---- results --------------------------------------------------------------------------

  private collect(): RawRun {
    const { B, nW, nS } = this;
    const measuredSec = Math.max(1e-9, this.now - this.warmupSec);
    // Requests still waiting at the end: those already past their deadline are late.
    const unfinished = new Float64Array(nW);
    const unfinishedLate = new Float64Array(nW);
    for (let r = 0; r < this.rCap; r++) {
      if (this.rLive[r] !== 1 || this.rStart[r]! < this.warmupSec) continue;
      const w = this.rWorkload[r]!;
      unfinished[w]!++;
      if (this.now - this.rStart[r]! > this.wDeadline[w]!) unfinishedLate[w]!++;
    }
    const workloads: RawWorkload[] = this.plan.workloads.map((_, w) => {
      const all = this.latAll[w]!;
      const base = w * (B + 1);
      for (let b = this.latCurBucket[w]! + 1; b <= B; b++) this.latBucketStart[base + b] = all.length;
      // The totals first (on a copy, so the mean adds up in arrival order); then each interval in place.
      const measured = this.warmupSec > 0 ? this.latMeasured[w]! : all;
      const total = summarise(measured.data, 0, measured.length);
      const p50 = new Float64Array(B);
      const p95 = new Float64Array(B);
      const p99 = new Float64Array(B);
      for (let b = 0; b < B; b++) {
        const sum = summariseInPlace(all.data, this.latBucketStart[base + b]!, this.latBucketStart[base + b + 1]!);
        p50[b] = sum.p50;
        p95[b] = sum.p95;
        p99[b] = sum.p99;
      }
      const slice = (a: Float64Array): Float64Array => a.slice(w * B, (w + 1) * B);
      return {
        userRequests: this.wUser[w]!,
        attempts: this.wAttempts[w]!,
        successes: this.wSuccess[w]!,
        fallbacks: this.wFallbacks[w]!,
        errors: this.wErrors[w]!,
        timeouts: this.wTimeouts[w]!,
        late: this.wLate[w]! + unfinishedLate[w]!,
        unfinished: unfinished[w]!,
        meanSec: total.mean,
        p50Sec: total.p50,
        p95Sec: total.p95,
        p99Sec: total.p99,
        asyncCompleted: this.wAsyncDone[w]!,
        asyncMeanSec: this.wAsyncDone[w]! > 0 ? this.wAsyncSum[w]! / this.wAsyncDone[w]! : NaN,
        deadLettered: this.wDead[w]!,
        series: {
          answered: slice(this.bAnswered),
          finished: slice(this.bFinished),
          errors: slice(this.bErrors),
          timeouts: slice(this.bTimeouts),
          late: slice(this.bLate),
          attempts: slice(this.bAttempts),
          p50,
          p95,
          p99,
        },
      };
    });
    const areas = this.areas;
    const stations: RawStation[] = this.st.map((_, s) => {
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
        depth[b] = areas.inBucket(s, b, AREA_QUEUED) / this.bucketSec;
        busy[b] = areaBusy / this.bucketSec;
        inst[b] = areas.inBucket(s, b, AREA_INSTANCES) / this.bucketSec;
        hit[b] = this.bLookups[i]! > 0 ? this.bHits[i]! / this.bLookups[i]! : NaN;
      }
      const departures = this.stDepartures[s]!;
      return {
        arrivals: this.stArrivals[s]!,
        departures,
        utilisation: areas.total(s, AREA_CAPACITY) > 0 ? areas.total(s, AREA_BUSY) / areas.total(s, AREA_CAPACITY) : 0,
        queueDepth: areas.total(s, AREA_QUEUED) / measuredSec,
        peakQueueDepth: this.stPeakQueue[s]!,
        busy: areas.total(s, AREA_BUSY) / measuredSec,
        meanInstances: areas.total(s, AREA_INSTANCES) / measuredSec,
        inSystem: (areas.total(s, AREA_BUSY) + areas.total(s, AREA_QUEUED)) / measuredSec,
        sojournMeanSec: departures > 0 ? this.stSojournSum[s]! / departures : NaN,
        waitMeanSec: departures > 0 ? this.stWaitSum[s]! / departures : NaN,
        p95SojournSec: this.stSojournHist[s]!.quantile(0.95),
        rejected: this.stRejected[s]!,
        errors: this.stErrors[s]!,
        hits: this.stHits[s]!,
        lookups: this.stLookups[s]!,
        deadLettered: this.stDead[s]!,
        workByWorkload: this.stWork.slice(s * nW, (s + 1) * nW),
        series: { utilisation: util, queueDepth: depth, busy, hitRatio: hit, instances: inst },
      };
    });
    void nS;
    const measuredBuffers = this.warmupSec > 0 ? this.latMeasured : this.latAll;
    // Every measured answer together, for the overall percentiles (order does not matter, so no copy when one buffer holds them all).
    let overall: { p95: number; p99: number };
    if (measuredBuffers.length === 1) overall = summariseInPlace(measuredBuffers[0]!.data, 0, measuredBuffers[0]!.length);
    else {
      const everything = new Float64Array(measuredBuffers.reduce((n, b) => n + b.length, 0));
      let at = 0;
      for (const b of measuredBuffers) {
        everything.set(b.data.subarray(0, b.length), at);
        at += b.length;
      }
      overall = summariseInPlace(everything);
    }
    return { level: 'request', steps: this.events, measuredSec, bucketSec: this.bucketSec, buckets: B, workloads, stations, allP95Sec: overall.p95, allP99Sec: overall.p99, warnings: this.warnings };
  }
}
