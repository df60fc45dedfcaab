/**
 * Defaults for every component kind, each with where the figure comes from.
 * Figures marked "assumption" are ours: round numbers chosen to be plausible
 * and easy to reason about, not measurements. Costs are illustrative monthly
 * list prices for one instance, in US dollars.
 */
import type { ServiceTimeSpec } from './types';

export interface Sourced<T> {
  value: T;
  source: string;
}

export interface KindDefaults {
  serviceTime: Sourced<ServiceTimeSpec>;
  baseLatencyMs: Sourced<number>;
  /** Requests one instance serves at once (threads, connections, consumers). */
  concurrency: Sourced<number>;
  costPerInstancePerMonth: Sourced<number>;
  errorRate: Sourced<number>;
}

const none = (what: string): Sourced<number> => ({ value: 0, source: `assumption: ${what}` });
const ASSUMED_VM = 'assumption: a 2 vCPU / 4 GB cloud VM lists at ~$0.096/h, about $70 a month';

export const KIND_DEFAULTS = {
  source: {
    serviceTime: { value: { distribution: 'deterministic', meanMs: 0 }, source: 'assumption: the users themselves take no service time' },
    baseLatencyMs: none('client network time is left out unless set'),
    concurrency: { value: 1_000_000, source: 'assumption: users never queue for themselves' },
    costPerInstancePerMonth: none('users cost nothing to run'),
    errorRate: none('no errors unless set'),
  },
  loadBalancer: {
    serviceTime: { value: { distribution: 'exponential', meanMs: 0.2 }, source: 'assumption: an L7 balancer adds well under a millisecond' },
    baseLatencyMs: { value: 0.3, source: 'assumption: one extra network hop inside a data centre' },
    concurrency: { value: 1000, source: 'assumption: event-driven proxies hold thousands of requests at once' },
    costPerInstancePerMonth: { value: 20, source: 'assumption: a managed L7 balancer lists at ~$0.0225/h plus usage' },
    errorRate: none('no errors unless set'),
  },
  server: {
    serviceTime: { value: { distribution: 'exponential', meanMs: 20 }, source: 'assumption: 20 ms of application work per request' },
    baseLatencyMs: { value: 0.5, source: 'assumption: one network hop inside a data centre' },
    concurrency: { value: 8, source: 'assumption: 8 worker threads per instance' },
    costPerInstancePerMonth: { value: 70, source: ASSUMED_VM },
    errorRate: none('no errors unless set'),
  },
  auth: {
    serviceTime: { value: { distribution: 'exponential', meanMs: 15 }, source: 'assumption: token checks are ~1 ms, password hashing ~50-100 ms; 15 ms is a mix' },
    baseLatencyMs: { value: 0.5, source: 'assumption: one network hop inside a data centre' },
    concurrency: { value: 4, source: 'assumption: hashing is CPU bound, one request per core' },
    costPerInstancePerMonth: { value: 70, source: ASSUMED_VM },
    errorRate: none('no errors unless set'),
  },
  rateLimiter: {
    serviceTime: { value: { distribution: 'deterministic', meanMs: 0.2 }, source: 'assumption: a token-bucket check is an in-memory counter' },
    baseLatencyMs: { value: 0.3, source: 'assumption: one network hop inside a data centre' },
    concurrency: { value: 1000, source: 'assumption: the check itself is never the bottleneck' },
    costPerInstancePerMonth: { value: 20, source: 'assumption: a small shared instance' },
    errorRate: none('no errors unless set'),
  },
  redisCache: {
    serviceTime: { value: { distribution: 'exponential', meanMs: 0.01 }, source: 'one Redis shard serves ~100K ops/s (SYLLABUS.md, caching figures)' },
    baseLatencyMs: { value: 0.99, source: 'a Redis read takes ~1 ms end to end (SYLLABUS.md, caching figures)' },
    concurrency: { value: 1, source: 'Redis executes commands on a single thread per shard' },
    costPerInstancePerMonth: { value: 50, source: 'assumption: a small managed cache node' },
    errorRate: none('no errors unless set'),
  },
  postgres: {
    serviceTime: { value: { distribution: 'uniform', minMs: 5, maxMs: 50 }, source: 'a Postgres profile read takes 5-50 ms (SYLLABUS.md, caching figures)' },
    baseLatencyMs: { value: 0.5, source: 'assumption: one network hop inside a data centre' },
    concurrency: { value: 20, source: 'assumption: a connection pool of 20, a common framework default' },
    costPerInstancePerMonth: { value: 180, source: 'assumption: a managed 2 vCPU database with storage' },
    errorRate: none('no errors unless set'),
  },
  readReplica: {
    serviceTime: { value: { distribution: 'uniform', minMs: 5, maxMs: 50 }, source: 'a Postgres profile read takes 5-50 ms (SYLLABUS.md, caching figures)' },
    baseLatencyMs: { value: 0.5, source: 'assumption: one network hop inside a data centre' },
    concurrency: { value: 20, source: 'assumption: a connection pool of 20' },
    costPerInstancePerMonth: { value: 180, source: 'assumption: same size as the primary' },
    errorRate: none('no errors unless set'),
  },
  queue: {
    serviceTime: { value: { distribution: 'deterministic', meanMs: 0 }, source: 'assumption: the enqueue cost is the network hop below' },
    baseLatencyMs: { value: 2, source: 'assumption: a durable enqueue takes a couple of milliseconds' },
    concurrency: { value: 1_000_000, source: 'assumption: accepting a message never waits for a consumer' },
    costPerInstancePerMonth: { value: 20, source: 'assumption: a managed queue at moderate volume' },
    errorRate: none('no errors unless set'),
  },
  workerPool: {
    serviceTime: { value: { distribution: 'exponential', meanMs: 100 }, source: 'assumption: a background job takes ~100 ms' },
    baseLatencyMs: none('consumers pull from the queue; the hop is inside the queue time'),
    concurrency: { value: 4, source: 'assumption: 4 jobs at once per worker instance' },
    costPerInstancePerMonth: { value: 70, source: ASSUMED_VM },
    errorRate: none('no errors unless set'),
  },
  stream: {
    serviceTime: { value: { distribution: 'deterministic', meanMs: 0 }, source: 'assumption: the append cost is the network hop below' },
    baseLatencyMs: { value: 5, source: 'assumption: a replicated append takes a few milliseconds' },
    concurrency: { value: 1_000_000, source: 'assumption: appending never waits for a consumer' },
    costPerInstancePerMonth: { value: 110, source: 'assumption: a small managed stream with a few partitions' },
    errorRate: none('no errors unless set'),
  },
  analyticsSink: {
    serviceTime: { value: { distribution: 'exponential', meanMs: 5 }, source: 'assumption: a batched analytics write' },
    baseLatencyMs: { value: 1, source: 'assumption: one network hop' },
    concurrency: { value: 100, source: 'assumption: a write-optimised store takes many writes at once' },
    costPerInstancePerMonth: { value: 50, source: 'assumption: a small columnar/time-series store' },
    errorRate: none('no errors unless set'),
  },
  cdn: {
    serviceTime: { value: { distribution: 'uniform', minMs: 20, maxMs: 40 }, source: 'a CDN edge answers in 20-40 ms (SYLLABUS.md, caching figures)' },
    baseLatencyMs: none('the edge time above already includes the network'),
    concurrency: { value: 1_000_000, source: 'assumption: edges are not a capacity limit at our scale' },
    costPerInstancePerMonth: { value: 30, source: 'assumption: a CDN plan at moderate volume' },
    errorRate: none('no errors unless set'),
  },
  pubsub: {
    serviceTime: { value: { distribution: 'deterministic', meanMs: 0 }, source: 'assumption: the publish cost is the network hop below' },
    baseLatencyMs: { value: 2, source: 'assumption: a publish takes a couple of milliseconds' },
    concurrency: { value: 1_000_000, source: 'assumption: publishing never waits for subscribers' },
    costPerInstancePerMonth: { value: 20, source: 'assumption: a managed pub/sub at moderate volume' },
    errorRate: none('no errors unless set'),
  },
  websocketGateway: {
    serviceTime: { value: { distribution: 'exponential', meanMs: 60_000 }, source: 'assumption: a client keeps its connection for about a minute' },
    baseLatencyMs: { value: 1, source: 'assumption: one network hop' },
    concurrency: { value: 10_000, source: 'assumption: one gateway instance holds ~10K open connections' },
    costPerInstancePerMonth: { value: 70, source: ASSUMED_VM },
    errorRate: none('no errors unless set'),
  },
  virtualQueue: {
    serviceTime: { value: { distribution: 'deterministic', meanMs: 0.5 }, source: 'assumption: a join is one in-memory sorted-set insert (ZADD), well under a millisecond' },
    baseLatencyMs: { value: 1, source: 'a Redis call takes ~1 ms end to end (SYLLABUS.md, caching figures)' },
    concurrency: { value: 1_000_000, source: 'assumption: joining never waits for the admission worker' },
    costPerInstancePerMonth: { value: 50, source: 'assumption: a small managed Redis node holding the sorted set' },
    errorRate: none('no errors unless set'),
  },
  inventory: {
    serviceTime: { value: { distribution: 'deterministic', meanMs: 0.1 }, source: 'one counter key is a hot key beyond ~10K reservations/s (SCENARIOS.md, flash sale): 0.1 ms per reservation on its single thread' },
    baseLatencyMs: { value: 0.9, source: 'a Redis call takes ~1 ms end to end (SYLLABUS.md, caching figures)' },
    concurrency: { value: 1, source: 'Redis executes commands on a single thread per shard' },
    costPerInstancePerMonth: { value: 50, source: 'assumption: one small managed Redis node per shard' },
    errorRate: none('no errors unless set'),
  },
  external: {
    serviceTime: { value: { distribution: 'uniform', minMs: 200, maxMs: 500 }, source: 'a payment call takes 200-500 ms (SCENARIOS.md, flash sale)' },
    baseLatencyMs: none('the call time above already includes the network'),
    concurrency: { value: 1_000_000, source: 'assumption: the provider is not our capacity to plan' },
    costPerInstancePerMonth: { value: 0, source: 'assumption: billed per call by the provider, outside the budget' },
    errorRate: { value: 0.01, source: 'assumption: 1 % of third-party calls fail' },
  },
} as const satisfies Record<string, KindDefaults>;

