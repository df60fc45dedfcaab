/** Analytics sink: a write-optimised store that telemetry should reach off the request path. */
import { z } from 'zod';
import { baseStation, commonFields, concurrencyField, kindLiteral } from './common';
import type { StationPlan } from '../plan';

export const analyticsSinkSchema = z.strictObject({ kind: kindLiteral('analyticsSink'), ...commonFields, concurrency: concurrencyField });

export function analyticsSinkStation(id: string, index: number, c: z.output<typeof analyticsSinkSchema>): StationPlan {
  return baseStation('analyticsSink', id, index, c, c.concurrency);
}
