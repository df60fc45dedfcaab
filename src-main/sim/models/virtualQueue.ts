/**
 * Virtual queue: an admission gate (a sorted set of waiting buyers). A user is
 * answered once joined; a token worker then releases at most admitPerSec of
 * them, first come first served, to the hops after it (which run in the
 * background, as after a queue). The rest wait: the gate's queue depth. Unlike
 * a rate limiter it rejects nobody (unless maxWaiting is full), so users have
 * no reason to retry. The gate does not retry a released user whose later
 * hops fail: those count as dead-lettered.
 */
import { z } from 'zod';
import { LIMITS, positive, wholeNumber } from '../fields';
import type { StationPlan } from '../plan';
import { makeAsync } from './asyncFields';
import { baseStation, commonFields, kindLiteral } from './common';
import { defineKind } from './kind';
import { NO_ERRORS, SCENARIOS_FLASH_SALE, SYLLABUS_CACHING } from './sources';

const settings = {
  virtualQueueAdmitPerSec: { value: 1000, source: `a token worker admits 1,000 buyers per second (${SCENARIOS_FLASH_SALE})` },
} as const;

export const virtualQueue = defineKind({
  kind: 'virtualQueue',
  traits: ['asynchronous', 'admissionGate', 'horizonOnly'],
  defaults: {
    serviceTime: { value: { distribution: 'deterministic', meanMs: 0.5 }, source: 'assumption: a join is one in-memory sorted-set insert (ZADD), well under a millisecond' },
    baseLatencyMs: { value: 1, source: `a Redis call takes ~1 ms end to end (${SYLLABUS_CACHING})` },
    concurrency: { value: 1_000_000, source: 'assumption: joining never waits for the admission worker' },
    costPerInstancePerMonth: { value: 50, source: 'assumption: a small managed Redis node holding the sorted set' },
    errorRate: NO_ERRORS,
  },
  settings,
  palette: {
    label: 'Virtual queue',
    purpose: 'Lines buyers up in order and admits a steady number per second.',
    maxInstances: 1,
    options: [{ key: 'admitPerSec', label: 'Admitted per second', help: 'Purchase tokens released each second, oldest buyer first.', type: 'number', unit: 'buyers/s', min: 1, max: 1_000_000, step: 1, default: settings.virtualQueueAdmitPerSec.value }],
  },
  schema: z.strictObject({
    kind: kindLiteral('virtualQueue'),
    ...commonFields,
    /** Users released to the next hop per second. */
    admitPerSec: positive(LIMITS.maxRatePerSec, 'users per second').optional(),
    /** Users waiting at most; a join beyond it is rejected. Unbounded when omitted. */
    maxWaiting: wholeNumber(0, LIMITS.maxUsers).optional(),
  }),
  toStation(id, index, c): StationPlan {
    const station = makeAsync(baseStation(virtualQueue, id, index, c, undefined), { maxAttempts: 1 });
    station.admission = { admitPerSec: c.admitPerSec ?? settings.virtualQueueAdmitPerSec.value, maxWaiting: c.maxWaiting ?? Infinity };
    return station;
  },
});
