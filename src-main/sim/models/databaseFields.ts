/** What the two pooled stores (Postgres primary, read replica) share: the pool, the CPU behind it, and its defaults. */
import { wholeNumber } from '../fields';
import type { StationPlan } from '../plan';
import { baseStation, type CommonParams, type KindBasics } from './common';
import type { OptionSpec } from './kind';

export const databaseFields = {
  connectionPool: wholeNumber(1, 100_000).optional(),
  /** Cores behind the pool, per instance: what the connections' queries share. */
  cpuCores: wholeNumber(1, 1024).optional(),
};

export const databaseSettings = {
  databaseCpuCores: { value: 2, source: 'the managed database priced here has 2 vCPUs' },
  databaseCpuShare: {
    value: 0.1,
    source: 'assumption: a 5-50 ms read spends about a tenth of its time on the CPU and the rest waiting for pages and the network, so 2 cores keep about 20 connections busy: the default pool',
  },
} as const;

export const POOL_OF_20 = 'assumption: a connection pool of 20';

export function connectionPoolOption(defaultConnections: number, help: string): OptionSpec {
  return { key: 'connectionPool', label: 'Connection pool', help, type: 'number', unit: 'connections', min: 1, max: 500, step: 1, default: defaultConnections };
}

/** A pooled store's station: its connections are the servers, and the CPU behind them serves a query for a share of its time (the rest is I/O). */
export function databaseStation(of: KindBasics, id: string, index: number, c: CommonParams & { connectionPool?: number | undefined; cpuCores?: number | undefined }): StationPlan {
  const station = baseStation(of, id, index, c, c.connectionPool);
  station.cpu = { cores: c.cpuCores ?? databaseSettings.databaseCpuCores.value, shareOfService: databaseSettings.databaseCpuShare.value };
  return station;
}
