import type { LessonProgress } from '../api/contract';
import type { ProgressDb } from './db';
import { appendEvent } from './events';

interface ProgressRow {
  lesson_id: string;
  status: 'opened' | 'read';
  first_opened_at: string;
  last_opened_at: string;
  seconds_spent: number;
  reading_position: number;
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
  };
}

export function notStarted(lessonId: string): LessonProgress {
  return { lessonId, status: 'not-started', firstOpenedAt: null, lastOpenedAt: null, secondsSpent: 0, readingPosition: 0 };
}

export function getLessonProgress(db: ProgressDb, lessonId: string): LessonProgress {
  const row = db.prepare('SELECT * FROM lesson_progress WHERE lesson_id = ?').get(lessonId) as ProgressRow | undefined;
  return row ? toProgress(row) : notStarted(lessonId);
}

export function listLessonProgress(db: ProgressDb): LessonProgress[] {
  return (db.prepare('SELECT * FROM lesson_progress ORDER BY last_opened_at DESC').all() as ProgressRow[]).map(toProgress);
}

/**
 * Records what the learner did with a lesson. Opening stamps the visit, scrolling
 * moves the resume position and adds reading time, completing marks it read
 * (a read lesson never goes back to merely opened). One transaction per call,
 * event log included.
 */
export function recordLessonEvent(db: ProgressDb, lessonId: string, change: LessonEvent, now: Date): LessonProgress {
  const at = now.toISOString();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO lesson_progress (lesson_id, status, first_opened_at, last_opened_at)
       VALUES (?, 'opened', ?, ?)
       ON CONFLICT (lesson_id) DO NOTHING`,
    ).run(lessonId, at, at);
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
      const before = db.prepare('SELECT status FROM lesson_progress WHERE lesson_id = ?').get(lessonId) as { status: string };
      if (before.status !== 'read') {
        db.prepare("UPDATE lesson_progress SET status = 'read' WHERE lesson_id = ?").run(lessonId);
        appendEvent(db, now, 'lesson.completed', lessonId);
      }
    }
  })();
  return getLessonProgress(db, lessonId);
}
