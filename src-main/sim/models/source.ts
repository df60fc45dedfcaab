/** Traffic source: the users' side of the system. Passes requests through; costs nothing. */
import { z } from 'zod';
import { baseStation, commonFields, kindLiteral } from './common';
import type { StationPlan } from '../plan';

export const sourceSchema = z.strictObject({ kind: kindLiteral('source'), ...commonFields });

export function sourceStation(id: string, index: number, c: z.output<typeof sourceSchema>): StationPlan {
  return baseStation('source', id, index, c, undefined);
}
