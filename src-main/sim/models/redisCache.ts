/**
 * Redis cache (cache-aside): a hit answers from the cache and skips the rest
 * of the path; a miss continues to the source and fills the key on the way
 * back. The hit ratio is not a parameter: it emerges from key popularity,
 * capacity, TTL and the eviction policy.
 */
import { z } from 'zod';
import { SPECIFIC_DEFAULTS } from '../defaults';
import { baseStation, commonFields, concurrencyField, kindLiteral } from './common';
import { cacheFields, cachePlan } from './cacheFields';
import { ROLE_CACHE, type StationPlan } from '../plan';

export const redisCacheSchema = z.strictObject({ kind: kindLiteral('redisCache'), ...commonFields, concurrency: concurrencyField, ...cacheFields });

export function redisCacheStation(id: string, index: number, c: z.output<typeof redisCacheSchema>): StationPlan {
  const station = baseStation('redisCache', id, index, c, c.concurrency);
  station.role = ROLE_CACHE;
  station.cache = cachePlan(c, SPECIFIC_DEFAULTS.cacheCapacityKeys.value);
  return station;
}
