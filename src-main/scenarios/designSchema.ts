/**
 * The design format: what the learner builds on the canvas, saved as they go
 * and exported as a file. The body (components, wires, policies) is also how a
 * scenario writes its starting and reference designs.
 */
import { z } from 'zod';
import { COMPONENT_KINDS } from '../sim/defaults';
import type { Design, WorkloadPolicy } from './types';

const id = z.string({ error: 'expected a component id' }).regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, { error: 'expected an id of letters, digits, "-" or "_" starting with a letter' });
const coordinate = z.number({ error: 'expected a number' }).min(-100_000, { error: 'expected a position within ±100,000' }).max(100_000, { error: 'expected a position within ±100,000' });

export const DEFAULT_POLICY: WorkloadPolicy = { timeoutMs: null, retry: 'none', maxAttempts: 1, fallback: false, idempotencyKey: false };

const policySchema = z.strictObject({
  timeoutMs: z.number({ error: 'expected milliseconds or null' }).min(1, { error: 'expected at least 1 ms' }).max(600_000, { error: 'expected at most 600,000 ms' }).nullable().optional(),
  retry: z.enum(['none', 'fixed', 'exponential'], { error: 'expected one of: none, fixed, exponential' }).optional(),
  maxAttempts: z.number({ error: 'expected a whole number' }).int({ error: 'expected a whole number' }).min(1, { error: 'expected at least 1 attempt' }).max(10, { error: 'expected at most 10 attempts' }).optional(),
  fallback: z.boolean({ error: 'expected true or false' }).optional(),
  idempotencyKey: z.boolean({ error: 'expected true or false' }).optional(),
});

export const designBodySchema = z.strictObject({
  components: z
    .array(
      z.strictObject({
        id,
        kind: z.enum(COMPONENT_KINDS as [string, ...string[]], { error: `expected a component kind (one of: ${COMPONENT_KINDS.join(', ')})` }),
        label: z.string({ error: 'expected text' }).max(60, { error: 'expected at most 60 characters' }).optional(),
        x: coordinate.optional(),
        y: coordinate.optional(),
        instances: z.number({ error: 'expected a whole number' }).int({ error: 'expected a whole number' }).min(1, { error: 'expected at least 1 instance' }).max(1000, { error: 'expected at most 1,000 instances' }).optional(),
        options: z.record(z.string(), z.union([z.number(), z.string().max(100), z.boolean()], { error: 'expected a number, a choice or true/false' })).optional(),
      }),
      { error: 'expected a list of components' },
    )
    .max(100, { error: 'expected at most 100 components' }),
  wires: z
    .array(
      z.strictObject({
        from: id,
        to: id,
        workloads: z.array(id, { error: 'expected a list of workload ids' }).max(50),
      }),
      { error: 'expected a list of wires' },
    )
    .max(500, { error: 'expected at most 500 wires' }),
  policies: z.record(id, policySchema, { error: 'expected a map of workload id -> policy' }).optional(),
});

export const designSchema = designBodySchema.extend({
  format: z.literal('backpressure-design', { error: 'expected format: backpressure-design (is this a Backpressure design file?)' }),
  version: z.literal(1, { error: 'expected version: 1' }),
  scenarioId: z.string({ error: 'expected a scenario id' }).max(64),
});

export type DesignBody = z.output<typeof designBodySchema>;

/** Fills in what a file may leave out (positions, instances, options, policies). */
export function normaliseDesign(scenarioId: string, body: DesignBody, workloadIds: readonly string[]): Design {
  const policies: Design['policies'] = {};
  for (const w of workloadIds) {
    const p = body.policies?.[w];
    policies[w] = {
      timeoutMs: p?.timeoutMs ?? null,
      retry: p?.retry ?? DEFAULT_POLICY.retry,
      maxAttempts: p?.maxAttempts ?? (p?.retry && p.retry !== 'none' ? 3 : 1),
      fallback: p?.fallback ?? false,
      idempotencyKey: p?.idempotencyKey ?? false,
    };
  }
  return {
    format: 'backpressure-design',
    version: 1,
    scenarioId,
    components: body.components.map((c, i) => ({
      id: c.id,
      kind: c.kind as Design['components'][number]['kind'],
      ...(c.label ? { label: c.label } : {}),
      x: c.x ?? 220 + 200 * (i % 5),
      y: c.y ?? 80 + 140 * Math.floor(i / 5),
      instances: c.instances ?? 1,
      options: { ...(c.options ?? {}) },
    })),
    wires: body.wires.map((w) => ({ from: w.from, to: w.to, workloads: [...w.workloads] })),
    policies,
  };
}
