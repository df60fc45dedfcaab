/**
 * WebSocket / SSE gateway: each visit is a connection held for its service
 * time. An instance holds at most maxConnections; a new connection that finds
 * them all taken is refused (a loss system, Erlang B), unless maxQueue allows
 * it to wait.
 */
import { z } from 'zod';
import { LIMITS, wholeNumber } from '../fields';
import { baseStation, commonFields, kindLiteral } from './common';
import type { StationPlan } from '../plan';

export const websocketGatewaySchema = z.strictObject({
  kind: kindLiteral('websocketGateway'),
  ...commonFields,
  maxConnections: wholeNumber(1, LIMITS.maxConcurrency).optional(),
});

export function websocketGatewayStation(id: string, index: number, c: z.output<typeof websocketGatewaySchema>): StationPlan {
  const station = baseStation('websocketGateway', id, index, c, c.maxConnections);
  station.maxQueuePerInstance = c.maxQueue ?? 0;
  return station;
}
