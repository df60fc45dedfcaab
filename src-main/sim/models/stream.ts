/**
 * Durable stream (Kafka-like): like a queue, but split into partitions, and
 * each partition is read by one consumer at a time. The consumers after it can
 * work on at most `partitions` messages at once, however many there are.
 */
import { z } from 'zod';
import { SPECIFIC_DEFAULTS } from '../defaults';
import { wholeNumber } from '../fields';
import { baseStation, commonFields, kindLiteral } from './common';
import { asyncFields, makeAsync } from './asyncFields';
import type { StationPlan } from '../plan';

export const streamSchema = z.strictObject({ kind: kindLiteral('stream'), ...commonFields, ...asyncFields, partitions: wholeNumber(1, 10_000).optional() });

export function streamStation(id: string, index: number, c: z.output<typeof streamSchema>): StationPlan {
  const station = makeAsync(baseStation('stream', id, index, c, undefined), c);
  station.partitions = c.partitions ?? SPECIFIC_DEFAULTS.streamPartitions.value;
  return station;
}
