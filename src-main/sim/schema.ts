/**
 * The model language, as one zod schema. Field-level rules live with each
 * component kind (models/); this file adds traffic, workloads, faults and the
 * checks that span fields (a path naming a component that does not exist).
 */
import { z } from 'zod';
import { LIMITS, fraction, identifier, numberIn, oneOf, positive, serviceTimeSchema, wholeNumber } from './fields';
import { COMPONENT_KINDS, type ComponentKind } from './models/componentKind';
import { componentSchemas, hasTrait, inWords, kindsWith } from './models/index';

export const TRAFFIC_SHAPES = ['steady', 'morningSurge', 'flashSale', 'diurnal', 'spike'] as const;

const trafficSchema = z
  .strictObject({
    /** Peak request rate (requests per second), instead of users. */
    ratePerSec: positive(LIMITS.maxRatePerSec, 'requests per second').optional(),
    /** Off-peak request rate; defaults to ratePerSec (flat). */
    baselineRatePerSec: numberIn(0, LIMITS.maxRatePerSec, 'requests per second').optional(),
    baselineUsers: numberIn(0, LIMITS.maxUsers, 'a number of users').optional(),
    peakUsers: numberIn(0, LIMITS.maxUsers, 'a number of users').optional(),
    requestsPerUserPerSec: positive(1000, 'requests per user per second').optional(),
    shape: oneOf(TRAFFIC_SHAPES).optional(),
    /** When the surge, sale or spike starts (seconds from the start). */
    startSec: numberIn(0, LIMITS.maxDurationSec, 'seconds').optional(),
    rampSec: numberIn(0, LIMITS.maxDurationSec, 'seconds').optional(),
    holdSec: numberIn(0, LIMITS.maxDurationSec, 'seconds').optional(),
    durationSec: positive(LIMITS.maxDurationSec, 'seconds').optional(),
    durationHours: positive(LIMITS.maxDurationSec / 3600, 'hours').optional(),
    /** Results before this time are left out of the totals (the system starts empty). */
    warmupSec: numberIn(0, LIMITS.maxDurationSec, 'seconds').optional(),
  })
  .superRefine((t, ctx) => {
    if ((t.durationSec === undefined) === (t.durationHours === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['durationSec'], message: 'expected exactly one of durationSec or durationHours' });
    }
    const byRate = t.ratePerSec !== undefined;
    const byUsers = t.baselineUsers !== undefined || t.peakUsers !== undefined;
    if (byRate === byUsers) {
      ctx.addIssue({ code: 'custom', path: ['ratePerSec'], message: 'expected either ratePerSec or baselineUsers/peakUsers (not both)' });
    }
    if (byRate && t.baselineRatePerSec !== undefined && t.ratePerSec !== undefined && t.baselineRatePerSec > t.ratePerSec) {
      ctx.addIssue({ code: 'custom', path: ['baselineRatePerSec'], message: 'expected a baseline rate no higher than ratePerSec (the peak)' });
    }
    if (t.baselineUsers !== undefined && t.peakUsers !== undefined && t.peakUsers < t.baselineUsers) {
      ctx.addIssue({ code: 'custom', path: ['peakUsers'], message: 'expected peakUsers >= baselineUsers' });
    }
    const duration = t.durationSec ?? (t.durationHours ?? 0) * 3600;
    if (t.warmupSec !== undefined && t.warmupSec >= duration) {
      ctx.addIssue({ code: 'custom', path: ['warmupSec'], message: 'expected a warm-up shorter than the duration' });
    }
  });

