/**
 * A hint's remedy: a few changes to the learner's design, so the simulator can
 * re-run it and show what the fix would have done: the smallest change that
 * addresses the hint's cause, never a whole other design. Each change is
 * described in words; a change that finds nothing to act on says so.
 */
import { z } from 'zod';
import { kindLabel, paletteEntry } from './palette';
import { COMPONENT_KINDS, type ComponentKind } from '../sim/defaults';
import { reroute } from './reroute';
import type { Design } from './types';

/** A setting as the designer names it ("Capacity 20,000 keys", "Stock update: Atomic"), never by its key in the file. */
export function optionWords(kind: string, key: string, value: number | string | boolean): string {
  // paletteEntry of a name that is not a kind has no settings, so the key falls through to words.
  const spec = paletteEntry(kind as ComponentKind).options.find((o) => o.key === key);
  if (!spec) return `${key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} → ${String(value)}`;
  if (spec.type === 'boolean') return `${spec.label} ${value ? 'on' : 'off'}`;
  if (spec.type === 'choice') return `${spec.label} → ${spec.choices.find((c) => c.value === value)?.label ?? String(value)}`;
  return `${spec.label} → ${typeof value === 'number' ? value.toLocaleString('en-US') : String(value)}${spec.unit ? ` ${spec.unit}` : ''}`;
}

/** A timeout in the unit a person would say it: "500 ms", "1 s", "2 min". */
function timeoutWords(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toPrecision(3))} s`;
  return `${Number((ms / 60_000).toPrecision(3))} min`;
}

function policyWords(key: string, value: unknown): string {
  if (key === 'idempotencyKey') return value ? 'retries carry an idempotency key' : 'no idempotency key';
  if (key === 'timeoutMs') return value === null ? 'no timeout' : `a ${timeoutWords(Number(value))} timeout`;
  if (key === 'maxAttempts') return `at most ${String(value)} attempts`;
  if (key === 'retry') return value === 'none' ? 'no retries' : `${String(value)} retries`;
  if (key === 'fallback') return value ? 'fallback on' : 'fallback off';
  return `${key} ${String(value)}`;
}

export const patchSchema = z.union(
  [
    z.strictObject({ setOption: z.strictObject({ kind: z.string(), key: z.string(), value: z.union([z.number(), z.string(), z.boolean()]) }) }),
    z.strictObject({ setInstances: z.strictObject({ kind: z.string(), to: z.number().int().min(1).max(1000) }) }),
    z.strictObject({
      setPolicy: z.strictObject({
        workload: z.string(),
        timeoutMs: z.number().min(1).max(600_000).nullable().optional(),
        retry: z.enum(['none', 'fixed', 'exponential']).optional(),
        maxAttempts: z.number().int().min(1).max(10).optional(),
        fallback: z.boolean().optional(),
        idempotencyKey: z.boolean().optional(),
      }),
    }),
    /** A structural fix on one workload's path: new components before one of its hops, or in its place. */
    z.strictObject({
      reroute: z.strictObject({
        workload: z.string(),
        at: z.string(),
        insert: z.array(z.strictObject({ kind: z.enum(COMPONENT_KINDS as [ComponentKind, ...ComponentKind[]]), instances: z.number().int().min(1).max(1000).optional(), options: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).optional() })).min(1),
        replace: z.boolean().optional(),
      }),
    }),
  ],
  { error: 'expected a change: {setOption}, {setInstances}, {setPolicy} or {reroute}' },
);

export type Patch = z.output<typeof patchSchema>;

/** Names a remedy's changes speak with: workload labels, and the kinds of the scenario's fixed components. */
export interface PatchContext {
  labels: Record<string, string>;
  fixedKinds: Record<string, string>;
}

export function applyPatches(design: Design, patches: readonly Patch[], context: PatchContext): { design: Design; changes: string[] } {
  let next: Design = structuredClone(design);
  const changes: string[] = [];
  for (const p of patches) {
    if ('reroute' in p) {
      const out = reroute(next, p.reroute, { workload: context.labels[p.reroute.workload] ?? p.reroute.workload, fixedKinds: context.fixedKinds });
      next = out.design;
      changes.push(...out.changes);
    } else if ('setOption' in p) {
      const { kind, key, value } = p.setOption;
      const targets = next.components.filter((c) => c.kind === kind);
      targets.forEach((c) => (c.options[key] = value));
      changes.push(targets.length ? `${kindLabel(kind)}: ${optionWords(kind, key, value)}` : `no ${kindLabel(kind)} to change`);
    } else if ('setInstances' in p) {
      const { kind, to } = p.setInstances;
      const targets = next.components.filter((c) => c.kind === kind);
      targets.forEach((c) => (c.instances = Math.max(c.instances, to)));
      changes.push(targets.length ? `${kindLabel(kind)}: ${to} instances` : `no ${kindLabel(kind)} to scale`);
    } else {
      const { workload, ...rest } = p.setPolicy;
      const policy = next.policies[workload];
      if (!policy) {
        changes.push(`no workload ${workload}`);
        continue;
      }
      if (rest.timeoutMs !== undefined) policy.timeoutMs = rest.timeoutMs;
      if (rest.retry !== undefined) policy.retry = rest.retry;
      if (rest.maxAttempts !== undefined) policy.maxAttempts = rest.maxAttempts;
      if (rest.fallback !== undefined) policy.fallback = rest.fallback;
      if (rest.idempotencyKey !== undefined) policy.idempotencyKey = rest.idempotencyKey;
      changes.push(`${context.labels[workload] ?? workload}: ${Object.entries(rest).map(([k, v]) => policyWords(k, v)).join(', ')}`);
    }
  }
  return { design: next, changes };
}
