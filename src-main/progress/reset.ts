/**
 * Emptying the learner's progress, in one transaction. The event log refuses deletes by trigger
 * (so nothing else can quietly rewrite history); reset lifts that guard for its own delete and
 * puts the very same trigger back before committing.
 */
import type { ProgressDb } from './db';
import type { ProgressCounts } from './types';

const tables: Record<keyof ProgressCounts, string> = {
  lessons: 'lesson_progress',
  checkAnswers: 'check_answers',
  predictions: 'widget_predictions',
  attempts: 'attempts',
  drafts: 'scenario_drafts',
  events: 'events',
};

/** How many rows of each kind the learner has: what a reset would delete. */
export function progressCounts(db: ProgressDb): ProgressCounts {
  const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  return Object.fromEntries(Object.entries(tables).map(([kind, table]) => [kind, count(table)])) as unknown as ProgressCounts;
}

/** Deletes all progress and says how much was deleted. */
export function resetProgress(db: ProgressDb): ProgressCounts {
  return db.transaction(() => {
    const before = progressCounts(db);
    const guard = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'events_no_delete'").pluck().get() as string | undefined;
    if (guard) db.exec('DROP TRIGGER events_no_delete');
    for (const table of Object.values(tables)) db.exec(`DELETE FROM ${table}`);
    if (guard) db.exec(guard);
    return before;
  })();
}
