/**
 * Level 2: horizon runs. Hours to days of traffic in a few milliseconds, by
 * stepping time (about ten steps per chart interval) and treating each
 * station as a queue in steady state on top of a carried-over backlog:
 *
 * - flows: each workload's attempt rate flows along its path, thinned by
 *   rejections, errors and cache hits measured at the previous step;
 * - stations: while arrivals stay below capacity, the waiting time is the
 *   Erlang C figure (scaled by (1 + Cs²)/2 for non-exponential service);
 *   above it, the backlog grows by (λ − cμ)·dt and everyone waits behind it;
 *   it drains at (cμ − λ) once load falls. Bounded queues and loss systems
 *   reject what does not fit;
 * - latency: a path's latency is a mixture of routes (cache hit or miss),
 *   each a shifted gamma with the summed mean and variance of its stations;
 * - overload is honest: answers after the deadline are late, attempts slower
 *   than the timeout fail and are retried, and retries are offered load at
 *   the next step.
 *
 * Deterministic, except for inventory (stock counters draw their reservation
 * attempts from one seeded stream per inventory component): without one, the
 * seed is not used. Virtual-queue gates release at most their admission rate
 * and keep the rest waiting (horizon/admission.ts).
 */
import { bucketCount, type RunControl } from './runControl';
import { failing, faultErrorRate, slowFactor } from './faults';
import { LatencyMixture, PooledLatency, pooledQuantile } from './horizon/latencyModel';
import { workloadRateAt, DIST_DETERMINISTIC, DIST_UNIFORM, ROLE_ASYNC, ROLE_CACHE, ROLE_INVENTORY, ROLE_RATE_LIMITER, type Dist, type Plan, type StationPlan } from './plan';
import { AdmissionGates } from './horizon/admission';
import { InventoryStations } from './horizon/inventoryStations';
import type { RawRun, RawStation, RawWorkload } from './raw';
import { erlangB } from './theory/erlangB';
import { erlangC } from './theory/erlangC';
import { pollaczekKhinchineWait } from './theory/pollaczekKhinchine';
import { predictedHitRatio } from './theory/station';

export type HorizonOutcome = { cancelled: false; raw: RawRun } | { cancelled: true; fraction: number };

/** Above this utilisation the steady-state formula is held (the backlog takes over). */
const RHO_CAP = 0.98;
/** Beyond this many servers a station is treated as never waiting below RHO_CAP (Erlang C ~ 0). */
const MANY_SERVERS = 2000;
const MAX_ROUTES = 64;

/** Share of a service time that is a fixed minimum (uniform's lower end, all of a deterministic one). */
function fixedShare(d: Dist): number {
  if (d.kind === DIST_DETERMINISTIC) return 1;
  if (d.kind === DIST_UNIFORM && d.meanSec > 0) return d.minSec / d.meanSec;
  return 0;
}

