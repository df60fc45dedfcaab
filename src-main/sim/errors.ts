/**
 * ModelError: what a learner (or the CLI) sees when a model is wrong. Each
 * problem names the file, the field and what was expected, one line each, so
 * a model with several mistakes is fixed in one pass:
 *   mmc.yaml: components.db.instances: expected a whole number from 1 to 10,000, got "two"
 */
import type { z } from 'zod';

/** One thing wrong with a model: where, what was expected, and what was there (null when that says nothing). */
export interface ModelIssue {
  path: string;
  expected: string;
  got: string | null;
}

/** Past this many, the rest of a model's problems are counted, not listed (one mistake can repeat thousands of times). */
const MAX_LISTED = 20;

const lineOf = (file: string, issue: ModelIssue): string => `${file}: ${issue.path ? `${issue.path}: ` : ''}${issue.expected}${issue.got === null ? '' : `, got ${issue.got}`}`;

export class ModelError extends Error {
  override readonly name = 'ModelError';
  /** Every problem found, the first one first (the fields above repeat it). */
  readonly issues: readonly ModelIssue[];

  constructor(
    readonly file: string,
    readonly path: string,
    readonly expected: string,
    readonly got: string | null,
    more: readonly ModelIssue[] = [],
  ) {
    const issues = [{ path, expected, got }, ...more];
    const listed = issues.slice(0, MAX_LISTED).map((issue) => lineOf(file, issue));
    const unlisted = issues.length - listed.length;
    super(unlisted > 0 ? [...listed, `${file}: and ${unlisted.toLocaleString('en-US')} more problems`].join('\n') : listed.join('\n'));
    this.issues = issues;
  }

  /** Each problem as its own line, naming the file. */
  get lines(): string[] {
    return this.issues.map((issue) => lineOf(this.file, issue));
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

/** One zod issue in the learner's words. */
function issueOf(issue: z.core.$ZodIssue, input: unknown): ModelIssue[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), expected: 'unknown field (see src-main/sim/README.md for the fields of each kind)', got: null }));
  }
  // In a union, the branch that got furthest into the value says best what is wrong.
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    let best: z.core.$ZodIssue | undefined;
    for (const branch of issue.errors) {
      const first = branch[0];
      if (first && (!best || first.path.length > best.path.length)) best = first;
    }
    if (best && best.path.length > 0) return issueOf({ ...best, path: [...issue.path, ...best.path] }, input);
  }
  const at = valueAt(input, issue.path);
  // A bad kind is reported on the kind field itself.
  if (issue.code === 'invalid_union' && at.found && at.value !== null && typeof at.value === 'object' && 'kind' in at.value && issue.message.includes('kind')) {
    return [{ path: formatPath([...issue.path, 'kind']), expected: issue.message, got: describe((at.value as { kind: unknown }).kind) }];
  }
  const got = at.found ? describe(at.value) : 'nothing';
  return [{ path: formatPath(issue.path), expected: issue.message, got: issue.code === 'custom' && at.found && typeof at.value === 'object' ? null : got }];
}

/** Every zod issue as one ModelError (the same problem said twice is said once). */
export function fromZodIssues(file: string, issues: readonly z.core.$ZodIssue[], input: unknown): ModelError {
  const seen = new Set<string>();
  const all: ModelIssue[] = [];
  for (const issue of issues) {
    for (const said of issueOf(issue, input)) {
      const key = lineOf(file, said);
      if (seen.has(key)) continue;
      seen.add(key);
      all.push(said);
    }
  }
  const [first, ...more] = all;
  if (!first) return new ModelError(file, '', 'expected a valid model', null);
  return new ModelError(file, first.path, first.expected, first.got, more);
}
