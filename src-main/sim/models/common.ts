/**
 * Fields every component kind shares, and the station they compile to.
 * Each kind file adds its own fields and adjusts the station.
 */
import { z } from 'zod';
import { KIND_DEFAULTS, type ComponentKind } from '../defaults';
import { LIMITS, fraction, numberIn, serviceTimeSchema, wholeNumber } from '../fields';
import { POLICY_ROUND_ROBIN, ROLE_STATION, toDist, type StationPlan } from '../plan';
import type { ServiceTimeSpec } from '../types';

export const commonFields = {
  /** Free text shown in the designer. */
  label: z.string({ error: 'expected text' }).max(200, { error: 'expected at most 200 characters' }).optional(),
  instances: wholeNumber(1, LIMITS.maxInstances).optional(),
  serviceTime: serviceTimeSchema.optional(),
  baseLatencyMs: numberIn(0, LIMITS.maxMs, 'milliseconds').optional(),
  maxQueue: wholeNumber(0, LIMITS.maxQueue).optional(),
  errorRate: fraction.optional(),
  costPerInstancePerMonth: numberIn(0, 10_000_000, 'dollars').optional(),
};

export const concurrencyField = wholeNumber(1, LIMITS.maxConcurrency).optional();

export function kindLiteral<K extends ComponentKind>(kind: K) {
  return z.literal(kind);
}

export interface CommonParams {
  instances?: number | undefined;
  serviceTime?: ServiceTimeSpec | number | undefined;
  baseLatencyMs?: number | undefined;
  maxQueue?: number | undefined;
  errorRate?: number | undefined;
  costPerInstancePerMonth?: number | undefined;
}

/**
 * The CPU of a compute instance (app server, auth, worker), when set: its service time is CPU work,
 * and the instance does `cpuCores` requests' worth of it at once. Threads beyond that help only while
 * they wait on the calls they make, never with the work itself. Unset, every thread is a full server
 * (an M/M/c station).
 */
export const cpuCoresField = wholeNumber(1, 1024).optional();

export function instanceCpu(cores: number | undefined): { cores: number; shareOfService: number } | null {
  return cores === undefined ? null : { cores, shareOfService: 1 };
}

/** The station of a plain queueing component, with the kind's defaults filled in. */
export function baseStation(kind: ComponentKind, id: string, index: number, c: CommonParams, concurrency: number | undefined): StationPlan {
  const d = KIND_DEFAULTS[kind];
  return {
    id,
    kind,
    index,
    role: ROLE_STATION,
    instances: c.instances ?? 1,
    concurrency: concurrency ?? d.concurrency.value,
    sharedQueue: false,
    service: toDist(c.serviceTime, d.serviceTime.value),
    baseLatencySec: (c.baseLatencyMs ?? d.baseLatencyMs.value) / 1000,
    maxQueuePerInstance: c.maxQueue ?? Infinity,
    errorRate: c.errorRate ?? d.errorRate.value,
    costPerInstancePerMonth: c.costPerInstancePerMonth ?? d.costPerInstancePerMonth.value,
    balancing: POLICY_ROUND_ROBIN,
    cache: null,
    rateLimit: null,
    hotRows: 0,
    replicationLagMs: null,
    maxDepth: Infinity,
    maxAttempts: 1,
    fanout: 1,
    partitions: 0,
    consumerCap: Infinity,
    autoscale: null,
    admission: null,
    inventory: null,
    holdsCaller: false,
    cpu: null,
    faults: [],
  };
}
