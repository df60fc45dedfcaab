/** Model -> Plan: ids to indices, defaults filled in, milliseconds to seconds. */
import { WORKLOAD_DEFAULTS } from './defaults';
import { toStation } from './models/index';
import { POLICY_ROUND_ROBIN, ROLE_ASYNC, ROLE_CACHE, toDist, type HopPlan, type Plan, type RetryPlan, type StationPlan, type WorkloadPlan } from './plan';
import { trafficDurationSec, trafficPlan } from './traffic';
import type { Model, WorkloadSpec } from './types';

function retryPlan(w: WorkloadSpec): RetryPlan {
  const r = w.retry;
  if (!r || r.policy === 'none') return { policy: 'none', maxAttempts: 1, baseDelaySec: 0, maxDelaySec: 0, jitter: false };
  return {
    policy: r.policy,
    maxAttempts: r.maxAttempts ?? 3,
    baseDelaySec: (r.baseDelayMs ?? WORKLOAD_DEFAULTS.retryBaseDelayMs.value) / 1000,
    maxDelaySec: (r.maxDelayMs ?? WORKLOAD_DEFAULTS.retryMaxDelayMs.value) / 1000,
    jitter: r.jitter ?? true,
  };
}

export function compile(model: Model): Plan {
  const ids = Object.keys(model.components);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const stations: StationPlan[] = ids.map((id, i) => toStation(id, i, model.components[id]!));
  for (const f of model.faults ?? []) {
    stations[indexOf.get(f.component)!]!.faults.push({ fromSec: f.fromSec, toSec: f.toSec, effect: f.effect, factor: f.factor ?? 1, errorRate: f.errorRate ?? 0 });
  }
  const priorities = [...new Set(Object.values(model.workloads).map((w) => w.priority ?? 0))].sort((a, b) => b - a);
  const workloads: WorkloadPlan[] = Object.entries(model.workloads).map(([id, w], index) => {
    const hops: HopPlan[] = w.path.map((hop, i) => {
      const spec = typeof hop === 'string' ? { component: hop } : hop;
      const station = stations[indexOf.get(spec.component)!]!;
      const before = i > 0 ? w.path[i - 1]! : null;
      const beforeStation = before === null ? null : stations[indexOf.get(typeof before === 'string' ? before : before.component)!]!;
      return {
        station: station.index,
        service: 'serviceTime' in spec && spec.serviceTime !== undefined ? toDist(spec.serviceTime, { distribution: 'exponential' }) : station.service,
        locksRow: 'locksRow' in spec ? spec.locksRow === true : false,
        skipOnHit: 'skipOnHit' in spec && spec.skipOnHit !== undefined ? spec.skipOnHit : Infinity,
        // Only a load balancer has a policy other than round robin.
        balancing: beforeStation ? beforeStation.balancing : POLICY_ROUND_ROBIN,
        sideEffect: 'sideEffect' in spec ? spec.sideEffect === true : false,
      };
    });
    let asyncFrom = hops.length;
    for (let i = 0; i < hops.length; i++) {
      if (stations[hops[i]!.station]!.role === ROLE_ASYNC) {
        asyncFrom = i + 1;
        break;
      }
    }
    // A cache hit skips at most the rest of the synchronous part.
    for (let i = 0; i < asyncFrom; i++) {
      const h = hops[i]!;
      if (stations[h.station]!.role === ROLE_CACHE) h.skipOnHit = Math.min(h.skipOnHit, asyncFrom - i - 1);
    }
    return {
      id,
      index,
      share: w.share ?? 1,
      hops,
      asyncFrom,
      deadlineSec: (w.deadlineMs ?? WORKLOAD_DEFAULTS.deadlineMs.value) / 1000,
      timeoutSec: w.timeoutMs === undefined ? Infinity : w.timeoutMs / 1000,
      retry: retryPlan(w),
      fallbackSec: w.fallback ? w.fallback.latencyMs / 1000 : null,
      fallbackAcceptable: w.fallback?.acceptable === true,
      idempotencyKey: w.idempotencyKey === true,
      backgroundDeadlineSec: w.backgroundDeadlineMs === undefined ? Infinity : w.backgroundDeadlineMs / 1000,
      part: w.part ?? 'all',
      priority: priorities.indexOf(w.priority ?? 0),
    };
  });
  // A worker pool fed by a stream (the one kind with partitions) can run at most one message per partition.
  for (const w of workloads) {
    w.hops.forEach((h, i) => {
      const next = w.hops[i + 1];
      const from = stations[h.station]!;
      if (from.partitions > 0 && next && stations[next.station]!.sharedQueue) {
        const consumer = stations[next.station]!;
        consumer.consumerCap = Math.min(consumer.consumerCap, from.partitions);
      }
    });
  }
  // Shares are shares of their part of the traffic (all of it, the baseline, or the surge).
  for (const part of ['all', 'baseline', 'surge'] as const) {
    const total = workloads.filter((w) => w.part === part).reduce((s, w) => s + w.share, 0);
    for (const w of workloads) if (w.part === part) w.share /= total;
  }
  const durationSec = trafficDurationSec(model.traffic);
  return {
    name: model.name ?? 'model',
    stations,
    workloads,
    traffic: trafficPlan(model.traffic),
    durationSec,
    warmupSec: model.traffic.warmupSec ?? 0,
    priorityLevels: priorities.length,
  };
}
