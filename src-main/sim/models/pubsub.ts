/**
 * Pub/sub topic: answers the publisher at once and delivers a copy of each
 * message to every subscriber: the next hop receives `fanout` messages.
 */
import { z } from 'zod';
import { SPECIFIC_DEFAULTS } from '../defaults';
import { wholeNumber } from '../fields';
import { baseStation, commonFields, kindLiteral } from './common';
import { asyncFields, makeAsync } from './asyncFields';
import type { StationPlan } from '../plan';

export const pubsubSchema = z.strictObject({ kind: kindLiteral('pubsub'), ...commonFields, ...asyncFields, fanout: wholeNumber(1, 1000).optional() });

export function pubsubStation(id: string, index: number, c: z.output<typeof pubsubSchema>): StationPlan {
  const station = makeAsync(baseStation('pubsub', id, index, c, undefined), c);
  station.fanout = c.fanout ?? SPECIFIC_DEFAULTS.pubsubFanout.value;
  return station;
}
