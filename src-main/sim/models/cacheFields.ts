/** Fields shared by the two cache kinds (Redis, CDN): what is cached and how it leaves. */
import { SPECIFIC_DEFAULTS } from '../defaults';
import { LIMITS, numberIn, oneOf, positive, wholeNumber } from '../fields';
import type { CachePlan } from '../plan';

export const cacheFields = {
  /** How many keys fit (per instance; instances shard the key space). */
  capacityKeys: wholeNumber(0, LIMITS.maxCacheKeys).optional(),
  /** How many distinct keys the requests ask for. */
  keyCount: wholeNumber(1, LIMITS.maxCacheKeys).optional(),
  /** Zipf exponent of key popularity: 0 is uniform, 1 is strongly skewed. */
  zipfExponent: numberIn(0, 3, 'a Zipf exponent').optional(),
  ttlSec: positive(LIMITS.maxDurationSec, 'seconds').optional(),
  eviction: oneOf(['lru', 'lfu', 'fifo']).optional(),
};

export interface CacheParams {
  instances?: number | undefined;
  capacityKeys?: number | undefined;
  keyCount?: number | undefined;
  zipfExponent?: number | undefined;
  ttlSec?: number | undefined;
  eviction?: 'lru' | 'lfu' | 'fifo' | undefined;
}

export function cachePlan(c: CacheParams, defaultCapacity: number): CachePlan {
  // Instances shard the keys, so total capacity grows with them.
  const capacity = (c.capacityKeys ?? defaultCapacity) * (c.instances ?? 1);
  const keyCount = c.keyCount ?? SPECIFIC_DEFAULTS.cacheKeyCount.value;
  return {
    capacityKeys: Math.min(capacity, keyCount),
    keyCount,
    zipfExponent: c.zipfExponent ?? SPECIFIC_DEFAULTS.cacheZipfExponent.value,
    ttlSec: c.ttlSec ?? Infinity,
    eviction: c.eviction ?? SPECIFIC_DEFAULTS.cacheEviction.value,
  };
}
