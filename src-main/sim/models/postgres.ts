/**
 * Postgres primary: a connection pool per instance (the servers of this
 * station) and row locks. A hop with `locksRow: true` takes an exclusive lock
 * on one of `hotRows` rows for the length of its transaction; a request that
 * finds its row locked waits while still holding its connection, which is how
 * a pool runs dry before the database's CPU is busy.
 */
import { z } from 'zod';
import { LIMITS, wholeNumber } from '../fields';
import type { StationPlan } from '../plan';
import { commonFields, kindLiteral } from './common';
import { connectionPoolOption, databaseFields, databaseSettings, databaseStation, POOL_OF_20 } from './databaseFields';
import { defineKind } from './kind';
import { NO_ERRORS, ONE_HOP, SYLLABUS_CACHING } from './sources';

const settings = {
  ...databaseSettings,
  postgresHotRows: { value: 100, source: 'assumption: contended writes spread over 100 rows' },
} as const;

const pool = { value: 20, source: `${POOL_OF_20}, a common framework default` };

export const postgres = defineKind({
  kind: 'postgres',
  traits: ['rowLocks', 'connectionPool'],
  defaults: {
    serviceTime: { value: { distribution: 'uniform', minMs: 5, maxMs: 50 }, source: `a Postgres profile read takes 5-50 ms (${SYLLABUS_CACHING})` },
    baseLatencyMs: { value: 0.5, source: ONE_HOP },
    concurrency: pool,
    costPerInstancePerMonth: { value: 180, source: 'assumption: a managed 2 vCPU database with storage' },
    errorRate: NO_ERRORS,
  },
  settings,
  palette: {
    label: 'Postgres',
    purpose: 'The database of record: durable rows, transactions, locks.',
    maxInstances: 1,
    options: [connectionPoolOption(pool.value, 'Transactions at once; a request waiting for a lock keeps its connection.')],
  },
  schema: z.strictObject({ kind: kindLiteral('postgres'), ...commonFields, ...databaseFields, hotRows: wholeNumber(1, LIMITS.maxCacheKeys).optional() }),
  toStation(id, index, c): StationPlan {
    const station = databaseStation(postgres, id, index, c);
    station.hotRows = c.hotRows ?? settings.postgresHotRows.value;
    return station;
  },
});