/** What every visit to a station shares at a step; each hop adds its own service (hopLatency). */
interface StationStep {
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

export function runHorizon(plan: Plan, seed: number, control: RunControl = {}): HorizonOutcome {
  const S = plan.stations.length;
  const W = plan.workloads.length;
  const B = bucketCount(plan.durationSec);
  const bucketSec = plan.durationSec / B;
  const perBucket = Math.max(1, Math.min(4, Math.floor(bucketSec)));
  const dt = bucketSec / perBucket;
  const steps = B * perBucket;
  const warmup = plan.warmupSec;
  const st = plan.stations;
  const wl = plan.workloads;

  // Station state carried between steps.
  const backlog = new Float64Array(S);
  const lockBacklog = new Float64Array(S);
  const reject = new Float64Array(S);
  const errorP = new Float64Array(S);
  const instances = Float64Array.from(st, (s) => s.instances);
  const pendingReady: { at: number; station: number }[] = [];
  const lastCheck = new Float64Array(S);
  const hit = Float64Array.from(st, (s) => (s.cache ? (predictedHitRatio(s) ?? 0) : 0));
  /** A cache's hit ratio while it answers; a failed cache answers nothing (every lookup a miss). */
  const cacheHit = Float64Array.from(hit);
  const serverCap = Float64Array.from(st, (s) => s.consumerCap);
  const attemptFail = new Float64Array(W);
  const messageFail = new Float64Array(W);
  const gates = new AdmissionGates(plan);
  const pausedAt = new Int32Array(W).fill(-1);
  const stocks = new InventoryStations(plan, seed);
  // Stations whose answers can skip the rest of a path: cache hits, sold-out answers (both in hit[]).
  const skips = Uint8Array.from(st, (s) => (s.role === ROLE_CACHE || s.role === ROLE_INVENTORY ? 1 : 0));

  // Per-step scratch.
  const lam = new Float64Array(S);
  const lamLock = new Float64Array(S);
  const serviceSum = new Float64Array(S);
  const service2Sum = new Float64Array(S);
  const flowBy = new Float64Array(S * W);
  /** Per station and workload: Σ flow × that hop's own mean service time (workloads differ: a login hashes, a page view does not). */
  const serviceBy = new Float64Array(S * W);
  /** Per station and workload: Σ flow of row-locking visits, and Σ flow × time held waiting on later calls. */
  const lockBy = new Float64Array(S * W);
  const heldBy = new Float64Array(S * W);
  const asyncInto = new Float64Array(S * S);
  const depthNow = new Float64Array(S);
  const stationStep: StationStep[] = st.map((x) => ({ shift: x.baseLatencySec, wait: 0, waitVar: 0, slow: 1, lockWait: 0, async: x.role === ROLE_ASYNC }));
  /** Per station: Σ flow × the time a holding caller waits on the hops after it, Σ flow × that², Σ flow × own service × it. */
  const heldSum = new Float64Array(S);
  const held2Sum = new Float64Array(S);
  const heldServiceSum = new Float64Array(S);
  const lockServiceSum = new Float64Array(S);
  /** Per workload and hop: how long a caller at that hop waits for the rest of its segment (0 where it holds nothing). */
  const heldFor = wl.map((w) => new Float64Array(w.hops.length));
  const remaining = wl.map((w) => new Float64Array(w.hops.length + 1));
  /** Per workload and hop: mean time from the attempt's start to the end of that hop's service (for timeouts). */
  const elapsed = wl.map((w) => new Float64Array(w.hops.length + 1));
  const hopLat = { shift: 0, mean: 0, variance: 0 };
  /** Per workload and hop: the station of the nearest caller before it that holds a thread for it (-1: none). */
  const callerOf = wl.map((w) => {
    const out = new Int32Array(w.hops.length).fill(-1);
    let caller = -1;
    w.hops.forEach((h, i) => {
      if (i === w.asyncFrom) caller = -1;
      out[i] = caller;
      if (st[h.station]!.holdsCaller) caller = h.station;
    });
    return out;
  });
  /** Per station: the flow that arrives from a holding caller, and which callers feed it (S × S). */
  const viaCaller = new Float64Array(S);
  /** Workloads with a caller that holds a thread while later hops run. */
  const holds = wl.map((w) => w.hops.some((h, i) => st[h.station]!.holdsCaller && i + 1 < w.hops.length && i + 1 !== w.asyncFrom));
  const feeds = new Uint8Array(S * S);
  const flows = wl.map((w) => new Float64Array(w.hops.length + 1));
  // Per-hop and per-attempt constants, looked up in the loop instead of recomputed.
  const hopFixedShare = wl.map((w) => Float64Array.from(w.hops, (h) => fixedShare(h.service)));
  const backoffMeans = wl.map((w) => Float64Array.from({ length: Math.max(1, w.retry.maxAttempts) + 1 }, (_, k) => (k > 0 ? backoffMean(w.retry, k) : 0)));
  const userRate = new Float64Array(W);
  const attemptRate = new Float64Array(W);
  const syncDone = new Float64Array(W);
  const asyncStart = new Float64Array(W);
  const asyncDone = new Float64Array(W);
  const routesScratch = new LatencyMixture();
  const answersScratch = new LatencyMixture();
  const stack = new Float64Array(5 * (2 * MAX_ROUTES + 200));

  // Accumulators: per bucket and over the measured window.
  const wSeries = wl.map(() => ({
    answered: new Float64Array(B),
    finished: new Float64Array(B),
    errors: new Float64Array(B),
    timeouts: new Float64Array(B),
    late: new Float64Array(B),
    attempts: new Float64Array(B),
    p50: new Float64Array(B).fill(NaN),
    p95: new Float64Array(B).fill(NaN),
    p99: new Float64Array(B).fill(NaN),
  }));
  const wTot = wl.map(() => ({ user: 0, attempts: 0, successes: 0, fallbacks: 0, errors: 0, timeouts: 0, late: 0, asyncDone: 0, asyncSum: 0, asyncLate: 0, dead: 0, duplicates: 0, latSum: 0 }));
  /** Per workload: the hops whose work is a side effect (a charge, an order row). */
  const effectHops = wl.map((w) => w.hops.flatMap((h, i) => (h.sideEffect ? [i] : [])));
  const asyncScratch = new LatencyMixture();
  const passScratch = new LatencyMixture();
  /**
   * Behind an admission gate, the admitted users wait again for the hops after it up to the next
   * hand-off (the reservation before the payment is queued): per workload, that segment's end (-1: no gate).
   */
  const admittedEnd = wl.map((w) => {
    const gate = w.asyncFrom - 1;
    if (gate < 0 || gate >= w.hops.length || !st[w.hops[gate]!.station]!.admission) return -1;
    for (let i = w.asyncFrom; i < w.hops.length; i++) if (st[w.hops[i]!.station]!.role === ROLE_ASYNC) return i + 1;
    return w.hops.length;
  });
  const admittedNow = new Float64Array(W);
  const admittedPooled = wl.map(() => new PooledLatency());
  const admittedWeight = wl.map(() => new Float64Array(B));
  const admittedP99 = wl.map(() => new Float64Array(B).fill(NaN));
  const pooledAt = wl.map(() => new PooledLatency());
  const measuredAnswered = wl.map(() => new Float64Array(B));
  const sSeries = st.map(() => ({
    utilisation: new Float64Array(B),
    queueDepth: new Float64Array(B),
    busy: new Float64Array(B),
    hitRatio: new Float64Array(B).fill(NaN),
    instances: new Float64Array(B),
    arrivals: new Float64Array(B),
    cpu: new Float64Array(B),
  }));
  const sTot = st.map(() => ({ cpuArea: 0, heldSec: 0, arrivals: 0, departures: 0, busyArea: 0, capArea: 0, queueArea: 0, instArea: 0, peakQueue: 0, sojournSum: 0, waitSum: 0, hits: 0, lookups: 0, rejected: 0, errors: 0, dead: 0, p95Sum: 0, p95Weight: 0 }));
  const work = st.map(() => new Float64Array(W));

  let reported = 0;
  for (let n = 0; n < steps; n++) {
    if ((n & 255) === 0) {
      if (control.shouldStop?.()) return { cancelled: true, fraction: n / steps };
      if (control.onProgress && n / steps - reported >= 0.02) {
        reported = n / steps;
        control.onProgress(reported);
      }
    }
    const t = (n + 0.5) * dt;
    const b = Math.floor(n / perBucket);
    const measuring = t >= warmup;
    const rate = plan.traffic.rateAt(t);

    // 1. Flows along each path.
    lam.fill(0);
    lamLock.fill(0);
    serviceSum.fill(0);
    service2Sum.fill(0);
    heldSum.fill(0);
    viaCaller.fill(0);
    feeds.fill(0);
    held2Sum.fill(0);
    heldServiceSum.fill(0);
    lockServiceSum.fill(0);
    flowBy.fill(0);
    serviceBy.fill(0);
    lockBy.fill(0);
    heldBy.fill(0);
    asyncInto.fill(0);
    syncDone.fill(0);
    asyncStart.fill(0);
    asyncDone.fill(0);
    gates.reset();
    stocks.reset();
    admittedNow.fill(0);
    for (let w = 0; w < W; w++) holdTimes(w);
    for (let w = 0; w < W; w++) {
      const p = wl[w]!;
      const f = attemptFail[w]!;
      const m = p.retry.policy === 'none' ? 1 : p.retry.maxAttempts;
      const multiplier = triesPerItem(f, m);
      userRate[w] = p.part === 'all' ? p.share * rate : workloadRateAt(plan.traffic, p, t);
      attemptRate[w] = userRate[w]! * multiplier;
      const flow = flows[w]!;
      flow.fill(0);
      flow[0] = attemptRate[w]!;
      propagate(w, 0);
    }
    if (gates.any) {
      // Gates release what they admit once every workload has joined; the paused paths go on from there.
      gates.resolve(dt, (s) => failing(st[s]!.faults, t));
      for (let w = 0; w < W; w++) {
        const i = pausedAt[w]!;
        if (i < 0) continue;
        pausedAt[w] = -1;
        const s = wl[w]!.hops[i]!.station;
        syncDone[w]! += gates.accepted(s, w);
        admittedNow[w] = gates.released(s, w);
        if (i + 1 < wl[w]!.hops.length) flows[w]![i + 1]! += gates.released(s, w);
        else asyncDone[w]! += gates.released(s, w);
        propagate(w, i + 1);
      }
    }

    // 2. Each station at this step.
    for (let s = 0; s < S; s++) {
      const station = st[s]!;
      const x = lam[s]!;
      const sst = stationStep[s]!;
      const a = station.autoscale;
      if (a) {
        for (let k = pendingReady.length - 1; k >= 0; k--) {
          const r = pendingReady[k]!;
          if (r.station === s && r.at <= t) {
            instances[s] = Math.min(a.maxInstances, instances[s]! + 1);
            pendingReady.splice(k, 1);
          }
        }
      }
      const queues = station.sharedQueue ? 1 : station.instances;
      const poolServers = Math.min(station.sharedQueue ? instances[s]! * station.concurrency : station.instances * station.concurrency, serverCap[s]!);
      const slow = slowFactor(station.faults, t);
      const down = failing(station.faults, t);
      errorP[s] = faultErrorRate(station.faults, t, station.errorRate);
      const meanS = x > 0 ? (serviceSum[s]! / x) * slow : station.service.meanSec * slow;
      const meanS2 = x > 0 ? (service2Sum[s]! / x) * slow * slow : meanS * meanS * (1 + station.service.scv);
      // Row locks: each hot row is a single-server queue of the transactions that lock it; waiting for it holds a connection.
      let lockWait = 0;
      if (lamLock[s]! > 0 && station.hotRows > 0 && meanS > 0) {
        const lockS = (lockServiceSum[s]! / lamLock[s]!) * slow;
        const perRow = lamLock[s]! / station.hotRows;
        const rhoRow = perRow * lockS;
        lockBacklog[s] = Math.max(0, lockBacklog[s]! + (perRow - 1 / lockS) * dt);
        lockWait = (pollaczekKhinchineWait(Math.min(rhoRow, RHO_CAP) / lockS, lockS, 1) ?? 0) + lockBacklog[s]! * lockS;
      }
      // What one visit occupies a server for: its own service, a lock wait, and (for a caller) the calls it waits on.
      const lockShare = x > 0 ? lamLock[s]! / x : 0;
      const heldMean = x > 0 ? heldSum[s]! / x : 0;
      const hold = meanS + lockShare * lockWait + heldMean;
      const hold2 = x > 0 ? meanS2 + (2 * heldServiceSum[s]! * slow) / x + held2Sum[s]! / x + lockShare * lockWait * (lockWait + 2 * meanS) : meanS2;
      const scv = hold > 0 ? Math.max(0, hold2 / (hold * hold) - 1) : 0;
      // The CPU behind a pooled store: past its cores, more connections only wait (cores / CPU share of a query).
      let totalServers = poolServers;
      let cpuLoad = 0;
      if (station.cpu && meanS > 0) {
        const cpuCores = station.cpu.cores * instances[s]!;
        const cpuBound = (cpuCores / station.cpu.shareOfService) * (hold / meanS);
        totalServers = Math.min(poolServers, cpuBound);
        cpuLoad = ((x + backlog[s]! / dt) * station.cpu.shareOfService * meanS) / cpuCores;
      }
      const c = Math.max(1, totalServers / queues);
      let rejected = 0;
      // Cache-aside clients read the source when the cache does not answer: a failed cache is all misses, not errors.
      if (station.role === ROLE_CACHE) hit[s] = down ? 0 : cacheHit[s]!;
      if (down && station.role !== ROLE_CACHE) rejected = 1;
      else if (station.role === ROLE_RATE_LIMITER && station.rateLimit && x > station.rateLimit.ratePerSec) rejected = 1 - station.rateLimit.ratePerSec / x;
      else if (station.admission) rejected = gates.rejected(s);
      const admitted = x * (1 - rejected);
      const capacity = hold > 0 ? totalServers / hold : Infinity;
      let wait = 0;
      let waitVar = 0;
      let depth = 0;
      let utilisation = 0;
      let throughput = admitted;
      if (hold > 0 && admitted > 0 && station.role !== ROLE_ASYNC) {
        const lq = admitted / queues;
        const rho = (lq * hold) / c;
        if (station.maxQueuePerInstance === 0) {
          const blocked = erlangB(Math.round(c), lq * hold);
          rejected = 1 - (1 - rejected) * (1 - blocked);
          throughput = admitted * (1 - blocked);
          utilisation = (throughput * hold) / totalServers;
        } else {
          const backlogBefore = backlog[s]!;
          backlog[s] = Math.max(0, backlogBefore + (admitted - capacity) * dt);
          let room = station.maxQueuePerInstance * queues;
          // Called only by callers that hold a thread for each call, a station never has more waiting than
          // those threads: the rest wait upstream, for a thread (the caller's own backlog).
          const heldRoom = callersRoom(s, x, totalServers);
          if (heldRoom < backlog[s]!) backlog[s] = heldRoom;
          if (heldRoom < room) room = Infinity;
          if (backlog[s]! > room) {
            const overflow = backlog[s]! - room;
            rejected = 1 - (1 - rejected) * Math.max(0, 1 - overflow / (admitted * dt));
            backlog[s] = room;
          }
          const r = Math.min(rho, RHO_CAP);
          if (c <= MANY_SERVERS || r > 0.9) {
            const cs = Math.round(c);
            const f = erlangC(cs, r * cs / hold, 1 / hold);
            if (f) {
              const theta = cs / hold - (r * cs) / hold;
              const scale = (1 + scv) / 2;
              wait = f.meanWait * scale;
              waitVar = ((f.probabilityOfWaiting * (2 - f.probabilityOfWaiting)) / (theta * theta)) * scale * scale;
              depth = f.meanQueueLength * scale * queues;
            }
          }
          // While a backlog drains the servers stay fully busy, and answers leave at capacity.
          throughput = Math.min(admitted + backlogBefore / dt, capacity);
          utilisation = Math.min(1, (throughput * hold) / totalServers);
          depth += backlog[s]!;
        }
      }
      // Connections in use: past the cores every query is stretched, so the whole pool is taken.
      // With a backlog behind a busy CPU, every connection holds a query that is crawling.
      if (station.cpu && totalServers < poolServers) utilisation = backlog[s]! > 0 ? 1 : Math.min(1, ((throughput * hold) / poolServers) * Math.max(1, cpuLoad));
      const cpuUtilisation = station.cpu && meanS > 0 ? Math.min(1, (throughput * station.cpu.shareOfService * meanS) / (station.cpu.cores * instances[s]!)) : 0;
      reject[s] = rejected;
      depthNow[s] = depth;
      // The counter sees the attempts that got through; its sold-out share routes the next step.
      if (station.role === ROLE_INVENTORY) hit[s] = stocks.step(s, x * (1 - rejected) * (1 - errorP[s]!), dt);
      const fluidWait = capacity > 0 && Number.isFinite(capacity) ? backlog[s]! / capacity : 0;
      sst.shift = station.baseLatencySec + (station.role === ROLE_ASYNC ? 0 : fluidWait);
      sst.wait = station.role === ROLE_ASYNC ? 0 : wait;
      sst.waitVar = station.role === ROLE_ASYNC ? 0 : waitVar;
      sst.slow = slow;
      sst.lockWait = lockWait;
      // Autoscaling on the queue depth.
      if (a && t - lastCheck[s]! >= a.checkEverySec) {
        lastCheck[s] = t;
        const pending = pendingReady.filter((r) => r.station === s).length;
        const desired = Math.min(a.maxInstances, Math.max(a.minInstances, Math.ceil((utilisation * poolServers) / station.concurrency + depth / a.targetQueuePerInstance)));
        if (desired > instances[s]! + pending) for (let k = instances[s]! + pending; k < desired; k++) pendingReady.push({ at: t + a.warmupSec, station: s });
        else if (desired < instances[s]! && pending === 0) instances[s] = desired;
      }
      const busy = utilisation * poolServers;
      const ss = sSeries[s]!;
      ss.utilisation[b]! += utilisation / perBucket;
      ss.queueDepth[b]! += depth / perBucket;
      ss.busy[b]! += busy / perBucket;
      ss.instances[b]! += instances[s]! / perBucket;
      ss.arrivals[b]! += x / perBucket;
      ss.cpu[b]! += cpuUtilisation / perBucket;
      if (station.role === ROLE_CACHE) ss.hitRatio[b] = hit[s]!;
      if (measuring) {
        const tot = sTot[s]!;
        tot.arrivals += x * dt;
        tot.departures += throughput * dt;
        tot.busyArea += busy * dt;
        tot.capArea += poolServers * dt;
        tot.cpuArea += cpuUtilisation * dt;
        tot.queueArea += depth * dt;
        tot.instArea += instances[s]! * dt;
        tot.peakQueue = Math.max(tot.peakQueue, depth);
        tot.sojournSum += throughput * dt * (fluidWait + wait + hold);
        tot.waitSum += throughput * dt * (fluidWait + wait);
        tot.rejected += x * rejected * dt;
        tot.errors += admitted * errorP[s]! * dt;
        if (station.role === ROLE_CACHE) {
          tot.lookups += admitted * dt;
          tot.hits += admitted * hit[s]! * dt;
        }
        // What each workload occupied: its own service (slowed by a fault), its lock waits, and the calls a caller waited on.
        for (let w = 0; w < W; w++) work[s]![w]! += (serviceBy[s * W + w]! * slow + lockBy[s * W + w]! * lockWait + heldBy[s * W + w]!) * (1 - rejected) * dt;
        tot.heldSec += heldSum[s]! * (1 - rejected) * dt;
      }
    }
    // A queue's depth is the backlog of the consumers it feeds.
    for (let q = 0; q < S; q++) {
      if (st[q]!.role !== ROLE_ASYNC) continue;
      // A gate's depth is the users waiting to be admitted.
      let depth = st[q]!.admission ? gates.waiting(q) : 0;
      for (let s = 0; s < S && !st[q]!.admission; s++) {
        const into = asyncInto[q * S + s]!;
        if (into > 0 && lam[s]! > 0) depth += depthNow[s]! * Math.min(1, into / lam[s]!);
      }
      sSeries[q]!.queueDepth[b]! += depth / perBucket;
      if (measuring) {
        const tot = sTot[q]!;
        tot.queueArea += depth * dt;
        tot.peakQueue = Math.max(tot.peakQueue, depth);
        // Little: those joining now wait about (users ahead) / (admission rate).
        if (st[q]!.admission) tot.waitSum += lam[q]! * (1 - reject[q]!) * dt * (depth / st[q]!.admission!.admitPerSec);
      }
    }

    // 3. What users saw.
    const quantileStep = n % perBucket === Math.floor(perBucket / 2);
    for (let w = 0; w < W; w++) {
      const p = wl[w]!;
      const mix = routesOf(p.index);
      const hasRoutes = mix.count > 0;
      const attempt = attemptRate[w]!;
      const successShare = attempt > 0 ? syncDone[w]! / attempt : 1;
      const inTime = Number.isFinite(p.timeoutSec) && hasRoutes ? mix.cdf(p.timeoutSec) : 1;
      const fErr = Math.max(0, Math.min(1, 1 - successShare));
      const fTimeout = (1 - fErr) * (1 - inTime);
      const f = Math.min(1, fErr + fTimeout);
      attemptFail[w] = f;
      const m = p.retry.policy === 'none' ? 1 : p.retry.maxAttempts;
      const finalFail = Math.pow(f, m);
      // An attempt that errs does so on its way (half the route, on average), and never after its timeout.
      const failLatency = f > 0 ? (fErr * Math.min(mix.mean() * 0.5, p.timeoutSec) + fTimeout * (Number.isFinite(p.timeoutSec) ? p.timeoutSec : 0)) / f : 0;
      const answers = answersScratch;
      const backoff = backoffMeans[w]!;
      answers.reset();
      let delayBefore = 0;
      // Cut the routes at the timeout only when some of them reach it (most steps, none do).
      const within = Number.isFinite(p.timeoutSec) && mix.count > 0 && mix.upperBound() > p.timeoutSec ? p.timeoutSec : Infinity;
      for (let k = 1; k <= m; k++) {
        const weight = Math.pow(f, k - 1) * (1 - f);
        if (weight < 1e-9 && k > 1) break;
        // A successful attempt is one that came back before its timeout: only that part of the routes.
        answers.addAll(mix, weight, delayBefore, within);
        delayBefore += failLatency + backoff[k]!;
      }
      const fallback = p.fallbackSec !== null ? finalFail : 0;
      if (fallback > 0) answers.add(fallback, delayBefore - backoff[m]! + (p.fallbackSec ?? 0), 0, 0);
      const users = userRate[w]! * dt;
      const answeredShare = 1 - finalFail + fallback;
      const late = answers.count > 0 ? 1 - answers.cdf(p.deadlineSec) : 0;
      const errShare = f > 0 ? (finalFail - fallback) * (fErr / f) : 0;
      const toShare = f > 0 ? (finalFail - fallback) * (fTimeout / f) : 0;
      const ws = wSeries[w]!;
      ws.answered[b]! += users * answeredShare;
      ws.finished[b]! += users;
      ws.errors[b]! += users * errShare;
      ws.timeouts[b]! += users * toShare;
      ws.late[b]! += users * answeredShare * late;
      ws.attempts[b]! += attempt * dt;
      if (quantileStep && answers.count > 0) {
        ws.p50[b] = answers.quantile(0.5);
        ws.p95[b] = answers.quantile(0.95);
        ws.p99[b] = answers.quantile(0.99);
      }
      if (measuring) {
        const tot = wTot[w]!;
        tot.user += users;
        tot.attempts += attempt * dt;
        tot.successes += users * (answeredShare - fallback) * (1 - late);
        tot.fallbacks += users * fallback * (1 - late);
        tot.late += users * answeredShare * late;
        tot.errors += users * errShare;
        tot.timeouts += users * toShare;
        tot.latSum += users * answeredShare * answers.mean();
        measuredAnswered[w]![b]! += users * answeredShare;
        // One latency mixture per chart interval stands for the whole interval in the pooled percentiles.
        if (quantileStep && answers.count > 0) pooledAt[w]!.addPart(b, answers);
        if (admittedEnd[w]! > 0 && admittedNow[w]! > 0) {
          admittedWeight[w]![b]! += admittedNow[w]! * dt;
          if (quantileStep) {
            admittedRoute(w);
            admittedPooled[w]!.addPart(b, asyncScratch);
            admittedP99[w]![b] = asyncScratch.quantile(0.99);
          }
        }
        if (!p.idempotencyKey && effectHops[w]!.length > 0) tot.duplicates += duplicatesPerStep(p.index, f, fTimeout, m) * dt;
        if (asyncStart[w]! > 0) {
          const done = asyncDone[w]! * dt;
          tot.asyncDone += done;
          tot.asyncSum += done * asyncLatency(p.index);
          if (Number.isFinite(p.backgroundDeadlineSec)) tot.asyncLate += done * asyncLateShare(p.index);
          const mm = st[p.hops[p.asyncFrom - 1]!.station]!.maxAttempts;
          // Attempts -> messages that failed every attempt; when every attempt fails, each message makes mm attempts.
          const fm = messageFail[w]!;
          const dead = fm >= 1 - 1e-9 ? (asyncStart[w]! * dt) / mm : (asyncStart[w]! * dt * Math.pow(fm, mm) * (1 - fm)) / (1 - Math.pow(fm, mm));
          tot.dead += Number.isFinite(dead) ? dead : 0;
          sTot[p.hops[p.asyncFrom - 1]!.station]!.dead += Number.isFinite(dead) ? dead : 0;
        }
      }
    }
  }
  if (control.onProgress) control.onProgress(1);

  /** The most a station can have waiting when every visit comes from callers holding threads (Infinity otherwise). */
  function callersRoom(s: number, x: number, servers: number): number {
    if (x <= 0 || viaCaller[s]! < x * 0.999) return Infinity;
    let threads = 0;
    for (let h = 0; h < S; h++) if (feeds[h * S + s] === 1) threads += (st[h]!.sharedQueue ? instances[h]! : st[h]!.instances) * st[h]!.concurrency;
    return Math.max(0, threads - servers);
  }

  /** Carries workload w's flow along its path from hop `from`; stops at a gate until the gates have resolved. */
  function propagate(w: number, from: number): void {
    const p = wl[w]!;
    const flow = flows[w]!;
    const H = p.hops.length;
    for (let i = from; i < H; i++) {
      let x = flow[i]!;
      // A gate releases its waiting users even when nobody joins.
      if (x <= 0 && !st[p.hops[i]!.station]!.admission) continue;
      const h = p.hops[i]!;
      const s = h.station;
      const station = st[s]!;
      if (i === p.asyncFrom && p.asyncFrom < H) {
        // Messages are retried from their queue: more work for the background hops.
        const fm = messageFail[w]!;
        const mm = st[p.hops[i - 1]!.station]!.maxAttempts;
        x *= triesPerItem(fm, mm);
        flow[i] = x;
        asyncStart[w] = x;
      }
      lam[s]! += x;
      const caller = callerOf[w]![i]!;
      if (caller >= 0) {
        viaCaller[s]! += x;
        feeds[caller * S + s] = 1;
      }
      serviceSum[s]! += x * h.service.meanSec;
      service2Sum[s]! += x * h.service.meanSec * h.service.meanSec * (1 + h.service.scv);
      flowBy[s * W + w]! += x;
      serviceBy[s * W + w]! += x * h.service.meanSec;
      const held = heldFor[w]![i]!;
      if (held > 0) {
        heldSum[s]! += x * held;
        held2Sum[s]! += x * held * held;
        heldServiceSum[s]! += x * held * h.service.meanSec;
        heldBy[s * W + w]! += x * held;
      }
      if (h.locksRow) {
        lamLock[s]! += x;
        lockServiceSum[s]! += x * h.service.meanSec;
        lockBy[s * W + w]! += x;
      }
      const ok = x * (1 - reject[s]!) * (1 - errorP[s]!);
      const syncEnd = p.asyncFrom;
      if (station.admission) {
        gates.join(s, w, x * (1 - errorP[s]!));
        pausedAt[w] = i;
        return;
      }
      if (station.role === ROLE_INVENTORY && ok > 0) stocks.noteReserved(s, ok * (1 - hit[s]!), failureAfter(p, i));
      if (i < syncEnd) {
        if (skips[s]) {
          const to = Math.min(i + 1 + h.skipOnHit, syncEnd);
          const hits = ok * hit[s]!;
          if (to >= syncEnd) syncDone[w]! += hits;
          else flow[to]! += hits;
          if (i + 1 >= syncEnd) syncDone[w]! += ok - hits;
          else flow[i + 1]! += ok - hits;
        } else if (station.role === ROLE_ASYNC) {
          syncDone[w]! += ok;
          if (i + 1 < H) {
            flow[i + 1]! += ok * station.fanout;
            asyncInto[s * S + p.hops[i + 1]!.station]! += ok * station.fanout;
          }
        } else if (i + 1 >= syncEnd) syncDone[w]! += ok;
        else flow[i + 1]! += ok;
      } else {
        const to = skips[s] ? Math.min(i + 1 + h.skipOnHit, H) : i + 1;
        const hits = skips[s] ? ok * hit[s]! : 0;
        const fan = station.role === ROLE_ASYNC ? station.fanout : 1;
        if (to >= H) asyncDone[w]! += hits;
        else flow[to]! += hits;
        if (i + 1 >= H) asyncDone[w]! += (ok - hits) * fan;
        else flow[i + 1]! += (ok - hits) * fan;
      }
    }
    if (asyncStart[w]! > 0) messageFail[w] = Math.max(0, Math.min(1, 1 - asyncDone[w]! / asyncStart[w]!));
  }

  /** Share of what leaves hop i that fails further along (before retries): a reservation whose payment fails. */
  function failureAfter(p: Plan['workloads'][number], i: number): number {
    let survive = 1;
    for (let j = i + 1; j < p.hops.length; j++) {
      const s = p.hops[j]!.station;
      survive *= (1 - reject[s]!) * (1 - errorP[s]!);
    }
    return 1 - survive;
  }

  /** Routes through the synchronous path of workload w, as a latency mixture of successful attempts. */
  function routesOf(w: number): LatencyMixture {
    return routesBetween(w, 0, wl[w]!.asyncFrom, routesScratch);
  }

  /**
   * Routes through hops [from, end) of workload w into `mix`: a mixture over cache hits and misses and
   * sold-out answers (which skip hops), each thinned by the refusals and errors on its way. In the
   * synchronous part a hand-off to a queue ends the route.
   */
  function routesBetween(w: number, from: number, end: number, mix: LatencyMixture): LatencyMixture {
    const p = wl[w]!;
    mix.reset();
    // Depth-first over cache branches, on a preallocated stack.
    let top = 0;
    top = pushRoute(stack, top, from, 1, 0, 0, 0);
    let branches = 0;
    while (top > 0) {
      const k = --top * 5;
      const at = stack[k]!;
      const weight0 = stack[k + 1]!;
      const shift0 = stack[k + 2]!;
      const mean0 = stack[k + 3]!;
      const variance0 = stack[k + 4]!;
      if (at >= end) {
        mix.add(weight0, shift0, mean0, variance0);
        continue;
      }
      const h = p.hops[at]!;
      const s = h.station;
      const weight = weight0 * (1 - reject[s]!) * (1 - errorP[s]!);
      if (weight <= 1e-12) continue;
      hopLatency(w, at);
      const shift = shift0 + hopLat.shift;
      const mean = mean0 + hopLat.mean;
      const variance = variance0 + hopLat.variance;
      const role = st[s]!.role;
      if (role === ROLE_ASYNC && end === p.asyncFrom) top = pushRoute(stack, top, end, weight, shift, mean, variance);
      else if (skips[s] && branches < MAX_ROUTES) {
        branches++;
        top = pushRoute(stack, top, Math.min(at + 1 + h.skipOnHit, end), weight * hit[s]!, shift, mean, variance);
        top = pushRoute(stack, top, at + 1, weight * (1 - hit[s]!), shift, mean, variance);
      } else top = pushRoute(stack, top, at + 1, weight, shift, mean, variance);
    }
    return mix;
  }

  function asyncLatency(w: number): number {
    const p = wl[w]!;
    let sum = 0;
    for (let i = p.asyncFrom; i < p.hops.length; i++) {
      hopLatency(w, i);
      sum += hopLat.shift + hopLat.mean;
    }
    return sum * passesPerDone(w);
  }

  /** p99 over the run of workload w's admitted users' wait, each interval weighted by the users it admitted. */
  function admittedQuantile(w: number): number {
    const all = new LatencyMixture();
    admittedPooled[w]!.addWeightedTo(all, admittedWeight[w]!);
    return pooledQuantile(all, 0.99, ...bracket([admittedP99[w]!]));
  }

  /** Into asyncScratch: the wait of workload w's admitted users, from the gate to the next hand-off. */
  function admittedRoute(w: number): void {
    const p = wl[w]!;
    let shift = 0;
    let mean = 0;
    let variance = 0;
    for (let i = p.asyncFrom; i < admittedEnd[w]!; i++) {
      hopLatency(w, i);
      shift += hopLat.shift;
      mean += hopLat.mean;
      variance += hopLat.variance;
    }
    asyncScratch.reset();
    asyncScratch.add(1, shift, mean, variance);
  }

  /** Share of workload w's background completions at this step later than its background deadline. */
  function asyncLateShare(w: number): number {
    const p = wl[w]!;
    // Sold-out answers and cache hits skip the rest, so they are quick; only what went the whole way is slow.
    const pass = routesBetween(w, p.asyncFrom, p.hops.length, passScratch);
    if (pass.count === 0) return 0;
    // A message redelivered after a failure makes k passes (k = 1..attempts): done ones, P(k) = fm^(k−1)(1 − fm) / (1 − fm^mm).
    const fm = messageFail[w]!;
    const mm = st[p.hops[p.asyncFrom - 1]!.station]!.maxAttempts;
    asyncScratch.reset();
    for (let k = 1; k <= mm; k++) {
      const share = doneOnTry(fm, mm, k);
      if (share < 1e-9) break;
      asyncScratch.addRepeated(pass, share, k);
    }
    return Math.max(0, 1 - asyncScratch.cdf(p.backgroundDeadlineSec));
  }

  /** Mean number of passes a message that got done made (1 when nothing fails; more with redeliveries). */
  function passesPerDone(w: number): number {
    const p = wl[w]!;
    const fm = messageFail[w]!;
    const mm = st[p.hops[p.asyncFrom - 1]!.station]!.maxAttempts;
    if (fm <= 0) return 1;
    let sum = 0;
    for (let k = 1; k <= mm; k++) sum += k * doneOnTry(fm, mm, k);
    return sum;
  }

  /** Share of visits that get through hops [from, to) of workload w without a rejection or an error. */
  function survival(w: number, from: number, to: number): number {
    const p = wl[w]!;
    let ok = 1;
    for (let j = from; j < to; j++) ok *= (1 - reject[p.hops[j]!.station]!) * (1 - errorP[p.hops[j]!.station]!);
    return ok;
  }

  /**
   * Side effects done twice per second at this step for workload w (no idempotency key). A user's
   * attempt that failed after its effect took place (an error further on, or a timeout while the server
   * carried on) is retried and does it again; an effect behind a queue takes place once the queue has
   * the message. A background message redelivered after its effect does it again too.
   */
  function duplicatesPerStep(w: number, f: number, fTimeout: number, m: number): number {
    const p = wl[w]!;
    const H = p.hops.length;
    let perSec = 0;
    // Retried attempts: attempt k (k < m) happens with probability f^(k-1) and is retried if it fails.
    let retried = 0;
    for (let k = 1; k < m; k++) retried += Math.pow(f, k - 1);
    for (const e of effectHops[w]!) {
      const at = Math.min(e, p.asyncFrom - 1);
      if (f > 0 && retried > 0 && at >= 0) {
        const effectful = survival(w, 0, at + 1) * (1 - survival(w, at + 1, p.asyncFrom)) + fTimeout;
        perSec += userRate[w]! * retried * Math.min(f, effectful);
      }
      if (e >= p.asyncFrom && asyncStart[w]! > 0) {
        const fm = messageFail[w]!;
        const mm = st[p.hops[p.asyncFrom - 1]!.station]!.maxAttempts;
        let redelivered = 0;
        for (let k = 1; k < mm; k++) redelivered += Math.pow(fm, k - 1);
        const messages = asyncStart[w]! / triesPerItem(fm, mm);
        perSec += messages * redelivered * survival(w, p.asyncFrom, e + 1) * (1 - survival(w, e + 1, H));
      }
    }
    return perSec;
  }

  /**
   * Hop i of workload w at this step, into hopLat: the station's shared wait plus the hop's own
   * service (a login's hashing, not the station's average), slowed by a fault, and its lock wait.
   */
  function hopLatency(w: number, i: number): void {
    const h = wl[w]!.hops[i]!;
    const ss = stationStep[h.station]!;
    const own = h.service.meanSec * ss.slow;
    if (ss.async) {
      hopLat.shift = ss.shift;
      hopLat.mean = own;
      hopLat.variance = 0;
      return;
    }
    const fixed = own * hopFixedShare[w]![i]!;
    const lock = h.locksRow ? ss.lockWait : 0;
    hopLat.shift = ss.shift + fixed;
    hopLat.mean = ss.wait + own - fixed + lock;
    hopLat.variance = ss.waitVar + own * own * h.service.scv + lock * lock;
  }

  /**
   * How long a caller at each hop of workload w waits on the hops after it in its segment (the
   * answer for a request, the end of the path for a background message), from the latest step;
   * a request's timeout frees the caller at that point. Cache hits and sold-out answers skip hops.
   */
  function holdTimes(w: number): void {
    if (!holds[w]) return;
    const p = wl[w]!;
    holdSegment(w, 0, p.asyncFrom, p.timeoutSec);
    holdSegment(w, p.asyncFrom, p.hops.length, Infinity);
  }

  function holdSegment(w: number, from: number, end: number, cap: number): void {
    const p = wl[w]!;
    const held = heldFor[w]!;
    const rest = remaining[w]!;
    const upTo = elapsed[w]!;
    // Each hop's latency once, as running totals: a timeout counts from the attempt's start (a caller reached
    // after 200 ms of a 300 ms budget waits at most 100 ms more).
    upTo[from] = 0;
    for (let i = from; i < end; i++) {
      hopLatency(w, i);
      upTo[i + 1] = upTo[i]! + hopLat.shift + hopLat.mean;
    }
    rest[end] = 0;
    for (let i = end - 1; i >= from; i--) {
      const h = p.hops[i]!;
      const s = h.station;
      const latency = upTo[i + 1]! - upTo[i]!;
      // A hand-off to a queue or stream ends the wait: the caller does not wait for the consumers behind it.
      const after = st[s]!.role === ROLE_ASYNC ? 0 : skips[s] ? (1 - hit[s]!) * rest[i + 1]! + hit[s]! * rest[Math.min(i + 1 + h.skipOnHit, end)]! : rest[i + 1]!;
      // A visit turned away (a failing or limiting station) answers after the network hop; one that errs ends the chain.
      const base = st[s]!.baseLatencySec;
      rest[i] = base + (1 - reject[s]!) * (latency - base + (1 - errorP[s]!) * after);
      held[i] = st[s]!.holdsCaller ? Math.min(rest[i + 1]!, cap < Infinity ? Math.max(0, cap - upTo[i + 1]!) : Infinity) : 0;
    }
  }

  const measuredSec = Math.max(1e-9, plan.durationSec - warmup);
  const pooled = new LatencyMixture();
  const workloads: RawWorkload[] = wl.map((p, w) => {
    const tot = wTot[w]!;
    const answered = tot.successes + tot.fallbacks + tot.late;
    pooled.reset();
    pooledAt[w]!.addWeightedTo(pooled, measuredAnswered[w]!);
    // The pooled quantile lies between the smallest and largest per-interval ones.
    const q = (pp: number, series: Float64Array): number => pooledQuantile(pooled, pp, ...bracket([series]));
    return {
      userRequests: Math.round(tot.user),
      attempts: Math.round(tot.attempts),
      successes: Math.round(tot.successes),
      fallbacks: Math.round(tot.fallbacks),
      errors: Math.round(tot.errors),
      timeouts: Math.round(tot.timeouts),
      late: Math.round(tot.late),
      unfinished: 0,
      meanSec: answered > 0 ? tot.latSum / answered : NaN,
      p50Sec: q(0.5, wSeries[w]!.p50),
      p95Sec: q(0.95, wSeries[w]!.p95),
      p99Sec: q(0.99, wSeries[w]!.p99),
      asyncCompleted: Math.round(tot.asyncDone),
      asyncMeanSec: tot.asyncDone > 0 ? tot.asyncSum / tot.asyncDone : NaN,
      deadLettered: Math.round(tot.dead),
      asyncLate: Math.round(tot.asyncLate),
      admittedP99Sec: admittedEnd[w]! > 0 ? admittedQuantile(w) : NaN,
      duplicates: Math.round(tot.duplicates),
      series: wSeries[w]!,
    };
  });
  const stations: RawStation[] = st.map((_, s) => {
    const tot = sTot[s]!;
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
      workByWorkload: work[s]!,
      series: sSeries[s]!,
    };
  });
  pooled.reset();
  for (let w = 0; w < W; w++) pooledAt[w]!.addWeightedTo(pooled, measuredAnswered[w]!);

