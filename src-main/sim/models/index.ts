/**
 * Every component kind, by name. Each entry is the kind's own file; a name in
 * componentKind.ts without an entry here is a type error. Code that needs to
 * know something about kinds asks here (by trait), never by listing names.
 */
import type { z } from 'zod';
import type { StationPlan } from '../plan';
import { analyticsSink } from './analyticsSink';
import { auth } from './auth';
import { cdn } from './cdn';
import { COMPONENT_KINDS, type ComponentKind } from './componentKind';
import { external } from './external';
import { inventory } from './inventory';
import type { KindModule, KindTrait } from './kind';
import { loadBalancer } from './loadBalancer';
import { postgres } from './postgres';
import { pubsub } from './pubsub';
import { queue } from './queue';
import { rateLimiter } from './rateLimiter';
import { readReplica } from './readReplica';
import { redisCache } from './redisCache';
import { server } from './server';
import { source } from './source';
import { stream } from './stream';
import { virtualQueue } from './virtualQueue';
import { websocketGateway } from './websocketGateway';
import { workerPool } from './workerPool';

export const KINDS = {
  source,
  loadBalancer,
  server,
  auth,
  rateLimiter,
  redisCache,
  postgres,
  readReplica,
  queue,
  workerPool,
  stream,
  analyticsSink,
  cdn,
  pubsub,
  websocketGateway,
  virtualQueue,
  inventory,
  external,
} satisfies { [K in ComponentKind]: KindModule<K> };

type KindSchema = { [K in ComponentKind]: (typeof KINDS)[K]['schema'] }[ComponentKind];

/** The kinds' schemas, in the order of COMPONENT_KINDS: the options of the model language's component union. */
export const componentSchemas = COMPONENT_KINDS.map((k) => KINDS[k].schema) as [KindSchema, ...KindSchema[]];

export type AnyComponent = z.output<KindSchema>;

/** Compiles one validated component into its station. */
export function toStation(id: string, index: number, c: AnyComponent): StationPlan {
  // Each kind's toStation takes its own component; c.kind says which that is.
  return (KINDS[c.kind] as KindModule).toStation(id, index, c);
}

export function hasTrait(kind: ComponentKind, trait: KindTrait): boolean {
  return KINDS[kind].traits.includes(trait);
}

/** What a station's servers are, in words: a database's are connections, everything else's threads. */
export function serverNoun(kind: ComponentKind): 'connections' | 'threads' {
  return hasTrait(kind, 'connectionPool') ? 'connections' : 'threads';
}

/** The kinds with a trait, in the order of COMPONENT_KINDS. */
export function kindsWith(trait: KindTrait): ComponentKind[] {
  return COMPONENT_KINDS.filter((k) => hasTrait(k, trait));
}

/** Kind names in words, for a message: "queue, stream or pubsub". */
export function inWords(kinds: readonly ComponentKind[], conjunction: 'and' | 'or'): string {
  return kinds.length < 2 ? kinds.join('') : `${kinds.slice(0, -1).join(', ')} ${conjunction} ${kinds.at(-1)}`;
}
