/**
 * The scenario file format (scenarios/*.yaml), as one zod schema. Messages
 * say what was expected so a broken file is reported by file, field and rule.
 * Designs inside a scenario (starting, reference) use the design body schema.
 */
import { z } from 'zod';
import { idField } from '../api/fields';
import { COMPONENT_KINDS } from '../sim/defaults';
import { TRAFFIC_SHAPES } from '../sim/schema';
import { designBodySchema } from './designSchema';
import { conditionSchema } from './conditions';
import { patchSchema } from './remedy';

const text = (max: number) => z.string({ error: 'expected text' }).trim().min(1, { error: 'expected some text' }).max(max, { error: `expected at most ${max} characters` });
const slug = idField('an id');
const name = z.string({ error: 'expected a name' }).regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, { error: 'expected a name of letters, digits, "-" or "_" starting with a letter' });
const kind = z.enum(COMPONENT_KINDS as [string, ...string[]], { error: `expected a component kind (one of: ${COMPONENT_KINDS.join(', ')})` });
const num = (min: number, max: number, what: string) =>
  z.number({ error: `expected ${what}` }).min(min, { error: `expected ${what} of at least ${min}` }).max(max, { error: `expected ${what} of at most ${max}` });

export const CONTRACT_METRICS = ['uptimePct', 'p95Ms', 'p99Ms', 'errorRatePct', 'costPerMonth', 'throughputPerSec', 'utilisation', 'queueDepth', 'deadLettered', 'oversoldUnits', 'soldUnits', 'stepsInBackground', 'asyncBacklog', 'backgroundLatePct', 'duplicates', 'fallbackPct', 'admittedP99Ms'] as const;

const extraTermSchema = z
  .strictObject({
    id: slug,
    label: text(120),
    metric: z.enum(CONTRACT_METRICS, { error: `expected one of: ${CONTRACT_METRICS.join(', ')}` }),
    workload: name.optional(),
    kind: kind.optional(),
    max: z.number({ error: 'expected a number' }).optional(),
    min: z.number({ error: 'expected a number' }).optional(),
  })
  .refine((t) => (t.max === undefined) !== (t.min === undefined), { message: 'expected exactly one of max or min', path: ['max'] });

const stepSchema = z.strictObject({
  label: text(80),
  /** Component kinds or fixed component ids that can do this step. */
  doneBy: z.array(z.string({ error: 'expected a component kind or a fixed component id' }), { error: 'expected a list of component kinds' }).min(1, { error: 'expected at least one component kind' }),
  serviceMs: num(0, 600_000, 'milliseconds').optional(),
  /** Spread of the service time: exponential (the default for work), uniform ±50 %, or fixed. */
  distribution: z.enum(['exponential', 'uniform', 'deterministic'], { error: 'expected one of: exponential, uniform, deterministic' }).optional(),
  locksRow: z.boolean({ error: 'expected true or false' }).optional(),
  /** The answer depends on it having happened (charge the card, save the order): graded when done after the answer. */
  mustFinishFirst: z.boolean({ error: 'expected true or false' }).optional(),
  /** The user's answer carries this step's result (a read): it cannot run behind a queue. */
  answers: z.boolean({ error: 'expected true or false' }).optional(),
  /** A read whose result a cache may keep: a cache hit answers it. Other steps are never skipped by a hit. */
  cacheable: z.boolean({ error: 'expected true or false' }).optional(),
  /** What the step changes in the world, in a few words ("a charge", "an order"): a retry without an idempotency key can do it twice. */
  sideEffect: text(40).optional(),
});

const workloadSchema = z.strictObject({
  id: name,
  label: text(60),
  description: text(400),
  share: num(0.0001, 1, 'a share of traffic (0..1)'),
  deadlineMs: num(1, 600_000, 'milliseconds'),
  /** What a fallback answer gives the user, and whether that counts as up (a cached page does; a checkout that took no order does not). */
  fallback: z.strictObject({ gives: text(120), acceptable: z.boolean({ error: 'expected true or false' }), maxPct: num(0, 100, 'a percentage').optional() }).optional(),
  /** The part of the traffic it makes up: the baseline (there all along) or the surge above it (only while it lasts). Unset: a share of all of it. */
  part: z.enum(['baseline', 'surge'], { error: 'expected baseline or surge' }).optional(),
  /** Work of this workload left to the background must be done within this; later counts as late. */
  backgroundWithinMinutes: num(0.01, 60 * 24 * 7, 'minutes').optional(),
  steps: z.array(stepSchema, { error: 'expected a list of steps' }).min(1, { error: 'expected at least one step' }),
});

const fixedSchema = z.strictObject({
  id: name,
  kind,
  label: text(60),
  purpose: text(200),
  /** Model fields for this component (service time, error rate, ...), checked by the simulator. */
  model: z.record(z.string(), z.unknown()).optional(),
});

const hintSchema = z.strictObject({
  id: slug,
  title: text(120),
  text: text(1200),
  lessons: z.array(slug).optional(),
  when: conditionSchema,
  remedy: z.strictObject({ description: text(200), patch: z.array(patchSchema).min(1, { error: 'expected at least one change' }) }).optional(),
});

const drillSchema = z.strictObject({
  id: slug,
  title: text(80),
  description: text(400),
  fault: z.strictObject({
    /** A component kind or a fixed component id: every matching component gets the fault. */
    target: z.string({ error: 'expected a component kind or a fixed component id' }),
    effect: z.enum(['slow', 'fail', 'errors'], { error: 'expected one of: slow, fail, errors' }),
    factor: num(1, 10_000, 'a slow-down factor').optional(),
    errorRate: num(0, 1, 'a fraction').optional(),
    fromHour: num(0, 24 * 30, 'hours'),
    toHour: num(0, 24 * 30, 'hours'),
  }),
});