  return {
    cancelled: false,
    raw: {
      level: 'horizon',
      steps,
      measuredSec,
      bucketSec,
      buckets: B,
      workloads,
      stations,
      allP95Sec: pooledQuantile(pooled, 0.95, ...bracket(wSeries.map((x) => x.p95))),
      allP99Sec: pooledQuantile(pooled, 0.99, ...bracket(wSeries.map((x) => x.p99))),
      warnings: [],
      inventory: st.map((_, s) => stocks.figures(s)),
    },
  };
}

/** Tries an item makes when each fails with probability f and it gets at most m: (1 − f^m) / (1 − f). */
function triesPerItem(f: number, m: number): number {
  return f < 1 ? (1 - Math.pow(f, m)) / (1 - f) : m;
}

/** Of the items that got done within m tries (each failing with probability f), the share done on try k. */
function doneOnTry(f: number, m: number, k: number): number {
  return f < 1 ? (Math.pow(f, k - 1) * (1 - f)) / (1 - Math.pow(f, m)) : 1 / m;
}

/** Pushes a partial route (hop, weight, shift, mean, variance) on the depth-first stack; returns the new top. */
function pushRoute(stack: Float64Array, top: number, at: number, weight: number, shift: number, mean: number, variance: number): number {
  const k = top * 5;
  stack[k] = at;
  stack[k + 1] = weight;
  stack[k + 2] = shift;
  stack[k + 3] = mean;
  stack[k + 4] = variance;
  return top + 1;
}

/** [min, max] of the finite values in some series. */
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

function backoffMean(retry: Plan['workloads'][number]['retry'], attempt: number): number {
  if (retry.policy === 'none') return 0;
  let d = retry.baseDelaySec;
  if (retry.policy === 'exponential') d = Math.min(retry.maxDelaySec, d * Math.pow(2, attempt - 1));
  return retry.jitter ? d / 2 : d;
}
