/** The component kinds: each kind's schema and how it compiles to a station. */
import type { z } from 'zod';
import type { ComponentKind } from '../defaults';
import type { StationPlan } from '../plan';
import { analyticsSinkSchema, analyticsSinkStation } from './analyticsSink';
import { authSchema, authStation } from './auth';
import { cdnSchema, cdnStation } from './cdn';
import { externalSchema, externalStation } from './external';
import { loadBalancerSchema, loadBalancerStation } from './loadBalancer';
import { postgresSchema, postgresStation } from './postgres';
import { pubsubSchema, pubsubStation } from './pubsub';
import { queueSchema, queueStation } from './queue';
import { rateLimiterSchema, rateLimiterStation } from './rateLimiter';
import { readReplicaSchema, readReplicaStation } from './readReplica';
import { redisCacheSchema, redisCacheStation } from './redisCache';
import { serverSchema, serverStation } from './server';
import { sourceSchema, sourceStation } from './source';
import { streamSchema, streamStation } from './stream';
import { websocketGatewaySchema, websocketGatewayStation } from './websocketGateway';
import { workerPoolSchema, workerPoolStation } from './workerPool';
import { virtualQueueSchema, virtualQueueStation } from './virtualQueue';
import { inventorySchema, inventoryStation } from './inventory';

export const componentSchemas = [
  sourceSchema,
  loadBalancerSchema,
  serverSchema,
  authSchema,
  rateLimiterSchema,
  redisCacheSchema,
  postgresSchema,
  readReplicaSchema,
  queueSchema,
  workerPoolSchema,
  streamSchema,
  analyticsSinkSchema,
  cdnSchema,
  pubsubSchema,
  websocketGatewaySchema,
  externalSchema,
  virtualQueueSchema,
  inventorySchema,
] as const;

type AnyComponent = z.output<(typeof componentSchemas)[number]>;

/** Compiles one validated component into its station. */
export function toStation(id: string, index: number, c: AnyComponent): StationPlan {
  switch (c.kind) {
    case 'source': return sourceStation(id, index, c);
    case 'loadBalancer': return loadBalancerStation(id, index, c);
    case 'server': return serverStation(id, index, c);
    case 'auth': return authStation(id, index, c);
    case 'rateLimiter': return rateLimiterStation(id, index, c);
    case 'redisCache': return redisCacheStation(id, index, c);
    case 'postgres': return postgresStation(id, index, c);
    case 'readReplica': return readReplicaStation(id, index, c);
    case 'queue': return queueStation(id, index, c);
    case 'workerPool': return workerPoolStation(id, index, c);
    case 'stream': return streamStation(id, index, c);
    case 'analyticsSink': return analyticsSinkStation(id, index, c);
    case 'cdn': return cdnStation(id, index, c);
    case 'pubsub': return pubsubStation(id, index, c);
    case 'websocketGateway': return websocketGatewayStation(id, index, c);
    case 'external': return externalStation(id, index, c);
    case 'virtualQueue': return virtualQueueStation(id, index, c);
    case 'inventory': return inventoryStation(id, index, c);
  }
}

export const KINDS_WITH_FIELDS: Record<ComponentKind, string[]> = Object.fromEntries(
  componentSchemas.map((s) => [s.shape.kind.value, Object.keys(s.shape)]),
) as Record<ComponentKind, string[]>;
