/**
 * Pub/sub topic: answers the publisher at once and delivers a copy of each
 * message to every subscriber: the next hop receives `fanout` messages.
 */
import { z } from 'zod';
import { wholeNumber } from '../fields';
import type { StationPlan } from '../plan';
import { asyncFields, asyncSettings, makeAsync } from './asyncFields';
import { baseStation, commonFields, kindLiteral } from './common';
import { defineKind } from './kind';
import { NO_ERRORS } from './sources';

const settings = {
  ...asyncSettings,
  pubsubFanout: { value: 3, source: 'assumption: three subscribers per topic' },
} as const;

export const pubsub = defineKind({
  kind: 'pubsub',
  traits: ['asynchronous'],
  defaults: {
    serviceTime: { value: { distribution: 'deterministic', meanMs: 0 }, source: 'assumption: the publish cost is the network hop below' },
    baseLatencyMs: { value: 2, source: 'assumption: a publish takes a couple of milliseconds' },
    concurrency: { value: 1_000_000, source: 'assumption: publishing never waits for subscribers' },
    costPerInstancePerMonth: { value: 20, source: 'assumption: a managed pub/sub at moderate volume' },
    errorRate: NO_ERRORS,
  },
  settings,
  palette: { label: 'Pub/sub', purpose: 'Fans one message out to every subscriber.', maxInstances: 1, options: [] },
  schema: z.strictObject({ kind: kindLiteral('pubsub'), ...commonFields, ...asyncFields, fanout: wholeNumber(1, 1000).optional() }),
  toStation(id, index, c): StationPlan {
    const station = makeAsync(baseStation(pubsub, id, index, c, undefined), c);
    station.fanout = c.fanout ?? settings.pubsubFanout.value;
    return station;
  },
});
