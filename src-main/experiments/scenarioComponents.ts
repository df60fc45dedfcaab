/**
 * The cache and the database as the scenarios define them, for experiments
 * that cannot be written as a model: their figures come from the scenarios'
 * defaults table, so a lesson and a scenario quote the same component.
 */
import { KIND_DEFAULTS, SPECIFIC_DEFAULTS, type ServiceTimeSpec } from '../sim/index';
import type { RandomStream } from '../sim/engine/rng';

/** Mean of a service-time spec, in ms. */
function meanMs(spec: ServiceTimeSpec): number {
  return spec.distribution === 'uniform' ? ((spec.minMs ?? 0) + (spec.maxMs ?? 0)) / 2 : (spec.meanMs ?? 0);
}

/** One draw from a service-time spec, in ms. */
function drawMs(spec: ServiceTimeSpec, rng: RandomStream): number {
  switch (spec.distribution) {
    case 'uniform':
      return (spec.minMs ?? 0) + ((spec.maxMs ?? 0) - (spec.minMs ?? 0)) * rng.next();
    case 'deterministic':
      return spec.meanMs ?? 0;
    case 'lognormal': {
      const cv = spec.cv ?? 1;
      const sigma2 = Math.log(1 + cv * cv);
      return (spec.meanMs ?? 0) * Math.exp(Math.sqrt(sigma2) * rng.normal() - sigma2 / 2);
    }
    default:
      return rng.exponential(spec.meanMs ?? 0);
  }
}

const redis = KIND_DEFAULTS.redisCache;
const postgres = KIND_DEFAULTS.postgres;
const postgresServiceMs = meanMs(postgres.serviceTime.value);

/** A Redis read as the scenarios' redisCache: the network hop plus its service time. */
export const CACHE = {
  networkMs: redis.baseLatencyMs.value,
  meanReadMs: redis.baseLatencyMs.value + meanMs(redis.serviceTime.value),
  /** Operations one shard serves per second: its single thread over the mean service time. */
  opsPerSecPerShard: (redis.concurrency.value * 1000) / meanMs(redis.serviceTime.value),
  readMs: (rng: RandomStream): number => redis.baseLatencyMs.value + drawMs(redis.serviceTime.value, rng),
};

/**
 * A query on the scenarios' postgres: the network hop plus its service time.
 * It serves at most connections / service time, and no more than its CPU
 * allows (cores / (CPU share × service time)); with the defaults both are the same.
 */
export const DATABASE = {
  minMs: postgres.serviceTime.value.minMs ?? postgresServiceMs,
  maxMs: postgres.serviceTime.value.maxMs ?? postgresServiceMs,
  meanServiceMs: postgresServiceMs,
  connections: postgres.concurrency.value,
  capacityPerSec: Math.min(
    (postgres.concurrency.value * 1000) / postgresServiceMs,
    (SPECIFIC_DEFAULTS.databaseCpuCores.value * 1000) / (SPECIFIC_DEFAULTS.databaseCpuShare.value * postgresServiceMs),
  ),
  queryMs: (rng: RandomStream): number => postgres.baseLatencyMs.value + drawMs(postgres.serviceTime.value, rng),
};
