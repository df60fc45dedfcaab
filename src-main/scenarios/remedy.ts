/**
 * A hint's remedy: a few changes to the learner's design, so the simulator can
 * re-run it and show what the fix would have done. Each change is described in
 * words; a change that finds nothing to act on says so.
 */
import { z } from 'zod';
import { kindLabel } from './palette';
import type { Design } from './types';

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
      }),
    }),
    /** Structural fixes (move work behind a queue, add a component): adopt the reference design. */
    z.strictObject({ useReference: z.literal(true) }),
  ],
  { error: 'expected a change: {setOption}, {setInstances}, {setPolicy} or {useReference: true}' },
);

export type Patch = z.output<typeof patchSchema>;

/** What adopting the reference design changes, by kind: "add a Queue", "remove an App server", "rewire". */
function referenceChanges(from: Design, to: Design): string[] {
  const count = (d: Design) => {
    const m = new Map<string, number>();
    for (const c of d.components) m.set(c.kind, (m.get(c.kind) ?? 0) + c.instances);
    return m;
  };
  const before = count(from);
  const after = count(to);
  const out: string[] = [];
  for (const kind of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(kind) ?? 0;
    const b = after.get(kind) ?? 0;
    if (a === 0 && b > 0) out.push(`add ${b > 1 ? `${b} × ` : /^[AEIOU]/.test(kindLabel(kind)) ? 'an ' : 'a '}${kindLabel(kind)}`);
    else if (b === 0 && a > 0) out.push(`remove the ${kindLabel(kind)}`);
    else if (a !== b) out.push(`${kindLabel(kind)}: ${a} → ${b} instances`);
  }
  out.push('wire the paths as the reference design does');
  return out;
}

export function applyPatches(design: Design, patches: readonly Patch[], reference: Design): { design: Design; changes: string[] } {
  let next: Design = structuredClone(design);
  const changes: string[] = [];
  for (const p of patches) {
    if ('useReference' in p) {
      changes.push(...referenceChanges(next, reference));
      next = structuredClone(reference);
    } else if ('setOption' in p) {
      const { kind, key, value } = p.setOption;
      const targets = next.components.filter((c) => c.kind === kind);
      targets.forEach((c) => (c.options[key] = value));
      changes.push(targets.length ? `${kindLabel(kind)}: ${key} → ${String(value)}` : `no ${kindLabel(kind)} to change`);
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
      const words = Object.entries(rest).map(([k, v]) => `${k} ${v === null ? 'none' : String(v)}`);
      changes.push(`${workload}: ${words.join(', ')}`);
    }
  }
  return { design: next, changes };
}
