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
   * path's end after it), | HOP_CPU where the station has a CPU (a pooled store, or an instance whose threads outnumber its cores); 0 for most.
   */
  flags: number[];
  /** Per workload: its first hop, how many, and where its synchronous part ends. */
  start: number[];
  count: number[];
  syncEnd: number[];
}

export const HOP_HOLDS = 1;
export const HOP_CPU = 2;

export function hopTable(plan: Plan): HopTable {
  const hops = plan.workloads.flatMap((w) => w.hops);
  const flags = plan.workloads.flatMap((w) =>
    w.hops.map((h, i) => {
      const station = plan.stations[h.station]!;
      const segmentEnd = i < w.asyncFrom ? w.asyncFrom : w.hops.length;
      return (station.holdsCaller && i + 1 < segmentEnd ? HOP_HOLDS : 0) | (station.cpu ? HOP_CPU : 0);
    }),
  );
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
    start: integers(W),
    count: integers(W),
    syncEnd: integers(W),
  };
  let offset = 0;
  plan.workloads.forEach((w, i) => {
    table.start[i] = offset;
    table.count[i] = w.hops.length;
    table.syncEnd[i] = w.asyncFrom;
    offset += w.hops.length;
  });
  return table;
}
