/**
 * CDN edge: a cache close to the user. A hit is answered at the edge; a miss
 * goes on to the origin. Same cache mechanics as Redis, edge-sized defaults.
 */
import { z } from 'zod';
import { SPECIFIC_DEFAULTS } from '../defaults';
import { baseStation, commonFields, concurrencyField, kindLiteral } from './common';
import { cacheFields, cachePlan } from './cacheFields';
import { ROLE_CACHE, type StationPlan } from '../plan';

export const cdnSchema = z.strictObject({ kind: kindLiteral('cdn'), ...commonFields, concurrency: concurrencyField, ...cacheFields });

export function cdnStation(id: string, index: number, c: z.output<typeof cdnSchema>): StationPlan {
  const station = baseStation('cdn', id, index, c, c.concurrency);
  station.role = ROLE_CACHE;
  station.cache = cachePlan(c, SPECIFIC_DEFAULTS.cdnCapacityKeys.value);
  return station;
}
