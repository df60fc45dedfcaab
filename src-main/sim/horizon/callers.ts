/**
 * Callers that hold a thread (app servers, auth services, workers): a
 * synchronous call keeps the caller's thread until it is answered, fails or
 * times out. So a caller is busy for its own service plus the calls it waits
 * on, and a station called only by such callers never has more waiting than
 * their threads: the rest wait upstream, for a thread.
 */
import { ROLE_ASYNC } from '../plan';
import { hopLatency } from './routes';
import type { HorizonState } from './state';

/**
 * How long a caller at each hop of workload w waits on the hops after it in its segment (the
 * answer for a request, the end of the path for a background message), from the latest step;
 * a request's timeout frees the caller at that point. Cache hits and sold-out answers skip hops.
 */
export function holdTimes(state: HorizonState, w: number): void {
  if (!state.holds[w]) return;
  const p = state.wl[w]!;
  holdSegment(state, w, 0, p.asyncFrom, p.timeoutSec);
  holdSegment(state, w, p.asyncFrom, p.hops.length, Infinity);
}

function holdSegment(state: HorizonState, w: number, from: number, end: number, cap: number): void {
  const p = state.wl[w]!;
  const { st, reject, errorP, skips, hit, hopLat } = state;
  const held = state.heldFor[w]!;
  const rest = state.remaining[w]!;
  const upTo = state.elapsed[w]!;
  // Each hop's latency once, as running totals: a timeout counts from the attempt's start (a caller reached
  // after 200 ms of a 300 ms budget waits at most 100 ms more).
  upTo[from] = 0;
  for (let i = from; i < end; i++) {
    hopLatency(state, w, i);
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

/** The most station s can have waiting when every visit comes from callers holding threads (Infinity otherwise). */
export function callersRoom(state: HorizonState, s: number, x: number, servers: number): number {
  if (x <= 0 || state.viaCaller[s]! < x * 0.999) return Infinity;
  const { st, S, feeds, instances } = state;
  let threads = 0;
  for (let h = 0; h < S; h++) if (feeds[h * S + s] === 1) threads += (st[h]!.sharedQueue ? instances[h]! : st[h]!.instances) * st[h]!.concurrency;
  return Math.max(0, threads - servers);
}
