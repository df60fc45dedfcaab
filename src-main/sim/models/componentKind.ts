/**
 * The names of the component kinds, in the order the model language lists
 * them. Each kind has its own file in this folder; index.ts maps every name
 * here to it, so a name without a file is a type error.
 */
const NAMES = [
  'source',
  'loadBalancer',
  'server',
  'auth',
  'rateLimiter',
  'redisCache',
  'postgres',
  'readReplica',
  'queue',
  'workerPool',
  'stream',
  'analyticsSink',
  'cdn',
  'pubsub',
  'websocketGateway',
  'virtualQueue',
  'inventory',
  'external',
] as const;

export type ComponentKind = (typeof NAMES)[number];

// A plain array, as it always was: callers hand it to zod's enum.
export const COMPONENT_KINDS: ComponentKind[] = [...NAMES];
