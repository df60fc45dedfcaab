/** Zod issues in a scenario or design file, said as "file: field: expected ..., got ...". */
import type { z } from 'zod';
import { fromZodIssues } from '../sim/errors';

export interface FileProblem {
  file: string;
  field: string | null;
  message: string;
}

export function describeFileIssues(file: string, error: z.ZodError, input: unknown, docs: string): FileProblem {
  const e = fromZodIssues(file, error.issues, input);
  const expected = e.expected.startsWith('unknown field') ? `unknown field (see ${docs} for the format)` : e.expected;
  const message = `${file}: ${e.path ? `${e.path}: ` : ''}${expected}${e.got === null ? '' : `, got ${e.got}`}`;
  return { file, field: e.path || null, message };
}
