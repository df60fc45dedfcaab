/**
 * Postgres primary: a connection pool per instance (the servers of this
 * station) and row locks. A hop with `locksRow: true` takes an exclusive lock
 * on one of `hotRows` rows for the length of its transaction; a request that
 * finds its row locked waits while still holding its connection, which is how
 * a pool runs dry before the database's CPU is busy.
 */
import { z } from 'zod';
import { SPECIFIC_DEFAULTS } from '../defaults';
import { LIMITS, wholeNumber } from '../fields';
import { baseStation, commonFields, kindLiteral } from './common';
import type { StationPlan } from '../plan';

export const postgresSchema = z.strictObject({
  kind: kindLiteral('postgres'),
  ...commonFields,
  connectionPool: wholeNumber(1, 100_000).optional(),
  /** Cores behind the pool, per instance: what the connections' queries share. */
  cpuCores: wholeNumber(1, 1024).optional(),
  hotRows: wholeNumber(1, LIMITS.maxCacheKeys).optional(),
});

export function postgresStation(id: string, index: number, c: z.output<typeof postgresSchema>): StationPlan {
  const station = baseStation('postgres', id, index, c, c.connectionPool);
  station.cpu = { cores: c.cpuCores ?? SPECIFIC_DEFAULTS.databaseCpuCores.value, shareOfService: SPECIFIC_DEFAULTS.databaseCpuShare.value };
  station.hotRows = c.hotRows ?? SPECIFIC_DEFAULTS.postgresHotRows.value;
  return station;
}
