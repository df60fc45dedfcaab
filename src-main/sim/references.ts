/**
 * Paths and faults that name a component the model does not have, read from
 * the raw input. The schema checks this too, but only once every field is
 * valid; reading it here as well means a model with a bad field and a dangling
 * name hears about both at once.
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
  // The same words as the schema's own check, so a problem both find is said once.
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
