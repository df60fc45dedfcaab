/**
 * The background part of a path: the hops after a queue hands a message on.
 * A message whose pass fails is redelivered, up to the queue's maxAttempts,
 * then dead-lettered; a done message may have made several passes, so its
 * latency is a mixture over 1..maxAttempts passes. Behind a virtual-queue
 * gate, admitted users wait again for the hops up to the next hand-off.
 */
import type { LatencyMixture } from './latencyModel';
import { doneOnTry } from './retries';
import { hopLatency, routesBetween, straightRoute } from './routes';
import type { HorizonState } from './state';

/** Redelivery limit of the queue that starts workload w's background part. */
export function maxDeliveries(state: HorizonState, w: number): number {
  const p = state.wl[w]!;
  return state.st[p.hops[p.asyncFrom - 1]!.station]!.maxAttempts;
}

/** Mean time from hand-off to done of workload w's messages at this step (all passes). */
export function backgroundLatency(state: HorizonState, w: number): number {
  const p = state.wl[w]!;
  const hopLat = state.hopLat;
  let sum = 0;
  for (let i = p.asyncFrom; i < p.hops.length; i++) {
    hopLatency(state, w, i);
    sum += hopLat.shift + hopLat.mean;
  }
  return sum * passesPerDone(state, w);
}

/** Mean number of passes a message that got done made (1 when nothing fails; more with redeliveries). */
function passesPerDone(state: HorizonState, w: number): number {
  const fm = state.messageFail[w]!;
  const mm = maxDeliveries(state, w);
  if (fm <= 0) return 1;
  let sum = 0;
  for (let k = 1; k <= mm; k++) sum += k * doneOnTry(fm, mm, k);
  return sum;
}

/** Share of workload w's background completions at this step later than its background deadline. */
export function backgroundLateShare(state: HorizonState, w: number): number {
  const p = state.wl[w]!;
  // Sold-out answers and cache hits skip the rest, so they are quick; only what went the whole way is slow.
  const pass = routesBetween(state, w, p.asyncFrom, p.hops.length, state.pass);
  if (pass.count === 0) return 0;
  // A message done after k passes (k = 1..attempts): P(k) = fm^(k−1)(1 − fm) / (1 − fm^mm).
  const fm = state.messageFail[w]!;
  const mm = maxDeliveries(state, w);
  const all = state.background;
  all.reset();
  for (let k = 1; k <= mm; k++) {
    const share = doneOnTry(fm, mm, k);
    if (share < 1e-9) break;
    all.addRepeated(pass, share, k);
  }
  return Math.max(0, 1 - all.cdf(p.backgroundDeadlineSec));
}

/** Messages of workload w dead-lettered this step: those that failed every pass. */
export function deadLettered(state: HorizonState, w: number): number {
  const mm = maxDeliveries(state, w);
  const fm = state.messageFail[w]!;
  const started = state.asyncStart[w]! * state.dt;
  // asyncStart counts passes; when every pass fails, each message makes mm of them.
  const dead = fm >= 1 - 1e-9 ? started / mm : (started * Math.pow(fm, mm) * (1 - fm)) / (1 - Math.pow(fm, mm));
  return Number.isFinite(dead) ? dead : 0;
}

/** The wait of workload w's admitted users at this step, from the gate to the next hand-off (one route). */
export function admittedWait(state: HorizonState, w: number): LatencyMixture {
  return straightRoute(state, w, state.wl[w]!.asyncFrom, state.admittedEnd[w]!, state.background);
}

