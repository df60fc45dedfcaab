/**
 * WebSocket / SSE gateway: each visit is a connection held for its service
 * time. An instance holds at most maxConnections; a new connection that finds
 * them all taken is refused (a loss system, Erlang B), unless maxQueue allows
 * it to wait.
 */
import { z } from 'zod';
import { LIMITS, wholeNumber } from '../fields';
import type { StationPlan } from '../plan';
import { baseStation, commonFields, kindLiteral } from './common';
import { defineKind } from './kind';
import { ASSUMED_VM, NO_ERRORS } from './sources';

export const websocketGateway = defineKind({
  kind: 'websocketGateway',
  traits: [],
  defaults: {
    serviceTime: { value: { distribution: 'exponential', meanMs: 60_000 }, source: 'assumption: a client keeps its connection for about a minute' },
    baseLatencyMs: { value: 1, source: 'assumption: one network hop' },
    concurrency: { value: 10_000, source: 'assumption: one gateway instance holds ~10K open connections' },
    costPerInstancePerMonth: { value: 70, source: ASSUMED_VM },
    errorRate: NO_ERRORS,
  },
  settings: {},
  palette: { label: 'WebSocket gateway', purpose: 'Holds open connections to push updates to clients.', maxInstances: 50, options: [] },
  schema: z.strictObject({ kind: kindLiteral('websocketGateway'), ...commonFields, maxConnections: wholeNumber(1, LIMITS.maxConcurrency).optional() }),
  toStation(id, index, c): StationPlan {
    const station = baseStation(websocketGateway, id, index, c, c.maxConnections);
    station.maxQueuePerInstance = c.maxQueue ?? 0;
    return station;
  },
});
