/**
 * Path latency at a step. A hop's latency is its station's shared wait plus
 * the hop's own service; a route is one way through a path (a cache hit
 * skips hops, a miss does not), and its latency a shifted gamma with the
 * summed shift, mean and variance of its hops. A path's latency is the
 * mixture of its routes, each weighted by the share of visits taking it.
 */
import { ROLE_ASYNC } from '../plan';
import type { LatencyMixture } from './latencyModel';
import { MAX_ROUTES, type HorizonState } from './state';

/**
 * Hop i of workload w at this step, into state.hopLat: the station's shared wait plus the hop's own
 * service (a login's hashing, not the station's average), slowed by a fault, and its lock wait.
 */
export function hopLatency(state: HorizonState, w: number, i: number): void {
  const h = state.wl[w]!.hops[i]!;
  const ss = state.stationStep[h.station]!;
  const out = state.hopLat;
  const own = h.service.meanSec * ss.slow;
  if (ss.async) {
    out.shift = ss.shift;
    out.mean = own;
    out.variance = 0;
    return;
  }
  const fixed = own * state.hopFixedShare[w]![i]!;
  const lock = h.locksRow ? ss.lockWait : 0;
  out.shift = ss.shift + fixed;
  out.mean = ss.wait + own - fixed + lock;
  out.variance = ss.waitVar + own * own * h.service.scv + lock * lock;
}

/** Share of visits that get through hops [from, to) of workload w without a refusal or an error. */
export function survival(state: HorizonState, w: number, from: number, to: number): number {
  const hops = state.wl[w]!.hops;
  let ok = 1;
  for (let j = from; j < to; j++) ok *= (1 - state.reject[hops[j]!.station]!) * (1 - state.errorP[hops[j]!.station]!);
  return ok;
}

/** Routes through the synchronous path of workload w (successful attempts), into state.routes. */
export function answerRoutes(state: HorizonState, w: number): LatencyMixture {
  return routesBetween(state, w, 0, state.wl[w]!.asyncFrom, state.routes);
}

/**
 * Routes through hops [from, end) of workload w into `mix`: a mixture over cache hits and misses and
 * sold-out answers (which skip hops), each thinned by the refusals and errors on its way. In the
 * synchronous part a hand-off to a queue ends the route.
 */
export function routesBetween(state: HorizonState, w: number, from: number, end: number, mix: LatencyMixture): LatencyMixture {
  const p = state.wl[w]!;
  const { st, reject, errorP, skips, hit, hopLat } = state;
  const stack = state.routeStack;
  mix.reset();
  // Depth-first over cache branches, on a preallocated stack of (hop, weight, shift, mean, variance).
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
    hopLatency(state, w, at);
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

/** Hops [from, to) of workload w as one route (no branches), into `mix`. */
export function straightRoute(state: HorizonState, w: number, from: number, to: number, mix: LatencyMixture): LatencyMixture {
  const hopLat = state.hopLat;
  let shift = 0;
  let mean = 0;
  let variance = 0;
  for (let i = from; i < to; i++) {
    hopLatency(state, w, i);
    shift += hopLat.shift;
    mean += hopLat.mean;
    variance += hopLat.variance;
  }
  mix.reset();
  mix.add(1, shift, mean, variance);
  return mix;
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
