/**
 * External dependency (payment, email): a call with its own latency and
 * failure rate that we do not control. By default the provider has no
 * concurrency limit; maxConcurrent models one (e.g. a provider rate plan).
 */
import { z } from 'zod';
import { LIMITS, wholeNumber } from '../fields';
import { baseStation, commonFields, kindLiteral } from './common';
import type { StationPlan } from '../plan';

export const externalSchema = z.strictObject({ kind: kindLiteral('external'), ...commonFields, maxConcurrent: wholeNumber(1, LIMITS.maxConcurrency).optional() });

export function externalStation(id: string, index: number, c: z.output<typeof externalSchema>): StationPlan {
  return baseStation('external', id, index, c, c.maxConcurrent);
}