const hopSchema = z.union(
  [
    identifier,
    z.strictObject({
      component: identifier,
      /** Overrides the component's service time for this workload (e.g. writes are slower than reads). */
      serviceTime: serviceTimeSchema.optional(),
      /** Postgres only: the transaction locks one hot row. */
      locksRow: z.boolean({ error: 'expected true or false' }).optional(),
      /** Caches only: hops skipped on a hit (default: the rest of the synchronous path). */
      skipOnHit: wholeNumber(0, 100).optional(),
      /** The hop's work changes the world (charges a card, saves an order): done twice when a retry repeats it. */
      sideEffect: z.boolean({ error: 'expected true or false' }).optional(),
    }),
  ],
  { error: 'expected a component id or { component, serviceTime?, locksRow?, skipOnHit?, sideEffect? }' },
);

const retrySchema = z.strictObject({
  policy: oneOf(['none', 'fixed', 'exponential']),
  /** Attempts in all, the first one included. */
  maxAttempts: wholeNumber(1, LIMITS.maxAttempts).optional(),
  baseDelayMs: numberIn(0, LIMITS.maxMs, 'milliseconds').optional(),
  maxDelayMs: numberIn(0, LIMITS.maxMs, 'milliseconds').optional(),
  jitter: z.boolean({ error: 'expected true or false' }).optional(),
});

const workloadSchema = z.strictObject({
  share: positive(1e9, 'a share of traffic').optional(),
  path: z.array(hopSchema, { error: 'expected a list of component ids' }).min(1, { error: 'expected at least one hop' }).max(LIMITS.maxHops, { error: `expected at most ${LIMITS.maxHops} hops` }),
  deadlineMs: positive(LIMITS.maxMs, 'milliseconds').optional(),
  /** Per attempt: the client gives up on an attempt after this long. */
  timeoutMs: positive(LIMITS.maxMs, 'milliseconds').optional(),
  retry: retrySchema.optional(),
  /**
   * Answer with a degraded response (e.g. cached or default) instead of an error. It counts as up only
   * when `acceptable` (a cached page is still a page; a checkout that took no order is not).
   */
  fallback: z.strictObject({ latencyMs: numberIn(0, LIMITS.maxMs, 'milliseconds'), acceptable: z.boolean({ error: 'expected true or false' }).optional() }).optional(),
  /** Retries carry an idempotency key: a repeated side effect is recognised and not done twice. */
  idempotencyKey: z.boolean({ error: 'expected true or false' }).optional(),
  /** Background work (after a queue) finished later than this counts as late. */
  backgroundDeadlineMs: positive(LIMITS.maxMs, 'milliseconds').optional(),
  /** Higher runs first where requests wait (0-9). */
  priority: wholeNumber(0, 9).optional(),
  /**
   * The part of the traffic this workload makes up: the baseline (there all along) or the surge above it
   * (only while the shape rises, e.g. buyers at a sale's opening). Unset: a share of all of it. Shares are
   * shares within the part.
   */
  part: oneOf(['baseline', 'surge']).optional(),
});

const faultSchema = z
  .strictObject({
    component: identifier,
    fromSec: numberIn(0, LIMITS.maxDurationSec, 'seconds'),
    toSec: numberIn(0, LIMITS.maxDurationSec, 'seconds'),
    effect: oneOf(['slow', 'fail', 'errors']),
    /** For slow: service times are multiplied by this. */
    factor: numberIn(1, 10_000, 'a slow-down factor').optional(),
    /** For errors: share of visits that fail. */
    errorRate: fraction.optional(),
  })
  .superRefine((f, ctx) => {
    if (f.toSec <= f.fromSec) ctx.addIssue({ code: 'custom', path: ['toSec'], message: 'expected toSec after fromSec' });
    if (f.effect === 'slow' && f.factor === undefined) ctx.addIssue({ code: 'custom', path: ['factor'], message: 'expected a factor for a slow fault' });
    if (f.effect === 'errors' && f.errorRate === undefined) ctx.addIssue({ code: 'custom', path: ['errorRate'], message: 'expected an errorRate for an errors fault' });
  });

// Named in the messages below: the kinds a path rule is about.
const GATES = kindsWith('admissionGate');
const HANDOFFS = kindsWith('asynchronous').filter((k) => !hasTrait(k, 'admissionGate'));
const LOCKING = kindsWith('rowLocks');

