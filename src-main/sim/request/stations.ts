/**
 * Station parameters and live state as typed arrays. A station has one
 * queue per instance, or one shared queue (worker pools); queues of all
 * stations are numbered together: station s owns [queueBase[s], queueBase[s] + queueCount[s]).
 * Waiting jobs are linked through their J_NEXT field, one FIFO per queue and priority.
 */
import type { Plan } from '../plan';
import { NONE } from './events';

export interface StationTable {
  role: Int32Array;
  baseLatency: Float64Array;
  errorRate: Float64Array;
  maxQueue: Float64Array;
  maxDepth: Float64Array;
  queueBase: Int32Array;
  queueCount: Int32Array;
  /** Initial instances per station. */
  instances: Int32Array;
  /** Instances booting (autoscaling). */
  pending: Int32Array;
  serverCap: Float64Array;
  hasFaults: Uint8Array;
  roundRobin: Int32Array;
  /** Initial capacity (servers) per station; the live levels are in StationAreas. */
  capacity: Float64Array;
  // Per queue.
  qBusy: Int32Array;
  qServers: Float64Array;
  qLen: Int32Array;
  /** Per (queue, priority): first and last waiting job. */
  qHead: Int32Array;
  qTail: Int32Array;
}

export function stationTable(plan: Plan, priorities: number): StationTable {
  const st = plan.stations;
  const S = st.length;
  const queueCount = Int32Array.from(st, (s) => (s.sharedQueue ? 1 : s.instances));
  const queueBase = new Int32Array(S);
  let G = 0;
  for (let s = 0; s < S; s++) {
    queueBase[s] = G;
    G += queueCount[s]!;
  }
  const serverCap = Float64Array.from(st, (s) => s.consumerCap);
  const t: StationTable = {
    role: Int32Array.from(st, (s) => s.role),
    baseLatency: Float64Array.from(st, (s) => s.baseLatencySec),
    errorRate: Float64Array.from(st, (s) => s.errorRate),
    maxQueue: Float64Array.from(st, (s) => s.maxQueuePerInstance),
    maxDepth: Float64Array.from(st, (s) => s.maxDepth),
    queueBase,
    queueCount,
    instances: Int32Array.from(st, (s) => s.instances),
    pending: new Int32Array(S),
    serverCap,
    hasFaults: Uint8Array.from(st, (s) => (s.faults.length > 0 ? 1 : 0)),
    roundRobin: new Int32Array(S),
    capacity: new Float64Array(S),
    qBusy: new Int32Array(G),
    qServers: new Float64Array(G),
    qLen: new Int32Array(G),
    qHead: new Int32Array(G * priorities).fill(NONE),
    qTail: new Int32Array(G * priorities).fill(NONE),
  };
  for (let s = 0; s < S; s++) {
    const p = st[s]!;
    const servers = p.sharedQueue ? Math.min(p.instances * p.concurrency, serverCap[s]!) : p.concurrency;
    for (let i = 0; i < queueCount[s]!; i++) t.qServers[queueBase[s]! + i] = servers;
    t.capacity[s] = servers * queueCount[s]!;
  }
  return t;
}