export type ComponentKind = keyof typeof KIND_DEFAULTS;
export const COMPONENT_KINDS = Object.keys(KIND_DEFAULTS) as ComponentKind[];

/** Kind-specific defaults, also sourced. */
export const SPECIFIC_DEFAULTS = {
  loadBalancerPolicy: { value: 'roundRobin', source: 'assumption: the usual default of managed balancers' },
  cacheCapacityKeys: { value: 10_000, source: 'assumption' },
  cacheKeyCount: { value: 100_000, source: 'assumption' },
  cacheZipfExponent: { value: 0.8, source: 'web object popularity is Zipf-like with exponent ~0.6-1.0 (Breslau et al. 1999)' },
  cacheEviction: { value: 'lru', source: 'assumption: Redis is usually configured with an LRU policy' },
  cdnCapacityKeys: { value: 50_000, source: 'assumption' },
  rateLimiterBurst: { value: 100, source: 'assumption' },
  postgresHotRows: { value: 100, source: 'assumption: contended writes spread over 100 rows' },
  databaseCpuCores: { value: 2, source: 'the managed database priced here has 2 vCPUs' },
  databaseCpuShare: { value: 0.1, source: 'assumption: a 5-50 ms read spends about a tenth of its time on the CPU and the rest waiting for pages and the network, so 2 cores keep about 20 connections busy: the default pool' },
  replicationLagMs: { value: 100, source: 'assumption: asynchronous replication usually lags by well under a second' },
  queueMaxAttempts: { value: 5, source: 'assumption: a common dead-letter threshold' },
  streamPartitions: { value: 6, source: 'assumption' },
  pubsubFanout: { value: 3, source: 'assumption: three subscribers per topic' },
  autoscaleWarmupSec: { value: 60, source: 'assumption: a new worker takes about a minute to boot' },
  autoscaleCheckEverySec: { value: 15, source: 'assumption: a typical autoscaler evaluation period' },
  virtualQueueAdmitPerSec: { value: 1000, source: 'a token worker admits 1,000 buyers per second (SCENARIOS.md, flash sale)' },
  inventoryStock: { value: 10_000, source: 'assumption: units on sale' },
  inventoryUpdate: { value: 'atomic', source: 'an atomic in-memory decrement is the reference design (SCENARIOS.md, flash sale)' },
  inventoryReadWriteGapMs: { value: 60, source: 'a database SELECT ... FOR UPDATE + UPDATE + COMMIT takes 50-100 ms under contention (SCENARIOS.md, flash sale); a read-modify-write without the lock spans the same round trips' },
  inventoryReservationTtlSec: { value: 300, source: 'a reservation expires after 5 minutes unpaid (SCENARIOS.md, flash sale)' },
  inventoryAbandonRate: { value: 0.1, source: 'assumption: one reservation in ten is never paid' },
  inventoryShards: { value: 1, source: 'assumption: one counter key unless sharded' },
  inventoryPaymentDelayMs: { value: 350, source: 'a payment call takes 200-500 ms (SCENARIOS.md, flash sale); a failed one returns its unit then' },
  deadlineMs: { value: 1000, source: 'assumption: a user notices a second' },
  requestsPerUserPerSec: { value: 0.1, source: 'assumption: one request every ten seconds per active user' },
  retryBaseDelayMs: { value: 100, source: 'assumption' },
  retryMaxDelayMs: { value: 10_000, source: 'assumption' },
} as const;
