/**
 * The designer's palette: for each component kind, what it is for in one
 * line, the settings a learner may change (with units and ranges), and how
 * those settings become fields of the simulator's model.
 */
import { KIND_DEFAULTS, SPECIFIC_DEFAULTS, type ComponentKind } from '../sim/defaults';
import type { OptionSpec, OptionValues, PaletteEntry } from './types';

interface KindEntry {
  label: string;
  purpose: string;
  maxInstances: number;
  options: OptionSpec[];
  /** Model fields from the learner's settings (already checked against `options`). */
  toModel?: (o: OptionValues) => Record<string, unknown>;
}

const threads = (def: number, help: string): OptionSpec => ({ key: 'concurrency', label: 'Threads per instance', help, type: 'number', unit: 'threads', min: 1, max: 256, step: 1, default: def });
const ttl: OptionSpec = { key: 'ttlSec', label: 'Time to live', help: 'Entries older than this are fetched again; 0 keeps them until evicted.', type: 'number', unit: 's', min: 0, max: 86_400, step: 1, default: 0 };
const cacheSize = (def: number): OptionSpec => ({ key: 'capacityKeys', label: 'Capacity', help: 'How many keys fit before the eviction policy removes one.', type: 'number', unit: 'keys', min: 100, max: 10_000_000, step: 100, default: def });
const retriesBeforeDeadLetter: OptionSpec = { key: 'maxAttempts', label: 'Attempts before dead-letter', help: 'A message that fails this many times is set aside instead of retried forever.', type: 'number', unit: 'attempts', min: 1, max: 20, step: 1, default: SPECIFIC_DEFAULTS.queueMaxAttempts.value };
const noZero = (o: OptionValues, key: string) => (typeof o[key] === 'number' && (o[key] as number) > 0 ? { [key]: o[key] } : {});

const KINDS: Partial<Record<string, KindEntry>> = {
  loadBalancer: {
    label: 'Load balancer',
    purpose: 'Spreads requests over the instances behind it.',
    maxInstances: 4,
    options: [{ key: 'policy', label: 'Policy', help: 'How the next instance is picked.', type: 'choice', choices: [{ value: 'roundRobin', label: 'Round robin' }, { value: 'leastConnections', label: 'Least connections' }], default: 'roundRobin' }],
  },
  server: {
    label: 'App server',
    purpose: 'Runs the application code for each request.',
    maxInstances: 50,
    options: [threads(KIND_DEFAULTS.server.concurrency.value, 'Requests one instance works on at once.')],
  },
  auth: {
    label: 'Auth service',
    purpose: 'Checks passwords and tokens apart from product code.',
    maxInstances: 20,
    options: [threads(KIND_DEFAULTS.auth.concurrency.value, 'Hashing is CPU bound: one request per core.')],
  },
  rateLimiter: {
    label: 'Rate limiter',
    purpose: 'Rejects requests beyond a rate (token bucket).',
    maxInstances: 4,
    options: [
      { key: 'ratePerSec', label: 'Allowed rate', help: 'Tokens added per second; requests without a token are rejected.', type: 'number', unit: 'req/s', min: 1, max: 1_000_000, step: 1, default: 1000 },
      { key: 'burst', label: 'Burst', help: 'Tokens the bucket holds: how big a burst passes at once.', type: 'number', unit: 'requests', min: 1, max: 1_000_000, step: 1, default: SPECIFIC_DEFAULTS.rateLimiterBurst.value },
    ],
  },
  redisCache: {
    label: 'Redis cache',
    purpose: 'Answers repeated reads from memory in about a millisecond.',
    maxInstances: 16,
    options: [
      cacheSize(SPECIFIC_DEFAULTS.cacheCapacityKeys.value),
      ttl,
      { key: 'eviction', label: 'Eviction', help: 'Which key goes when the cache is full.', type: 'choice', choices: [{ value: 'lru', label: 'Least recently used' }, { value: 'lfu', label: 'Least frequently used' }, { value: 'fifo', label: 'First in, first out' }], default: 'lru' },
    ],
    toModel: (o) => ({ capacityKeys: o.capacityKeys, eviction: o.eviction, ...noZero(o, 'ttlSec') }),
  },
  cdn: {
    label: 'CDN',
    purpose: 'Serves cacheable responses from the edge, near the user.',
    maxInstances: 1,
    options: [cacheSize(SPECIFIC_DEFAULTS.cdnCapacityKeys.value), ttl],
    toModel: (o) => ({ capacityKeys: o.capacityKeys, ...noZero(o, 'ttlSec') }),
  },
  postgres: {
    label: 'Postgres',
    purpose: 'The database of record: durable rows, transactions, locks.',
    maxInstances: 1,
    options: [{ key: 'connectionPool', label: 'Connection pool', help: 'Transactions at once; a request waiting for a lock keeps its connection.', type: 'number', unit: 'connections', min: 1, max: 500, step: 1, default: KIND_DEFAULTS.postgres.concurrency.value }],
  },
  readReplica: {
    label: 'Read replica',
    purpose: 'A copy of the database that takes reads off the primary.',
    maxInstances: 8,
    options: [{ key: 'connectionPool', label: 'Connection pool', help: 'Reads at once per replica.', type: 'number', unit: 'connections', min: 1, max: 500, step: 1, default: KIND_DEFAULTS.readReplica.concurrency.value }],
  },
  queue: {
    label: 'Queue',
    purpose: 'Accepts work now so it can be done later, in the background.',
    maxInstances: 1,
    options: [
      { key: 'maxDepth', label: 'Bound', help: 'Messages it holds before refusing more; 0 means unbounded.', type: 'number', unit: 'messages', min: 0, max: 10_000_000, step: 1, default: 0 },
      retriesBeforeDeadLetter,
    ],
    toModel: (o) => ({ maxAttempts: o.maxAttempts, ...noZero(o, 'maxDepth') }),
  },
  workerPool: {
    label: 'Worker pool',
    purpose: 'Background workers that take jobs from a queue or stream.',
    maxInstances: 100,
    options: [
      threads(KIND_DEFAULTS.workerPool.concurrency.value, 'Jobs one worker runs at once.'),
      { key: 'autoscale', label: 'Autoscale on queue depth', help: 'Add workers when the backlog grows (each takes a while to warm up).', type: 'boolean', default: false },
      { key: 'maxInstances', label: 'Most workers', help: 'The autoscaler never goes beyond this.', type: 'number', unit: 'workers', min: 1, max: 100, step: 1, default: 10 },
      { key: 'targetQueuePerInstance', label: 'Backlog per worker', help: 'The autoscaler adds a worker for every this many waiting jobs.', type: 'number', unit: 'jobs', min: 1, max: 100_000, step: 1, default: 100 },
    ],
    toModel: (o) => ({
      concurrency: o.concurrency,
      ...(o.autoscale === true ? { autoscale: { minInstances: 1, maxInstances: o.maxInstances, targetQueuePerInstance: o.targetQueuePerInstance } } : {}),
    }),
  },
  stream: {
    label: 'Durable stream',
    purpose: 'An ordered, replayable log that consumers read at their own pace.',
    maxInstances: 1,
    options: [{ key: 'partitions', label: 'Partitions', help: 'Consumers read partitions in parallel; one consumer per partition.', type: 'number', unit: 'partitions', min: 1, max: 256, step: 1, default: SPECIFIC_DEFAULTS.streamPartitions.value }, retriesBeforeDeadLetter],
  },
  analyticsSink: {
    label: 'Analytics sink',
    purpose: 'A write-optimised store for events and statistics.',
    maxInstances: 10,
    options: [threads(KIND_DEFAULTS.analyticsSink.concurrency.value, 'Writes one instance takes at once.')],
  },
  pubsub: { label: 'Pub/sub', purpose: 'Fans one message out to every subscriber.', maxInstances: 1, options: [] },
  websocketGateway: { label: 'WebSocket gateway', purpose: 'Holds open connections to push updates to clients.', maxInstances: 50, options: [] },
  virtualQueue: {
    label: 'Virtual queue',
    purpose: 'Lines buyers up in order and admits a steady number per second.',
    maxInstances: 1,
    options: [{ key: 'admitPerSec', label: 'Admitted per second', help: 'Purchase tokens released each second, oldest buyer first.', type: 'number', unit: 'buyers/s', min: 1, max: 1_000_000, step: 1, default: 1000 }],
  },
  inventory: {
    label: 'Stock counter',
    purpose: 'Counts the units left, in memory, and hands out reservations.',
    maxInstances: 1,
    options: [
      { key: 'update', label: 'Update', help: 'Atomic: one indivisible decrement. Read-then-write: read, check, write back (two buyers can read the same count).', type: 'choice', choices: [{ value: 'atomic', label: 'Atomic decrement' }, { value: 'readThenWrite', label: 'Read, then write' }], default: 'atomic' },
      { key: 'shards', label: 'Shards', help: 'Stock split over this many keys, so no single key is hot.', type: 'number', unit: 'keys', min: 1, max: 64, step: 1, default: 1 },
    ],
  },
};