export const scenarioSchema = z
  .strictObject({
    id: slug,
    title: text(100),
    category: text(60),
    difficulty: z.enum(['intro', 'medium', 'hard'], { error: 'expected one of: intro, medium, hard' }),
    summary: text(200),
    story: text(2000),
    briefing: z.strictObject({ concept: text(2000), keyPoints: z.array(text(400)).min(1, { error: 'expected at least one key point' }) }),
    contract: z.strictObject({
      uptimePct: num(0, 100, 'a percentage'),
      p95Ms: num(1, 600_000, 'milliseconds'),
      budgetPerMonth: num(0, 10_000_000, 'dollars per month'),
      /** Background work done late, dead-lettered or still waiting at the end, as a share of what was accepted (default 0.1 %). */
      backgroundLostPct: num(0, 100, 'a percentage').optional(),
      extra: z.array(extraTermSchema).optional(),
    }),
    traffic: z.strictObject({
      baselineUsers: num(0, 1e8, 'a number of users'),
      peakUsers: num(1, 1e8, 'a number of users'),
      shape: z.enum(TRAFFIC_SHAPES, { error: `expected one of: ${TRAFFIC_SHAPES.join(', ')}` }),
      hours: num(0.1, 24 * 30, 'hours'),
      requestsPerUserPerSec: num(0.0001, 100, 'requests per user per second'),
      startHour: num(0, 24 * 30, 'hours').optional(),
      rampMinutes: num(0, 24 * 60, 'minutes').optional(),
      holdHours: num(0, 24 * 30, 'hours').optional(),
    }),
    /** Key popularity for every cache in the design. */
    data: z.strictObject({ keyCount: num(1, 1e9, 'a number of keys'), zipfExponent: num(0, 3, 'a Zipf exponent') }).optional(),
    /** Model fields the scenario sets for every component of a kind (e.g. the stock on sale); the learner cannot change them. */
    settings: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
    workloads: z.array(workloadSchema).min(1, { error: 'expected at least one workload' }),
    offered: z.array(kind).min(1, { error: 'expected at least one component kind' }),
    fixed: z.array(fixedSchema).optional(),
    hints: z.array(hintSchema).optional(),
    interviewQuestions: z.array(text(200)).optional(),
    lessons: z.array(slug).optional(),
    drills: z.array(drillSchema).optional(),
    starting: designBodySchema,
    reference: designBodySchema,
  })
  .superRefine((s, ctx) => {
    // Shares add up to 1 within each part of the traffic (all of it, or the baseline and the surge).
    const parted = s.workloads.some((w) => w.part !== undefined);
    for (const part of parted ? (['baseline', 'surge'] as const) : ([undefined] as const)) {
      const group = s.workloads.filter((w) => w.part === part);
      const total = group.reduce((sum, w) => sum + w.share, 0);
      if (group.length > 0 && Math.abs(total - 1) > 0.001) ctx.addIssue({ code: 'custom', path: ['workloads'], message: `expected ${part ? `the ${part} workloads' shares` : 'workload shares'} adding up to 1, got ${Number(total.toFixed(4))}` });
    }
    s.workloads.forEach((w, i) => {
      if (parted && w.part === undefined) ctx.addIssue({ code: 'custom', path: ['workloads', i, 'part'], message: 'expected baseline or surge: when one workload names its part of the traffic, every workload must' });
    });
    if (s.traffic.peakUsers < s.traffic.baselineUsers) ctx.addIssue({ code: 'custom', path: ['traffic', 'peakUsers'], message: 'expected peakUsers >= baselineUsers' });
    const fixedIds = new Set((s.fixed ?? []).map((f) => f.id));
    const can = (who: string) => fixedIds.has(who) || (COMPONENT_KINDS as string[]).includes(who);
    s.workloads.forEach((w, wi) =>
      w.steps.forEach((step, si) =>
        step.doneBy.forEach((who, di) => {
          if (!can(who)) ctx.addIssue({ code: 'custom', path: ['workloads', wi, 'steps', si, 'doneBy', di], message: `expected a component kind or a fixed component id (${[...fixedIds].join(', ') || 'none'}), got "${who}"` });
        }),
      ),
    );
    const workloadIds = new Set(s.workloads.map((w) => w.id));
    (s.contract.extra ?? []).forEach((t, i) => {
      if (t.workload && !workloadIds.has(t.workload)) ctx.addIssue({ code: 'custom', path: ['contract', 'extra', i, 'workload'], message: `expected a workload id (one of: ${[...workloadIds].join(', ')})` });
    });
    (s.drills ?? []).forEach((d, i) => {
      if (!can(d.fault.target)) ctx.addIssue({ code: 'custom', path: ['drills', i, 'fault', 'target'], message: 'expected a component kind or a fixed component id' });
      if (d.fault.toHour <= d.fault.fromHour) ctx.addIssue({ code: 'custom', path: ['drills', i, 'fault', 'toHour'], message: 'expected toHour after fromHour' });
      if (d.fault.toHour > s.traffic.hours) ctx.addIssue({ code: 'custom', path: ['drills', i, 'fault', 'toHour'], message: `expected a time within the run (${s.traffic.hours} hours)` });
    });
  });

export type ScenarioSpec = z.output<typeof scenarioSchema>;
export type ScenarioWorkloadSpec = ScenarioSpec['workloads'][number];
export type ScenarioStepSpec = ScenarioWorkloadSpec['steps'][number];
export type ScenarioHintSpec = NonNullable<ScenarioSpec['hints']>[number];
export type ScenarioDrillSpec = NonNullable<ScenarioSpec['drills']>[number];
export type ExtraTermSpec = NonNullable<ScenarioSpec['contract']['extra']>[number];
