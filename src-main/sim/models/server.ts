/** Application server: instances x threads, each instance with its own waiting line. */
import { z } from 'zod';
import { baseStation, commonFields, concurrencyField, cpuCoresField, instanceCpu, kindLiteral } from './common';
import type { StationPlan } from '../plan';

export const serverSchema = z.strictObject({ kind: kindLiteral('server'), ...commonFields, concurrency: concurrencyField, cpuCores: cpuCoresField });

export function serverStation(id: string, index: number, c: z.output<typeof serverSchema>): StationPlan {
  // Its threads wait for the calls they make: a slow dependency holds them.
  return { ...baseStation('server', id, index, c, c.concurrency), holdsCaller: true, cpu: instanceCpu(c.cpuCores) };
}
