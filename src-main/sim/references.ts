/**
 * Paths and faults that name a component the model does not have, read from
 * the raw input: the one check of these names. It runs beside the schema, not
 * inside it, because the schema's model-wide checks wait until every field is
 * valid, and a model with a bad field and a dangling name should hear of both.
 */
import type { z } from 'zod';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The component a hop names: the hop itself, or its `component` field. */
function hopName(hop: unknown): string | undefined {
  if (typeof hop === 'string') return hop;
  return isRecord(hop) && typeof hop.component === 'string' ? hop.component : undefined;
}

export function danglingReferences(input: unknown): z.core.$ZodIssue[] {
  if (!isRecord(input) || !isRecord(input.components)) return [];
  const ids = Object.keys(input.components);
  const message = `expected a component id (one of: ${ids.join(', ')})`;
  const issues: z.core.$ZodIssue[] = [];
  const dangling = (name: string | undefined) => name !== undefined && !Object.prototype.hasOwnProperty.call(input.components, name);
  if (isRecord(input.workloads)) {
    for (const [name, w] of Object.entries(input.workloads)) {
      if (!isRecord(w) || !Array.isArray(w.path)) continue;
      w.path.forEach((hop, i) => {
        if (!dangling(hopName(hop))) return;
        const path = typeof hop === 'string' ? ['workloads', name, 'path', i] : ['workloads', name, 'path', i, 'component'];
        issues.push({ code: 'custom', path, message, input: hop });
      });
    }
  }
  if (Array.isArray(input.faults)) {
    input.faults.forEach((f, i) => {
      if (isRecord(f) && typeof f.component === 'string' && dangling(f.component)) issues.push({ code: 'custom', path: ['faults', i, 'component'], message, input: f.component });
    });
  }
  return issues;
}
