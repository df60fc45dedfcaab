import { z } from 'zod';
import { idField } from '../api/fields';

export const lessonFrontMatter = z
  .object({
    id: idField('a lesson id'),
    title: z.string().trim().min(1, 'expected a non-empty title').max(120),
    summary: z.string().trim().min(1, 'expected a one-sentence summary').max(400),
    order: z.number().int('expected a whole number').min(0).max(10_000),
    topics: z.array(z.string().trim().min(1)).max(20).default([]),
    minutes: z.number().positive('expected a positive number of minutes').max(600),
    relatedScenarios: z.array(idField('a scenario id')).max(20).default([]),
  })
  .strict();

export type LessonFrontMatter = z.output<typeof lessonFrontMatter>;

export const checkBlock = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).optional(),
    question: z.string().trim().min(1),
    options: z
      .array(z.object({ text: z.string().trim().min(1), correct: z.boolean(), why: z.string().trim().min(1, 'expected an explanation for every option') }).strict())
      .min(2, 'expected at least two options')
      .max(6, 'expected at most six options')
      .refine((options) => options.filter((o) => o.correct).length === 1, 'expected exactly one correct option'),
  })
  .strict();

/** Names the first problem the way a writer reads it: the field, then what was expected and what was found. */
export function describeZodProblem(error: z.ZodError, value: unknown): { field: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { field: '(unknown)', message: 'rejected' };
  const field = issue.path.length ? issue.path.map(String).join('.') : '(whole block)';
  let found: unknown = value;
  for (const key of issue.path) found = found && typeof found === 'object' ? (found as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
  const shown = found === undefined ? 'nothing' : JSON.stringify(found)?.slice(0, 60);
  if (issue.code === 'unrecognized_keys') return { field, message: `unexpected field(s) ${issue.keys.map((k) => `'${k}'`).join(', ')}` };
  const expected = issue.code === 'invalid_type' ? `expected ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}` : issue.message;
  const message = `${expected}, got ${shown}`;
  return { field, message };
}
