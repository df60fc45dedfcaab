/**
 * The cache and the database as the scenarios define them, for experiments
 * that cannot be written as a model: their figures come from the scenarios'
 * defaults table, so a lesson and a scenario quote the same component.
 */
import { KIND_DEFAULTS, SPECIFIC_DEFAULTS, type ServiceTimeSpec } from '../sim/index';
import type { RandomStream } from '../sim/engine/rng';
import { drawSec, toDist, type Dist } from '../sim/plan';

/** A kind's default service time as the simulator compiles it. */
const serviceOf = (spec: ServiceTimeSpec): Dist => toDist(spec, spec);
const meanMs = (d: Dist): number => d.meanSec * 1000;
const drawMs = (d: Dist, rng: RandomStream): number => drawSec(d, rng) * 1000;

const redis = KIND_DEFAULTS.redisCache;
const postgres = KIND_DEFAULTS.postgres;
const redisService = serviceOf(redis.serviceTime.value);
const postgresService = serviceOf(postgres.serviceTime.value);
const postgresServiceMs = meanMs(postgresService);

/** A Redis read as the scenarios' redisCache: the network hop plus its service time. */
export const CACHE = {
  networkMs: redis.baseLatencyMs.value,
  meanReadMs: redis.baseLatencyMs.value + meanMs(redisService),
  /** Operations one shard serves per second: its single thread over the mean service time. */
  opsPerSecPerShard: (redis.concurrency.value * 1000) / meanMs(redisService),
  readMs: (rng: RandomStream): number => redis.baseLatencyMs.value + drawMs(redisService, rng),
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
  /** One query's mean round trip: the network hop plus the mean service time. */
  meanQueryMs: postgres.baseLatencyMs.value + postgresServiceMs,
  queryMs: (rng: RandomStream): number => postgres.baseLatencyMs.value + drawMs(postgresService, rng),
};
