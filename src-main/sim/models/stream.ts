/**
 * Durable stream (Kafka-like): like a queue, but split into partitions, and
 * each partition is read by one consumer at a time. The consumers after it can
 * work on at most `partitions` messages at once, however many there are.
 */
import { z } from 'zod';
import { wholeNumber } from '../fields';
import type { StationPlan } from '../plan';
import { asyncFields, asyncSettings, attemptsBeforeDeadLetterOption, makeAsync } from './asyncFields';
import { baseStation, commonFields, kindLiteral } from './common';
import { defineKind } from './kind';
import { NO_ERRORS } from './sources';

const settings = {
  ...asyncSettings,
  streamPartitions: { value: 6, source: 'assumption' },
} as const;

export const stream = defineKind({
  kind: 'stream',
  traits: ['asynchronous'],
  defaults: {
    serviceTime: { value: { distribution: 'deterministic', meanMs: 0 }, source: 'assumption: the append cost is the network hop below' },
    baseLatencyMs: { value: 5, source: 'assumption: a replicated append takes a few milliseconds' },
    concurrency: { value: 1_000_000, source: 'assumption: appending never waits for a consumer' },
    costPerInstancePerMonth: { value: 110, source: 'assumption: a small managed stream with a few partitions' },
    errorRate: NO_ERRORS,
  },
  settings,
  palette: {
    label: 'Durable stream',
    purpose: 'An ordered, replayable log that consumers read at their own pace.',
    maxInstances: 1,
    options: [
      { key: 'partitions', label: 'Partitions', help: 'Consumers read partitions in parallel; one consumer per partition.', type: 'number', unit: 'partitions', min: 1, max: 256, step: 1, default: settings.streamPartitions.value },
      attemptsBeforeDeadLetterOption,
    ],
  },
  schema: z.strictObject({ kind: kindLiteral('stream'), ...commonFields, ...asyncFields, partitions: wholeNumber(1, 10_000).optional() }),
  toStation(id, index, c): StationPlan {
    const station = makeAsync(baseStation(stream, id, index, c, undefined), c);
    station.partitions = c.partitions ?? settings.streamPartitions.value;
    return station;
  },
});