export function paletteEntry(kind: ComponentKind): PaletteEntry {
  const k = KINDS[kind];
  const defaults = KIND_DEFAULTS[kind as keyof typeof KIND_DEFAULTS] as { costPerInstancePerMonth: { value: number } } | undefined;
  return {
    kind,
    label: k?.label ?? kind,
    purpose: k?.purpose ?? '',
    costPerInstancePerMonth: defaults?.costPerInstancePerMonth.value ?? 0,
    maxInstances: k?.maxInstances ?? 1,
    options: k?.options ?? [],
  };
}

export function kindLabel(kind: string): string {
  return KINDS[kind]?.label ?? kind;
}

/** Checks the learner's settings for one component; returns the problems in words. */
export function checkOptions(kind: ComponentKind, options: OptionValues): string[] {
  const specs = KINDS[kind]?.options ?? [];
  const problems: string[] = [];
  for (const key of Object.keys(options)) {
    if (!specs.some((s) => s.key === key)) problems.push(`"${key}" is not a setting of a ${kindLabel(kind)}${specs.length ? ` (settings: ${specs.map((s) => s.key).join(', ')})` : ''}`);
  }
  for (const spec of specs) {
    const v = options[spec.key];
    if (v === undefined) continue;
    if (spec.type === 'number' && (typeof v !== 'number' || !Number.isFinite(v) || v < spec.min || v > spec.max)) problems.push(`${spec.label} should be a number from ${spec.min} to ${spec.max} ${spec.unit}, got ${JSON.stringify(v)}`);
    if (spec.type === 'choice' && !spec.choices.some((c) => c.value === v)) problems.push(`${spec.label} should be one of: ${spec.choices.map((c) => c.value).join(', ')}; got ${JSON.stringify(v)}`);
    if (spec.type === 'boolean' && typeof v !== 'boolean') problems.push(`${spec.label} should be true or false, got ${JSON.stringify(v)}`);
  }
  return problems;
}

/** Model fields for a component: defaults for settings left out, then the kind's own mapping. */
export function optionsToModel(kind: ComponentKind, options: OptionValues): Record<string, unknown> {
  const k = KINDS[kind];
  if (!k) return {};
  const full: OptionValues = {};
  for (const spec of k.options) full[spec.key] = options[spec.key] ?? spec.default;
  if (k.toModel) return k.toModel(full);
  return { ...full };
}
