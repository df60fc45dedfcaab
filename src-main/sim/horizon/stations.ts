/**
 * Step 2: each station at this step, from the flow step 1 brought it.
 *
 * - While arrivals stay below capacity, the wait is the Erlang C figure
 *   (scaled by (1 + Cs²)/2 for non-exponential service); above it, a
 *   backlog grows by (λ − cμ)·dt and everyone waits behind it, and it drains
 *   at (cμ − λ) once load falls. Bounded queues reject what does not fit; a
 *   loss system (no waiting room) refuses by Erlang B.
 * - A server is held for a visit's service, its wait for a locked row, and
 *   (for a caller) the calls it waits on; past a store's CPU cores, more
 *   connections only wait.
 * - Faults fail, slow or add errors; rate limiters and gates refuse;
 *   autoscalers add instances after their warm-up.
 */
import { failing, faultErrorRate, slowFactor } from '../faults';
import { ROLE_ASYNC, ROLE_CACHE, ROLE_INVENTORY, ROLE_RATE_LIMITER } from '../plan';
import { erlangB } from '../theory/erlangB';
import { erlangC } from '../theory/erlangC';
import { pollaczekKhinchineWait } from '../theory/pollaczekKhinchine';
import { callersRoom } from './callers';
import type { HorizonState } from './state';

/** Above this utilisation the steady-state formula is held (the backlog takes over). */
const RHO_CAP = 0.98;
/** Beyond this many servers a station is treated as never waiting below RHO_CAP (Erlang C ~ 0). */
const MANY_SERVERS = 2000;

export function stepStation(state: HorizonState, s: number): void {
  const { st, t, dt, backlog, instances, hit, errorP } = state;
  const station = st[s]!;
  const x = state.lam[s]!;
  if (station.autoscale) readyInstances(state, s);
  const queues = station.sharedQueue ? 1 : station.instances;
  const poolServers = Math.min(station.sharedQueue ? instances[s]! * station.concurrency : station.instances * station.concurrency, state.serverCap[s]!);
  const slow = slowFactor(station.faults, t);
  const down = failing(station.faults, t);
  errorP[s] = faultErrorRate(station.faults, t, station.errorRate);
  const meanS = x > 0 ? (state.serviceSum[s]! / x) * slow : station.service.meanSec * slow;
  const meanS2 = x > 0 ? (state.service2Sum[s]! / x) * slow * slow : meanS * meanS * (1 + station.service.scv);
  const lockWait = rowLockWait(state, s, meanS, slow);
  // What one visit occupies a server for: its own service, a lock wait, and (for a caller) the calls it waits on.
  const lockShare = x > 0 ? state.lamLock[s]! / x : 0;
  const heldMean = x > 0 ? state.heldSum[s]! / x : 0;
  const hold = meanS + lockShare * lockWait + heldMean;
  const hold2 = x > 0 ? meanS2 + (2 * state.heldServiceSum[s]! * slow) / x + state.held2Sum[s]! / x + lockShare * lockWait * (lockWait + 2 * meanS) : meanS2;
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
  if (station.role === ROLE_CACHE) hit[s] = down ? 0 : state.cacheHit[s]!;
  if (down && station.role !== ROLE_CACHE) rejected = 1;
  else if (station.role === ROLE_RATE_LIMITER && station.rateLimit && x > station.rateLimit.ratePerSec) rejected = 1 - station.rateLimit.ratePerSec / x;
  else if (station.admission) rejected = state.gates.rejected(s);
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
      // Called only by callers holding a thread per call, the waiting room is those threads (callers.ts).
      const heldRoom = callersRoom(state, s, x, totalServers);
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
  state.reject[s] = rejected;
  state.depthNow[s] = depth;
  // The counter sees the attempts that got through; its sold-out share routes the next step.
  if (station.role === ROLE_INVENTORY) hit[s] = state.stocks.step(s, x * (1 - rejected) * (1 - errorP[s]!), dt);
  const fluidWait = capacity > 0 && Number.isFinite(capacity) ? backlog[s]! / capacity : 0;
  const sst = state.stationStep[s]!;
  sst.shift = station.baseLatencySec + (station.role === ROLE_ASYNC ? 0 : fluidWait);
  sst.wait = station.role === ROLE_ASYNC ? 0 : wait;
  sst.waitVar = station.role === ROLE_ASYNC ? 0 : waitVar;
  sst.slow = slow;
  sst.lockWait = lockWait;
  if (station.autoscale) autoscale(state, s, utilisation, poolServers, depth, cpuUtilisation);

  const busy = utilisation * poolServers;
  const { b, perBucket } = state;
  const tally = state.stationTally[s]!;
  const ss = tally.series;
  ss.utilisation[b]! += utilisation / perBucket;
  ss.queueDepth[b]! += depth / perBucket;
  ss.busy[b]! += busy / perBucket;
  ss.instances[b]! += instances[s]! / perBucket;
  ss.arrivals[b]! += x / perBucket;
  ss.cpu[b]! += cpuUtilisation / perBucket;
  if (station.role === ROLE_CACHE) ss.hitRatio[b] = hit[s]!;
  if (!state.measuring) return;
  const tot = tally.totals;
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
  const { W, serviceBy, lockBy, heldBy } = state;
  const work = tally.work;
  for (let w = 0; w < W; w++) work[w]! += (serviceBy[s * W + w]! * slow + lockBy[s * W + w]! * lockWait + heldBy[s * W + w]!) * (1 - rejected) * dt;
  tot.heldSec += state.heldSum[s]! * (1 - rejected) * dt;
}

