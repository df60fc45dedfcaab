/**
 * ModelError: what a learner (or the CLI) sees when a model is wrong. The
 * message names the file, the field and what was expected:
 *   mmc.yaml: components.db.instances: expected a whole number from 1 to 10,000, got "two"
 */
import type { z } from 'zod';

export class ModelError extends Error {
  override readonly name = 'ModelError';

  constructor(
    readonly file: string,
    readonly path: string,
    readonly expected: string,
    readonly got: string | null,
  ) {
    super(`${file}: ${path ? `${path}: ` : ''}${expected}${got === null ? '' : `, got ${got}`}`);
  }
}

/** "components.db.path[2]" from ["components", "db", "path", 2]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let v: unknown = root;
  for (const part of path) {
    if (v === null || typeof v !== 'object' || !(part in (v as object))) return { found: false, value: undefined };
    v = (v as Record<PropertyKey, unknown>)[part];
  }
  return { found: true, value: v };
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** The first (most specific) issue as a ModelError. */
export function fromZodIssues(file: string, issues: readonly z.core.$ZodIssue[], input: unknown): ModelError {
  const issue = issues[0];
  if (!issue) return new ModelError(file, '', 'expected a valid model', null);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return new ModelError(file, formatPath([...issue.path, key]), 'unknown field (see src-main/sim/README.md for the fields of each kind)', null);
  }
  // In a union, the branch that got furthest into the value says best what is wrong.
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    let best: z.core.$ZodIssue | undefined;
    for (const branch of issue.errors) {
      const first = branch[0];
      if (first && (!best || first.path.length > best.path.length)) best = first;
    }
    if (best && best.path.length > 0) return fromZodIssues(file, [{ ...best, path: [...issue.path, ...best.path] }], input);
  }
  const at = valueAt(input, issue.path);
  // A bad kind is reported on the kind field itself.
  if (issue.code === 'invalid_union' && at.found && at.value !== null && typeof at.value === 'object' && 'kind' in at.value && issue.message.includes('kind')) {
    return new ModelError(file, formatPath([...issue.path, 'kind']), issue.message, describe((at.value as { kind: unknown }).kind));
  }
  const got = at.found ? describe(at.value) : 'nothing';
  return new ModelError(file, formatPath(issue.path), issue.message, issue.code === 'custom' && at.found && typeof at.value === 'object' ? null : got);
}
