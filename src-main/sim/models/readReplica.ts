/**
 * Read replica: serves reads like the primary and lags behind it by
 * replicationLagMs. The lag is reported with the results (how stale a read
 * may be); it does not slow the reads down.
 */
import { z } from 'zod';
import { SPECIFIC_DEFAULTS } from '../defaults';
import { LIMITS, numberIn, wholeNumber } from '../fields';
import { baseStation, commonFields, kindLiteral } from './common';
import type { StationPlan } from '../plan';

export const readReplicaSchema = z.strictObject({
  kind: kindLiteral('readReplica'),
  ...commonFields,
  connectionPool: wholeNumber(1, 100_000).optional(),
  /** Cores behind the pool, per instance: what the connections' queries share. */
  cpuCores: wholeNumber(1, 1024).optional(),
  replicationLagMs: numberIn(0, LIMITS.maxMs, 'milliseconds').optional(),
});

export function readReplicaStation(id: string, index: number, c: z.output<typeof readReplicaSchema>): StationPlan {
  const station = baseStation('readReplica', id, index, c, c.connectionPool);
  station.cpu = { cores: c.cpuCores ?? SPECIFIC_DEFAULTS.databaseCpuCores.value, shareOfService: SPECIFIC_DEFAULTS.databaseCpuShare.value };
  station.replicationLagMs = c.replicationLagMs ?? SPECIFIC_DEFAULTS.replicationLagMs.value;
  return station;
}