/**
 * Mean wait for a hot row at station s. Each hot row is a single-server queue of the transactions
 * that lock it (Pollaczek-Khinchine, with a backlog past saturation); waiting for it holds a connection.
 */
function rowLockWait(state: HorizonState, s: number, meanS: number, slow: number): number {
  const station = state.st[s]!;
  const lamLock = state.lamLock[s]!;
  if (!(lamLock > 0 && station.hotRows > 0 && meanS > 0)) return 0;
  const lockS = (state.lockServiceSum[s]! / lamLock) * slow;
  const perRow = lamLock / station.hotRows;
  const rhoRow = perRow * lockS;
  const lockBacklog = state.lockBacklog;
  lockBacklog[s] = Math.max(0, lockBacklog[s]! + (perRow - 1 / lockS) * state.dt);
  return (pollaczekKhinchineWait(Math.min(rhoRow, RHO_CAP) / lockS, lockS, 1) ?? 0) + lockBacklog[s]! * lockS;
}

/** Instances whose warm-up has ended join station s. */
function readyInstances(state: HorizonState, s: number): void {
  const { pendingReady, instances, t } = state;
  const maxInstances = state.st[s]!.autoscale!.maxInstances;
  for (let k = pendingReady.length - 1; k >= 0; k--) {
    const r = pendingReady[k]!;
    if (r.station === s && r.at <= t) {
      instances[s] = Math.min(maxInstances, instances[s]! + 1);
      pendingReady.splice(k, 1);
    }
  }
}

/** Autoscaling on the queue depth or the CPU: starts instances (ready after a warm-up) or stops them at once. */
function autoscale(state: HorizonState, s: number, utilisation: number, poolServers: number, depth: number, cpuUtilisation: number): void {
  const { pendingReady, instances, lastCheck, t } = state;
  const station = state.st[s]!;
  const a = station.autoscale!;
  if (t - lastCheck[s]! < a.checkEverySec) return;
  lastCheck[s] = t;
  const pending = pendingReady.filter((r) => r.station === s).length;
  // On the CPU: this step's utilisation stands for the period since the last check.
  const wanted = a.on === 'cpu' ? Math.ceil((instances[s]! * cpuUtilisation) / a.targetCpu) : Math.ceil((utilisation * poolServers) / station.concurrency + depth / a.targetQueuePerInstance);
  const desired = Math.min(a.maxInstances, Math.max(a.minInstances, wanted));
  if (desired > instances[s]! + pending) for (let k = instances[s]! + pending; k < desired; k++) pendingReady.push({ at: t + a.warmupSec, station: s });
  else if (desired < instances[s]! && pending === 0) instances[s] = desired;
}

/** A queue's depth is the backlog of the consumers it feeds; a gate's is the users waiting to be admitted. */
export function tallyQueueDepths(state: HorizonState): void {
  const { st, S, lam, depthNow, asyncInto, gates, b, perBucket, dt } = state;
  for (let q = 0; q < S; q++) {
    if (st[q]!.role !== ROLE_ASYNC) continue;
    let depth = st[q]!.admission ? gates.waiting(q) : 0;
    for (let s = 0; s < S && !st[q]!.admission; s++) {
      const into = asyncInto[q * S + s]!;
      if (into > 0 && lam[s]! > 0) depth += depthNow[s]! * Math.min(1, into / lam[s]!);
    }
    const tally = state.stationTally[q]!;
    tally.series.queueDepth[b]! += depth / perBucket;
    if (!state.measuring) continue;
    const tot = tally.totals;
    tot.queueArea += depth * dt;
    tot.peakQueue = Math.max(tot.peakQueue, depth);
    // Little: those joining now wait about (users ahead) / (admission rate).
    if (st[q]!.admission) tot.waitSum += lam[q]! * (1 - state.reject[q]!) * dt * (depth / st[q]!.admission!.admitPerSec);
  }
}
