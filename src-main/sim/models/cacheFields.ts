/** What the two cache kinds (Redis, CDN) share: their fields, defaults and settings, and the cache they compile to. */
import { LIMITS, numberIn, oneOf, positive, wholeNumber } from '../fields';
import type { CachePlan } from '../plan';
import type { OptionSpec } from './kind';

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

export const cacheSettings = {
  cacheKeyCount: { value: 100_000, source: 'assumption' },
  cacheZipfExponent: { value: 0.8, source: 'web object popularity is Zipf-like with exponent ~0.6-1.0 (Breslau et al. 1999)' },
  cacheEviction: { value: 'lru', source: 'assumption: Redis is usually configured with an LRU policy' },
} as const;

export const ttlOption: OptionSpec = { key: 'ttlSec', label: 'Time to live', help: 'Entries older than this are fetched again; 0 keeps them until evicted.', type: 'number', unit: 's', min: 0, max: 86_400, step: 1, default: 0 };

export function capacityOption(defaultKeys: number): OptionSpec {
  return { key: 'capacityKeys', label: 'Capacity', help: 'How many keys fit before the eviction policy removes one.', type: 'number', unit: 'keys', min: 100, max: 10_000_000, step: 100, default: defaultKeys };
}

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
  const keyCount = c.keyCount ?? cacheSettings.cacheKeyCount.value;
  return {
    capacityKeys: Math.min(capacity, keyCount),
    keyCount,
    zipfExponent: c.zipfExponent ?? cacheSettings.cacheZipfExponent.value,
    ttlSec: c.ttlSec ?? Infinity,
    eviction: c.eviction ?? cacheSettings.cacheEviction.value,
  };
}
