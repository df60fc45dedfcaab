/**
 * Fields every component kind shares, and the station they compile to.
 * Each kind file adds its own fields and adjusts the station.
 */
import { z } from 'zod';
import { LIMITS, fraction, numberIn, serviceTimeSchema, wholeNumber, type ServiceTimeSpec } from '../fields';
import { POLICY_ROUND_ROBIN, ROLE_STATION, toDist, type StationPlan } from '../plan';
import type { ComponentKind } from './componentKind';
import type { KindDefaults, KindTrait, OptionSpec, OptionValues } from './kind';

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

/** The designer's setting for concurrencyField, on kinds whose servers are threads. */
export function threadsOption(defaultThreads: number, help: string): OptionSpec {
  return { key: 'concurrency', label: 'Threads per instance', help, type: 'number', unit: 'threads', min: 1, max: 256, step: 1, default: defaultThreads };
}

/** A setting whose 0 means "none": passed on only when above 0, so the model's own default (unbounded, no expiry) holds. */
export function ifPositive(o: OptionValues, key: string): Record<string, unknown> {
  return typeof o[key] === 'number' && o[key] > 0 ? { [key]: o[key] } : {};
}

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
const cpuCoresField = wholeNumber(1, 1024).optional();

/** The fields of a compute instance (app server, auth service, worker): its threads, and the CPU behind them. */
export const instanceFields = { concurrency: concurrencyField, cpuCores: cpuCoresField };


/** What a station needs to know of its kind: the name, the defaults and the traits. */
export interface KindBasics {
  kind: ComponentKind;
  defaults: KindDefaults;
  traits: readonly KindTrait[];
}

/** The station of a plain queueing component, with the kind's defaults filled in. */
export function baseStation(of: KindBasics, id: string, index: number, c: CommonParams, concurrency: number | undefined): StationPlan {
  const d = of.defaults;
  return {
    id,
    kind: of.kind,
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
    visibilityTimeoutSec: Infinity,
    fanout: 1,
    partitions: 0,
    consumerCap: Infinity,
    autoscale: null,
    admission: null,
    inventory: null,
    holdsCaller: of.traits.includes('holdsCaller'),
    cpu: null,
    faults: [],
  };
}

/** A compute instance's station: its threads are the servers; its cores, when set, are what their work shares. */
export function instanceStation(of: KindBasics, id: string, index: number, c: CommonParams & { concurrency?: number | undefined; cpuCores?: number | undefined }): StationPlan {
  const cpu = c.cpuCores === undefined ? null : { cores: c.cpuCores, shareOfService: 1 };
  return { ...baseStation(of, id, index, c, c.concurrency), cpu };
}
