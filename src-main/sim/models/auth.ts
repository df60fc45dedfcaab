/** Authentication service: CPU-bound checks, so few requests at once per instance. */
import { z } from 'zod';
import { baseStation, commonFields, concurrencyField, cpuCoresField, instanceCpu, kindLiteral } from './common';
import type { StationPlan } from '../plan';

export const authSchema = z.strictObject({ kind: kindLiteral('auth'), ...commonFields, concurrency: concurrencyField, cpuCores: cpuCoresField });

export function authStation(id: string, index: number, c: z.output<typeof authSchema>): StationPlan {
  // Its threads wait for the calls they make: a slow dependency holds them.
  return { ...baseStation('auth', id, index, c, c.concurrency), holdsCaller: true, cpu: instanceCpu(c.cpuCores) };
}
