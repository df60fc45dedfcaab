/**
 * The hops of every workload's path, flattened into typed arrays: workload w
 * owns hops [start[w], start[w] + count[w]). Per hop: the station, its
 * service-time distribution, row locking, cache skip and instance choice.
 */
import { doublesFrom, integers, integersFrom } from '../engine/arrays';
import type { Plan } from '../plan';

export interface HopTable {
  station: number[];
  /** Hops a cache hit skips. */
  skip: number[];
  locks: number[];
  balancing: number[];
  dist: number[];
  mean: number[];
  min: number[];
  max: number[];
  logMu: number[];
  logSigma: number[];
  /**
   * HOP_HOLDS where the station is a caller with more hops to go in the same
   * segment (up to the answer for hops before a queue's hand-off, up to the
   * path's end after it), | HOP_CPU where the station has a CPU (a pooled store, or an instance whose threads outnumber its cores),
   * | HOP_EFFECT where finishing the hop's service does side effects a retry or a redelivery may repeat; 0 for most.
   */
  flags: number[];
  /**
   * Per hop with HOP_EFFECT: the side effects its service does, one bit per
   * effect hop of its workload (the k-th effect hop is bit k, at most bit 30).
   * A sideEffect hop has its own bit; the queue hand-off of a synchronous
   * part also carries the bits of the effect hops behind it (the message it
   * hands over will do them). 0 elsewhere, and for every hop of a workload
   * with an idempotency key (its effects are never repeated).
   */
  effects: number[];
  /** Per workload: 1 when it has side effects that retries or redeliveries may repeat (effect hops, no idempotency key). */
  repeats: number[];
  /** Per workload: its first hop, how many, and where its synchronous part ends. */
  start: number[];
  count: number[];
  syncEnd: number[];
}

export const HOP_HOLDS = 1;
export const HOP_CPU = 2;
export const HOP_EFFECT = 4;

/** Per hop of every workload, flattened: the side-effect bits its service completes (see HopTable.effects). */
function effectBits(plan: Plan): number[] {
  return plan.workloads.flatMap((w) => {
    const bits = w.hops.map(() => 0);
    if (w.idempotencyKey) return bits;
    let k = 0;
    let behindQueue = 0;
    w.hops.forEach((h, i) => {
      if (!h.sideEffect) return;
      const bit = 1 << Math.min(k++, 30);
      bits[i] = bits[i]! | bit;
      if (i >= w.asyncFrom) behindQueue |= bit;
    });
    // The queue's hand-off: a request's attempt whose message the queue took has, in effect, done them.
    if (behindQueue !== 0 && w.asyncFrom > 0) bits[w.asyncFrom - 1] = bits[w.asyncFrom - 1]! | behindQueue;
    return bits;
  });
}

export function hopTable(plan: Plan): HopTable {
  const hops = plan.workloads.flatMap((w) => w.hops);
  const effects = effectBits(plan);
  const flags = plan.workloads.flatMap((w) =>
    w.hops.map((h, i) => {
      const station = plan.stations[h.station]!;
      const segmentEnd = i < w.asyncFrom ? w.asyncFrom : w.hops.length;
      return (station.holdsCaller && i + 1 < segmentEnd ? HOP_HOLDS : 0) | (station.cpu ? HOP_CPU : 0);
    }),
  ).map((f, gh) => f | (effects[gh] !== 0 ? HOP_EFFECT : 0));
  const W = plan.workloads.length;
  const table: HopTable = {
    station: integersFrom(hops, (h) => h.station),
    skip: integersFrom(hops, (h) => Math.min(h.skipOnHit, 1_000_000)),
    locks: integersFrom(hops, (h) => (h.locksRow ? 1 : 0)),
    balancing: integersFrom(hops, (h) => h.balancing),
    dist: integersFrom(hops, (h) => h.service.kind),
    mean: doublesFrom(hops, (h) => h.service.meanSec),
    min: doublesFrom(hops, (h) => h.service.minSec),
    max: doublesFrom(hops, (h) => h.service.maxSec),
    logMu: doublesFrom(hops, (h) => h.service.logMu),
    logSigma: doublesFrom(hops, (h) => h.service.logSigma),
    flags: integersFrom(flags, (f) => f),
    effects: integersFrom(effects, (e) => e),
    repeats: integers(W),
    start: integers(W),
    count: integers(W),
    syncEnd: integers(W),
  };
  let offset = 0;
  plan.workloads.forEach((w, i) => {
    table.start[i] = offset;
    table.count[i] = w.hops.length;
    table.syncEnd[i] = w.asyncFrom;
    for (let h = 0; h < w.hops.length; h++) if (effects[offset + h] !== 0) table.repeats[i] = 1;
    offset += w.hops.length;
  });
  return table;
}
