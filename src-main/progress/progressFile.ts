/**
 * The progress file: everything the learner has done, as one versioned JSON document that
 * export writes and import reads. Its shape is checked field by field before anything is merged.
 */
import { z } from 'zod';
import type { ProgressDb } from './db';
import { toAnswer, toPrediction, type AnswerRow, type PredictionRow } from './lessonAnswers';
import { toSummary, type AttemptRow } from './scenarioAttempts';

export const progressFormat = 'backpressure-progress';
export const progressFileVersion = 1;
/**
 * Each scenario run keeps its full results (about 0.2 MB for a Place order run), so a learner with
 * a few hundred runs has a file of tens of megabytes; one far beyond that is not a progress file.
 */
export const maxProgressFileBytes = 100 * 1024 * 1024;

const text = z.string().min(1).max(200);
const timestamp = z.iso.datetime({ offset: true, error: 'expected an ISO date and time' });
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const lesson = z
  .object({
    lessonId: text,
    status: z.enum(['opened', 'read']),
    firstOpenedAt: timestamp,
    lastOpenedAt: timestamp,
    secondsSpent: z.number().min(0).max(1e9),
    readingPosition: z.number().min(0).max(1),
    endReached: z.boolean(),
  })
  .strict();

const checkAnswer = z.object({ lessonId: text, checkId: text, optionIndex: count, correct: z.boolean(), at: timestamp }).strict();

const prediction = z
  .object({
    lessonId: text,
    widgetId: text,
    widget: text,
    metric: text,
    choiceIndex: count,
    choiceLabel: z.string().max(500),
    measured: z.number().nullable(),
    correct: z.boolean().nullable(),
    at: timestamp,
  })
  .strict();

const attempt = z
  .object({
    /** Its id where it was exported; events name attempts by it. */
    id: z.number().int().min(1).optional(),
    scenarioId: text,
    at: timestamp,
    seed: count,
    drill: text.nullable(),
    pass: z.boolean(),
    termsPassed: count,
    termsTotal: count,
    uptimePct: z.number().min(0).max(100),
    p95Ms: z.number().min(0),
    costPerMonth: z.number().min(0),
    silentFailures: count,
    fromReference: z.boolean(),
    design: z.unknown(),
    run: z.unknown(),
  })
  .strict();

const draft = z.object({ scenarioId: text, design: z.unknown(), savedAt: timestamp }).strict();

const event = z.object({ at: timestamp, kind: text, subject: text.nullable(), data: z.record(z.string(), z.unknown()) }).strict();

export const progressFileSchema = z
  .object({
    format: z.literal(progressFormat),
    version: z.literal(progressFileVersion),
    exportedAt: timestamp,
    lessons: z.array(lesson),
    checkAnswers: z.array(checkAnswer),
    predictions: z.array(prediction),
    attempts: z.array(attempt),
    drafts: z.array(draft),
    events: z.array(event),
  })
  .strict();

export type ProgressFile = z.infer<typeof progressFileSchema>;

/** Why a file cannot be imported, in words that name what is wrong. */
export class ProgressFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProgressFileError';
  }
}

/** Reads a progress file's text, or throws a ProgressFileError naming the first thing wrong with it. */
export function parseProgressFile(contents: string): ProgressFile {
  if (Buffer.byteLength(contents, 'utf8') > maxProgressFileBytes) {
    throw new ProgressFileError(`The file is larger than ${maxProgressFileBytes / 1024 / 1024} MB, far more than any progress file; it was not imported.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(contents);
  } catch {
    throw new ProgressFileError('The file is not JSON, so it is not a Backpressure progress file; nothing was imported.');
  }
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== progressFormat) {
    throw new ProgressFileError(`The file is JSON but not a Backpressure progress file (its "format" is not "${progressFormat}"); nothing was imported.`);
  }
  if (typeof head.version === 'number' && head.version > progressFileVersion) {
    throw new ProgressFileError(`The file was exported by a newer Backpressure (progress file version ${head.version}; this one reads version ${progressFileVersion}). Update Backpressure to import it; nothing was imported.`);
  }
  const parsed = progressFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : 'the file';
    // A field that is not there at all is said so, not described by the shape it should have had.
    const found = issue.path.reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined), raw);
    const what = found === undefined && issue.path.length ? 'it is missing' : issue.message;
    throw new ProgressFileError(`The progress file is not valid at ${where}: ${what}. Nothing was imported.`);
  }
  return parsed.data;
}

const json = (s: string): unknown => {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return s;
  }
};

/** Everything in the database, as a progress file. */
export function exportProgressFile(db: ProgressDb, now: Date): ProgressFile {
  const all = <T>(sql: string) => db.prepare(sql).all() as T[];
  return {
    format: progressFormat,
    version: progressFileVersion,
    exportedAt: now.toISOString(),
    lessons: all<{ lesson_id: string; status: 'opened' | 'read'; first_opened_at: string; last_opened_at: string; seconds_spent: number; reading_position: number; end_reached: number }>(
      'SELECT * FROM lesson_progress ORDER BY lesson_id',
    ).map((r) => ({
      lessonId: r.lesson_id,
      status: r.status,
      firstOpenedAt: r.first_opened_at,
      lastOpenedAt: r.last_opened_at,
      secondsSpent: r.seconds_spent,
      readingPosition: r.reading_position,
      endReached: r.end_reached === 1,
    })),
    checkAnswers: all<AnswerRow>('SELECT * FROM check_answers ORDER BY lesson_id, check_id').map(toAnswer),
    predictions: all<PredictionRow>('SELECT * FROM widget_predictions ORDER BY lesson_id, widget_id').map(toPrediction),
    // An attempt is matched across databases by scenario, time, seed and drill; its id here only
    // lets the importer point this file's events at the same run under its new id.
    attempts: all<AttemptRow & { design: string; run: string }>('SELECT * FROM attempts ORDER BY id').map((r) => ({ ...toSummary(r), design: json(r.design), run: json(r.run) })),
    drafts: all<{ scenario_id: string; design: string; saved_at: string }>('SELECT * FROM scenario_drafts ORDER BY scenario_id').map((r) => ({ scenarioId: r.scenario_id, design: json(r.design), savedAt: r.saved_at })),
    events: all<{ at: string; kind: string; subject: string | null; data: string }>('SELECT at, kind, subject, data FROM events ORDER BY id').map((r) => ({
      at: r.at,
      kind: r.kind,
      subject: r.subject,
      data: json(r.data) as Record<string, unknown>,
    })),
  };
}
