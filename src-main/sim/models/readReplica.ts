/**
 * Read replica: serves reads like the primary and lags behind it by
 * replicationLagMs. The lag is reported with the results (how stale a read
 * may be); it does not slow the reads down.
 */
import { z } from 'zod';
import { LIMITS, numberIn } from '../fields';
import type { StationPlan } from '../plan';
import { commonFields, kindLiteral } from './common';
import { connectionPoolOption, databaseFields, databaseSettings, databaseStation, POOL_OF_20 } from './databaseFields';
import { defineKind } from './kind';
import { NO_ERRORS, ONE_HOP, SYLLABUS_CACHING } from './sources';

const settings = {
  ...databaseSettings,
  replicationLagMs: { value: 100, source: 'assumption: asynchronous replication usually lags by well under a second' },
} as const;

const pool = { value: 20, source: POOL_OF_20 };

export const readReplica = defineKind({
  kind: 'readReplica',
  traits: ['connectionPool'],
  defaults: {
    serviceTime: { value: { distribution: 'uniform', minMs: 5, maxMs: 50 }, source: `a Postgres profile read takes 5-50 ms (${SYLLABUS_CACHING})` },
    baseLatencyMs: { value: 0.5, source: ONE_HOP },
    concurrency: pool,
    costPerInstancePerMonth: { value: 180, source: 'assumption: same size as the primary' },
    errorRate: NO_ERRORS,
  },
  settings,
  palette: {
    label: 'Read replica',
    purpose: 'A copy of the database that takes reads off the primary.',
    maxInstances: 8,
    options: [connectionPoolOption(pool.value, 'Reads at once per replica.')],
  },
  schema: z.strictObject({ kind: kindLiteral('readReplica'), ...commonFields, ...databaseFields, replicationLagMs: numberIn(0, LIMITS.maxMs, 'milliseconds').optional() }),
  toStation(id, index, c): StationPlan {
    const station = databaseStation(readReplica, id, index, c);
    station.replicationLagMs = c.replicationLagMs ?? settings.replicationLagMs.value;
    return station;
  },
});
