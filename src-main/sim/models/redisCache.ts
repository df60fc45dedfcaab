/**
 * Redis cache (cache-aside): a hit answers from the cache and skips the rest
 * of the path; a miss continues to the source and fills the key on the way
 * back. The hit ratio is not a parameter: it emerges from key popularity,
 * capacity, TTL and the eviction policy.
 */
import { z } from 'zod';
import { ROLE_CACHE, type StationPlan } from '../plan';
import { cacheFields, cachePlan, cacheSettings, capacityOption, ttlOption } from './cacheFields';
import { baseStation, commonFields, concurrencyField, ifPositive, kindLiteral } from './common';
import { defineKind } from './kind';
import { NO_ERRORS, SYLLABUS_CACHING } from './sources';

const settings = {
  ...cacheSettings,
  cacheCapacityKeys: { value: 10_000, source: 'assumption' },
} as const;

export const redisCache = defineKind({
  kind: 'redisCache',
  traits: ['cache'],
  defaults: {
    serviceTime: { value: { distribution: 'exponential', meanMs: 0.01 }, source: `one Redis shard serves ~100K ops/s (${SYLLABUS_CACHING})` },
    baseLatencyMs: { value: 0.99, source: `a Redis read takes ~1 ms end to end (${SYLLABUS_CACHING})` },
    concurrency: { value: 1, source: 'Redis executes commands on a single thread per shard' },
    costPerInstancePerMonth: { value: 50, source: 'assumption: a small managed cache node' },
    errorRate: NO_ERRORS,
  },
  settings,
  palette: {
    label: 'Redis cache',
    purpose: 'Answers repeated reads from memory in about a millisecond.',
    maxInstances: 16,
    options: [
      capacityOption(settings.cacheCapacityKeys.value),
      ttlOption,
      {
        key: 'eviction',
        label: 'Eviction',
        help: 'Which key goes when the cache is full.',
        type: 'choice',
        choices: [
          { value: 'lru', label: 'Least recently used' },
          { value: 'lfu', label: 'Least frequently used' },
          { value: 'fifo', label: 'First in, first out' },
        ],
        default: settings.cacheEviction.value,
      },
    ],
    toModel: (o) => ({ capacityKeys: o.capacityKeys, eviction: o.eviction, ...ifPositive(o, 'ttlSec') }),
  },
  schema: z.strictObject({ kind: kindLiteral('redisCache'), ...commonFields, concurrency: concurrencyField, ...cacheFields }),
  toStation(id, index, c): StationPlan {
    const station = baseStation(redisCache, id, index, c, c.concurrency);
    station.role = ROLE_CACHE;
    station.cache = cachePlan(c, settings.cacheCapacityKeys.value);
    return station;
  },
});
