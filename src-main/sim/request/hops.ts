/**
 * The hops of every workload's path, flattened into typed arrays: workload w
 * owns hops [start[w], start[w] + count[w]). Per hop: the station, its
 * service-time distribution, row locking, cache skip and instance choice.
 */
import type { Plan } from '../plan';

export interface HopTable {
  station: Int32Array;
  /** Hops a cache hit skips. */
  skip: Int32Array;
  locks: Uint8Array;
  balancing: Int32Array;
  dist: Int32Array;
  mean: Float64Array;
  min: Float64Array;
  max: Float64Array;
  logMu: Float64Array;
  logSigma: Float64Array;
  /** Per workload: its first hop, how many, and where its synchronous part ends. */
  start: Int32Array;
  count: Int32Array;
  syncEnd: Int32Array;
}

export function hopTable(plan: Plan): HopTable {
  const hops = plan.workloads.flatMap((w) => w.hops);
  const W = plan.workloads.length;
  const table: HopTable = {
    station: Int32Array.from(hops, (h) => h.station),
    skip: Int32Array.from(hops, (h) => Math.min(h.skipOnHit, 1_000_000)),
    locks: Uint8Array.from(hops, (h) => (h.locksRow ? 1 : 0)),
    balancing: Int32Array.from(hops, (h) => h.balancing),
    dist: Int32Array.from(hops, (h) => h.service.kind),
    mean: Float64Array.from(hops, (h) => h.service.meanSec),
    min: Float64Array.from(hops, (h) => h.service.minSec),
    max: Float64Array.from(hops, (h) => h.service.maxSec),
    logMu: Float64Array.from(hops, (h) => h.service.logMu),
    logSigma: Float64Array.from(hops, (h) => h.service.logSigma),
    start: new Int32Array(W),
    count: new Int32Array(W),
    syncEnd: new Int32Array(W),
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
