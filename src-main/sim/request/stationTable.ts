/**
 * Station parameters and live state as typed arrays. A station has one
 * queue per instance, or one shared queue (worker pools); queues of all
 * stations are numbered together: station s owns [queueBase[s], queueBase[s] + queueCount[s]).
 * Waiting jobs are linked through their J_NEXT field, one FIFO per queue and priority.
 */
import { doubles, doublesFrom, integers, integersFrom } from '../engine/arrays';
import type { Plan } from '../plan';
import { NONE } from './events';

export interface StationTable {
  role: number[];
  baseLatency: number[];
  errorRate: number[];
  maxQueue: number[];
  maxDepth: number[];
  queueBase: number[];
  queueCount: number[];
  /** Initial instances per station. */
  instances: number[];
  /** Instances booting (autoscaling). */
  pending: number[];
  serverCap: number[];
  hasFaults: number[];
  roundRobin: number[];
  /** Initial capacity (servers) per station; the live levels are in StationAreas. */
  capacity: number[];
  /** For a station with a CPU: cores per instance (0 for other stations), the share of a request's service spent on the CPU, and cores / share (requests the cores run at full speed). */
  cpuCores: number[];
  cpuShare: number[];
  cpuFull: number[];
  // Per queue.
  qBusy: number[];
  /** Requests in service per queue (an instance, or a worker pool's shared queue), for stations with a CPU. */
  qInService: number[];
  qServers: number[];
  qLen: number[];
  /** Per (queue, priority): first and last waiting job. */
  qHead: number[];
  qTail: number[];
}

export function stationTable(plan: Plan, priorities: number): StationTable {
  const st = plan.stations;
  const S = st.length;
  const queueCount = integersFrom(st, (s) => (s.sharedQueue ? 1 : s.instances));
  const queueBase = integers(S);
  let G = 0;
  for (let s = 0; s < S; s++) {
    queueBase[s] = G;
    G += queueCount[s]!;
  }
  const serverCap = doublesFrom(st, (s) => s.consumerCap);
  const t: StationTable = {
    role: integersFrom(st, (s) => s.role),
    baseLatency: doublesFrom(st, (s) => s.baseLatencySec),
    errorRate: doublesFrom(st, (s) => s.errorRate),
    maxQueue: doublesFrom(st, (s) => s.maxQueuePerInstance),
    maxDepth: doublesFrom(st, (s) => s.maxDepth),
    queueBase,
    queueCount,
    instances: integersFrom(st, (s) => s.instances),
    pending: integers(S),
    serverCap,
    hasFaults: integersFrom(st, (s) => (s.faults.length > 0 ? 1 : 0)),
    roundRobin: integers(S),
    capacity: doubles(S),
    cpuCores: doublesFrom(st, (s) => (s.cpu ? s.cpu.cores : 0)),
    cpuShare: doublesFrom(st, (s) => (s.cpu ? s.cpu.shareOfService : 0)),
    cpuFull: doublesFrom(st, (s) => (s.cpu && s.cpu.shareOfService > 0 ? s.cpu.cores / s.cpu.shareOfService : Infinity)),
    qBusy: integers(G),
    qInService: integers(G),
    qServers: doubles(G),
    qLen: integers(G),
    qHead: integers(G * priorities, NONE),
    qTail: integers(G * priorities, NONE),
  };
  for (let s = 0; s < S; s++) {
    const p = st[s]!;
    const servers = p.sharedQueue ? Math.min(p.instances * p.concurrency, serverCap[s]!) : p.concurrency;
    for (let i = 0; i < queueCount[s]!; i++) t.qServers[queueBase[s]! + i] = servers;
    t.capacity[s] = servers * queueCount[s]!;
  }
  return t;
}
