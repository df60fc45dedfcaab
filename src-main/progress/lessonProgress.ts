import type { LessonProgress } from './types';
import type { ProgressDb } from './db';
import { appendEvent } from './events';

interface ProgressRow {
  lesson_id: string;
  status: 'opened' | 'read';
  first_opened_at: string;
  last_opened_at: string;
  seconds_spent: number;
  reading_position: number;
  end_reached: number;
}

export type LessonEvent =
  | { event: 'opened' }
  | { event: 'position'; position?: number; secondsSpent?: number }
  | { event: 'completed'; position?: number; secondsSpent?: number };

function toProgress(row: ProgressRow): LessonProgress {
  return {
    lessonId: row.lesson_id,
    status: row.status,
    firstOpenedAt: row.first_opened_at,
    lastOpenedAt: row.last_opened_at,
    secondsSpent: Math.round(row.seconds_spent),
    readingPosition: row.reading_position,
    endReached: row.end_reached === 1,
  };
}

export function notStarted(lessonId: string): LessonProgress {
  return { lessonId, status: 'not-started', firstOpenedAt: null, lastOpenedAt: null, secondsSpent: 0, readingPosition: 0, endReached: false };
}

export function getLessonProgress(db: ProgressDb, lessonId: string): LessonProgress {
  const row = db.prepare('SELECT * FROM lesson_progress WHERE lesson_id = ?').get(lessonId) as ProgressRow | undefined;
  return row ? toProgress(row) : notStarted(lessonId);
}

export function listLessonProgress(db: ProgressDb): LessonProgress[] {
  return (db.prepare('SELECT * FROM lesson_progress ORDER BY last_opened_at DESC').all() as ProgressRow[]).map(toProgress);
}

/**
 * A lesson is read once its end was reached and every one of its checks has an
 * answer. Call inside the transaction that changed either; it logs the moment once.
 */
export function promoteIfRead(db: ProgressDb, lessonId: string, checkIds: readonly string[], now: Date): void {
  const row = db.prepare('SELECT status, end_reached FROM lesson_progress WHERE lesson_id = ?').get(lessonId) as
    | { status: string; end_reached: number }
    | undefined;
  if (!row || row.status === 'read' || row.end_reached !== 1) return;
  const answered = new Set(
    (db.prepare('SELECT check_id FROM check_answers WHERE lesson_id = ?').all(lessonId) as { check_id: string }[]).map((r) => r.check_id),
  );
  if (!checkIds.every((id) => answered.has(id))) return;
  db.prepare("UPDATE lesson_progress SET status = 'read' WHERE lesson_id = ?").run(lessonId);
  appendEvent(db, now, 'lesson.completed', lessonId);
}

export function ensureLessonRow(db: ProgressDb, lessonId: string, now: Date): void {
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO lesson_progress (lesson_id, status, first_opened_at, last_opened_at)
     VALUES (?, 'opened', ?, ?)
     ON CONFLICT (lesson_id) DO NOTHING`,
  ).run(lessonId, at, at);
}

/**
 * Records what the learner did with a lesson. Opening stamps the visit, scrolling
 * moves the resume position and adds reading time, reaching the end counts toward
 * read (with every check answered; a read lesson never goes back to merely opened).
 * One transaction per call, event log included.
 */
export function recordLessonEvent(db: ProgressDb, lessonId: string, change: LessonEvent, now: Date, checkIds: readonly string[] = []): LessonProgress {
  const at = now.toISOString();
  db.transaction(() => {
    ensureLessonRow(db, lessonId, now);
    if (change.event === 'opened') {
      db.prepare('UPDATE lesson_progress SET last_opened_at = ? WHERE lesson_id = ?').run(at, lessonId);
      appendEvent(db, now, 'lesson.opened', lessonId);
      return;
    }
    if (change.position !== undefined) {
      db.prepare('UPDATE lesson_progress SET reading_position = ? WHERE lesson_id = ?').run(change.position, lessonId);
    }
    if (change.secondsSpent) {
      db.prepare('UPDATE lesson_progress SET seconds_spent = seconds_spent + ? WHERE lesson_id = ?').run(change.secondsSpent, lessonId);
    }
    if (change.event === 'completed') {
      db.prepare('UPDATE lesson_progress SET end_reached = 1 WHERE lesson_id = ?').run(lessonId);
      promoteIfRead(db, lessonId, checkIds, now);
    }
  })();
  return getLessonProgress(db, lessonId);
}