/** A check that a map has at most `max` entries, said with how many it has. */
function atMost(max: number, what: string) {
  return (map: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const n = Object.keys(map).length;
    if (n > max) ctx.addIssue({ code: 'custom', message: `expected at most ${max} ${what} (this has ${n})` });
  };
}

const componentSchema = z.discriminatedUnion('kind', componentSchemas, { error: `expected kind to be one of: ${COMPONENT_KINDS.join(', ')}` });

export const modelSchema = z
  .strictObject({
    name: z.string({ error: 'expected text' }).max(200, { error: 'expected at most 200 characters' }).optional(),
    description: z.string({ error: 'expected text' }).optional(),
    traffic: trafficSchema,
    components: z.record(identifier, componentSchema, { error: 'expected a map of component id -> component' }).superRefine(atMost(LIMITS.maxComponents, 'components')),
    workloads: z.record(identifier, workloadSchema, { error: 'expected a map of workload name -> workload' }).superRefine(atMost(LIMITS.maxWorkloads, 'workloads')),
    faults: z.array(faultSchema, { error: 'expected a list of faults' }).max(LIMITS.maxFaults, { error: `expected at most ${LIMITS.maxFaults} faults` }).optional(),
  })
  .superRefine((m, ctx) => {
    const ids = Object.keys(m.components);
    if (ids.length === 0) ctx.addIssue({ code: 'custom', path: ['components'], message: 'expected at least one component' });
    if (Object.keys(m.workloads).length === 0) ctx.addIssue({ code: 'custom', path: ['workloads'], message: 'expected at least one workload' });
    const parted = Object.values(m.workloads).filter((w) => w.part !== undefined).length;
    if (parted > 0) {
      for (const [name, w] of Object.entries(m.workloads)) {
        if (w.part === undefined) ctx.addIssue({ code: 'custom', path: ['workloads', name, 'part'], message: 'expected baseline or surge: when one workload names its part of the traffic, every workload must' });
      }
      if (!Object.values(m.workloads).some((w) => w.part === 'baseline')) ctx.addIssue({ code: 'custom', path: ['workloads'], message: 'expected at least one workload with part: baseline' });
    }
    for (const [name, w] of Object.entries(m.workloads)) {
      // A gate (a virtual queue) admits to the synchronous part: at most one per path, before any other hand-off.
      let asyncSeen = false;
      let gates = 0;
      w.path.forEach((hop, i) => {
        const kind: ComponentKind | undefined = m.components[typeof hop === 'string' ? hop : hop.component]?.kind;
        if (kind === undefined) return;
        if (hasTrait(kind, 'admissionGate')) {
          if (++gates > 1 || asyncSeen) ctx.addIssue({ code: 'custom', path: ['workloads', name, 'path', i], message: `expected at most one ${inWords(GATES, 'or')} per path, before any ${inWords(HANDOFFS, 'or')}` });
          asyncSeen = true;
        } else if (hasTrait(kind, 'asynchronous')) asyncSeen = true;
      });
      w.path.forEach((hop, i) => {
        const id = typeof hop === 'string' ? hop : hop.component;
        const c = m.components[id];
        // A missing component is said by references.ts, which also reads models whose fields are wrong.
        if (!c) return;
        if (typeof hop !== 'string') {
          if (hop.locksRow && !hasTrait(c.kind, 'rowLocks')) ctx.addIssue({ code: 'custom', path: ['workloads', name, 'path', i, 'locksRow'], message: `expected locksRow only on a ${inWords(LOCKING, 'or')} hop ("${id}" is ${c.kind})` });
          if (hop.skipOnHit !== undefined && !hasTrait(c.kind, 'cache')) ctx.addIssue({ code: 'custom', path: ['workloads', name, 'path', i, 'skipOnHit'], message: `expected skipOnHit only on a cache hop ("${id}" is ${c.kind})` });
        }
      });
    }
  });
