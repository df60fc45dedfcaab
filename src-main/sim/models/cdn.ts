/**
 * CDN edge: a cache close to the user. A hit is answered at the edge; a miss
 * goes on to the origin. Same cache mechanics as Redis, edge-sized defaults.
 */
import { z } from 'zod';
import { ROLE_CACHE, type StationPlan } from '../plan';
import { cacheFields, cachePlan, cacheSettings, capacityOption, ttlOption } from './cacheFields';
import { baseStation, commonFields, concurrencyField, ifPositive, kindLiteral } from './common';
import { defineKind } from './kind';
import { assumedZero, NO_ERRORS, SYLLABUS_CACHING } from './sources';

const settings = {
  ...cacheSettings,
  cdnCapacityKeys: { value: 50_000, source: 'assumption' },
} as const;

export const cdn = defineKind({
  kind: 'cdn',
  traits: ['cache'],
  defaults: {
    serviceTime: { value: { distribution: 'uniform', minMs: 20, maxMs: 40 }, source: `a CDN edge answers in 20-40 ms (${SYLLABUS_CACHING})` },
    baseLatencyMs: assumedZero('the edge time above already includes the network'),
    concurrency: { value: 1_000_000, source: 'assumption: edges are not a capacity limit at our scale' },
    costPerInstancePerMonth: { value: 30, source: 'assumption: a CDN plan at moderate volume' },
    errorRate: NO_ERRORS,
  },
  settings,
  palette: {
    label: 'CDN',
    purpose: 'Serves cacheable responses from the edge, near the user.',
    maxInstances: 1,
    options: [capacityOption(settings.cdnCapacityKeys.value), ttlOption],
    toModel: (o) => ({ capacityKeys: o.capacityKeys, ...ifPositive(o, 'ttlSec') }),
  },
  schema: z.strictObject({ kind: kindLiteral('cdn'), ...commonFields, concurrency: concurrencyField, ...cacheFields }),
  toStation(id, index, c): StationPlan {
    const station = baseStation(cdn, id, index, c, c.concurrency);
    station.role = ROLE_CACHE;
    station.cache = cachePlan(c, settings.cdnCapacityKeys.value);
    return station;
  },
});
