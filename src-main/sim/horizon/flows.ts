/**
 * Step 1: flows along each path. Each workload's attempt rate (users × the
 * tries each makes, from the last step's failure share) enters at its first
 * hop and flows on, thinned by the refusals and errors measured at the
 * previous step; cache hits and sold-out answers skip ahead; a queue fans
 * its messages out and multiplies them by their redeliveries. The stations
 * collect what arrives (rates, service sums, held time, locks) for step 2.
 * A virtual-queue gate stops its workloads' flow until every workload has
 * joined it; they go on from there with what it released.
 */
import { failing } from '../faults';
import { workloadRateAt, ROLE_ASYNC, ROLE_INVENTORY } from '../plan';
import { holdTimes } from './callers';
import { triesPerItem } from './retries';
import { survival } from './routes';
import type { HorizonState } from './state';

export function flowAlongPaths(state: HorizonState): void {
  const { plan, wl, st, W, t, dt, gates, pausedAt, flows, userRate, attemptRate, attemptFail, syncDone, asyncDone, admittedNow } = state;
  const rate = plan.traffic.rateAt(t);
  for (let w = 0; w < W; w++) holdTimes(state, w);
  for (let w = 0; w < W; w++) {
    const p = wl[w]!;
    const m = p.retry.policy === 'none' ? 1 : p.retry.maxAttempts;
    userRate[w] = p.part === 'all' ? p.share * rate : workloadRateAt(plan.traffic, p, t);
    attemptRate[w] = userRate[w]! * triesPerItem(attemptFail[w]!, m);
    const flow = flows[w]!;
    flow.fill(0);
    flow[0] = attemptRate[w]!;
    propagate(state, w, 0);
  }
  if (!gates.any) return;
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
    propagate(state, w, i + 1);
  }
}

/** Carries workload w's flow along its path from hop `from`; stops at a gate until the gates have resolved. */
function propagate(state: HorizonState, w: number, from: number): void {
  const { st, S, reject, errorP, skips, hit, messageFail, syncDone, asyncDone, asyncStart, asyncInto } = state;
  const p = state.wl[w]!;
  const flow = state.flows[w]!;
  const H = p.hops.length;
  const syncEnd = p.asyncFrom;
  for (let i = from; i < H; i++) {
    let x = flow[i]!;
    // A gate releases its waiting users even when nobody joins.
    if (x <= 0 && !st[p.hops[i]!.station]!.admission) continue;
    const h = p.hops[i]!;
    const s = h.station;
    const station = st[s]!;
    if (i === syncEnd && syncEnd < H) {
      // Messages are retried from their queue: more work for the background hops.
      x *= triesPerItem(messageFail[w]!, st[p.hops[i - 1]!.station]!.maxAttempts);
      flow[i] = x;
      asyncStart[w] = x;
    }
    arrive(state, w, i, x);
    const ok = x * (1 - reject[s]!) * (1 - errorP[s]!);
    if (station.admission) {
      state.gates.join(s, w, x * (1 - errorP[s]!));
      state.pausedAt[w] = i;
      return;
    }
    // A reservation whose later hops fail (its payment) is given back: the counter needs that share.
    if (station.role === ROLE_INVENTORY && ok > 0) state.stocks.noteReserved(s, ok * (1 - hit[s]!), 1 - survival(state, w, i + 1, H));
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

/** What x visits per second of workload w at hop i bring to its station: load, service, held time, locks. */
function arrive(state: HorizonState, w: number, i: number, x: number): void {
  const { S, W } = state;
  const h = state.wl[w]!.hops[i]!;
  const s = h.station;
  const meanSec = h.service.meanSec;
  state.lam[s]! += x;
  const caller = state.callerOf[w]![i]!;
  if (caller >= 0) {
    state.viaCaller[s]! += x;
    state.feeds[caller * S + s] = 1;
  }
  state.serviceSum[s]! += x * meanSec;
  state.service2Sum[s]! += x * meanSec * meanSec * (1 + h.service.scv);
  state.flowBy[s * W + w]! += x;
  state.serviceBy[s * W + w]! += x * meanSec;
  const held = state.heldFor[w]![i]!;
  if (held > 0) {
    state.heldSum[s]! += x * held;
    state.held2Sum[s]! += x * held * held;
    state.heldServiceSum[s]! += x * held * meanSec;
    state.heldBy[s * W + w]! += x * held;
  }
  if (h.locksRow) {
    state.lamLock[s]! += x;
    state.lockServiceSum[s]! += x * meanSec;
    state.lockBy[s * W + w]! += x;
  }
}
