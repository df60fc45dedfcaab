/**
 * Importing a progress file as a merge: per item, the newer copy wins by its own timestamp and
 * an equal one keeps ours; attempts and events are added when not already here, never twice.
 * The same plan answers the preview and is applied, in one transaction, by the import.
 */
import type { ProgressDb } from './db';
import type { ProgressFile } from './progressFile';
import type { ImportPreview, KindChange } from './types';

type Verdict = 'added' | 'updated' | 'kept';

/** Keyed items: added when we have none, updated when the file's is strictly newer, else kept. */
function byTimestamp(ours: string | undefined, theirs: string): Verdict {
  if (ours === undefined) return 'added';
  return Date.parse(theirs) > Date.parse(ours) ? 'updated' : 'kept';
}

const tally = (verdicts: Verdict[]): KindChange => ({
  added: verdicts.filter((v) => v === 'added').length,
  updated: verdicts.filter((v) => v === 'updated').length,
  kept: verdicts.filter((v) => v === 'kept').length,
});

interface Plan {
  lessons: Verdict[];
  checkAnswers: Verdict[];
  predictions: Verdict[];
  attempts: Verdict[];
  drafts: Verdict[];
  events: Verdict[];
}

const attemptKey = (scenarioId: string, at: string, seed: number, drill: string | null) => JSON.stringify([scenarioId, at, seed, drill]);
/**
 * An event is the same event whatever attempt id it names: ids are each database's own, so a
 * run's event names one id here and another in the file it came from.
 */
const eventKey = (at: string, kind: string, subject: string | null, data: Record<string, unknown>) => JSON.stringify([at, kind, subject, { ...data, attemptId: undefined }]);

/** Each attempt here, by what identifies it across databases, with its id in this one. */
function localAttempts(db: ProgressDb): Map<string, number> {
  const rows = db.prepare('SELECT id, scenario_id, created_at, seed, drill FROM attempts').all() as { id: number; scenario_id: string; created_at: string; seed: number; drill: string | null }[];
  return new Map(rows.map((r) => [attemptKey(r.scenario_id, r.created_at, r.seed, r.drill), r.id]));
}

function plan(db: ProgressDb, file: ProgressFile): Plan {
  const stamp = (sql: string, ...key: string[]) => (db.prepare(sql).pluck().get(...key) as string | undefined);
  const attempts = new Set(localAttempts(db).keys());
  const events = new Set(
    (db.prepare('SELECT at, kind, subject, data FROM events').all() as { at: string; kind: string; subject: string | null; data: string }[]).map((r) =>
      eventKey(r.at, r.kind, r.subject, JSON.parse(r.data) as Record<string, unknown>),
    ),
  );
  // A file may hold the same attempt or event twice; the second copy is already "here" once the first is added.
  const once = (seen: Set<string>, key: string): Verdict => (seen.has(key) ? 'kept' : (seen.add(key), 'added'));
  return {
    lessons: file.lessons.map((l) => byTimestamp(stamp('SELECT last_opened_at FROM lesson_progress WHERE lesson_id = ?', l.lessonId), l.lastOpenedAt)),
    checkAnswers: file.checkAnswers.map((a) => byTimestamp(stamp('SELECT answered_at FROM check_answers WHERE lesson_id = ? AND check_id = ?', a.lessonId, a.checkId), a.at)),
    predictions: file.predictions.map((p) => byTimestamp(stamp('SELECT predicted_at FROM widget_predictions WHERE lesson_id = ? AND widget_id = ?', p.lessonId, p.widgetId), p.at)),
    drafts: file.drafts.map((d) => byTimestamp(stamp('SELECT saved_at FROM scenario_drafts WHERE scenario_id = ?', d.scenarioId), d.savedAt)),
    attempts: file.attempts.map((a) => once(attempts, attemptKey(a.scenarioId, a.at, a.seed, a.drill))),
    events: file.events.map((e) => once(events, eventKey(e.at, e.kind, e.subject, e.data))),
  };
}

function summarise(p: Plan): ImportPreview {
  return {
    lessons: tally(p.lessons),
    checkAnswers: tally(p.checkAnswers),
    predictions: tally(p.predictions),
    attempts: tally(p.attempts),
    drafts: tally(p.drafts),
    events: tally(p.events),
  };
}

/** What importing the file would change, without writing anything. */
export function previewMerge(db: ProgressDb, file: ProgressFile): ImportPreview {
  return summarise(plan(db, file));
}

/** Applies the merge in one transaction: if any row fails, nothing of the file is kept. */
export function applyMerge(db: ProgressDb, file: ProgressFile): ImportPreview {
  return db.transaction(() => {
    const p = plan(db, file);
    const writes = (v: Verdict) => v !== 'kept';
    const upsertLesson = db.prepare(
      `INSERT INTO lesson_progress (lesson_id, status, first_opened_at, last_opened_at, seconds_spent, reading_position, end_reached) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (lesson_id) DO UPDATE SET status = excluded.status, first_opened_at = excluded.first_opened_at, last_opened_at = excluded.last_opened_at,
         seconds_spent = excluded.seconds_spent, reading_position = excluded.reading_position, end_reached = excluded.end_reached`,
    );
    file.lessons.forEach((l, i) => {
      if (writes(p.lessons[i]!)) upsertLesson.run(l.lessonId, l.status, l.firstOpenedAt, l.lastOpenedAt, l.secondsSpent, l.readingPosition, l.endReached ? 1 : 0);
    });
    const upsertAnswer = db.prepare(
      `INSERT INTO check_answers (lesson_id, check_id, option_index, correct, answered_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (lesson_id, check_id) DO UPDATE SET option_index = excluded.option_index, correct = excluded.correct, answered_at = excluded.answered_at`,
    );
    file.checkAnswers.forEach((a, i) => {
      if (writes(p.checkAnswers[i]!)) upsertAnswer.run(a.lessonId, a.checkId, a.optionIndex, a.correct ? 1 : 0, a.at);
    });
    const upsertPrediction = db.prepare(
      `INSERT INTO widget_predictions (lesson_id, widget_id, widget, metric, choice_index, choice_label, measured, correct, predicted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (lesson_id, widget_id) DO UPDATE SET widget = excluded.widget, metric = excluded.metric, choice_index = excluded.choice_index,
         choice_label = excluded.choice_label, measured = excluded.measured, correct = excluded.correct, predicted_at = excluded.predicted_at`,
    );
    file.predictions.forEach((x, i) => {
      if (writes(p.predictions[i]!)) upsertPrediction.run(x.lessonId, x.widgetId, x.widget, x.metric, x.choiceIndex, x.choiceLabel, x.measured, x.correct === null ? null : x.correct ? 1 : 0, x.at);
    });
    const upsertDraft = db.prepare(
      'INSERT INTO scenario_drafts (scenario_id, design, saved_at) VALUES (?, ?, ?) ON CONFLICT (scenario_id) DO UPDATE SET design = excluded.design, saved_at = excluded.saved_at',
    );
    file.drafts.forEach((d, i) => {
      if (writes(p.drafts[i]!)) upsertDraft.run(d.scenarioId, JSON.stringify(d.design), d.savedAt);
    });
    const insertAttempt = db.prepare(
      `INSERT INTO attempts (scenario_id, created_at, seed, drill, pass, terms_passed, terms_total, uptime_pct, p95_ms, cost_per_month, silent_failures, from_reference, design, run)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // The file's attempt ids, as ids in this database, so imported events point at the right run.
    const here = localAttempts(db);
    const idHere = new Map<number, number>();
    file.attempts.forEach((a, i) => {
      const key = attemptKey(a.scenarioId, a.at, a.seed, a.drill);
      if (writes(p.attempts[i]!)) {
        const info = insertAttempt.run(a.scenarioId, a.at, a.seed, a.drill, a.pass ? 1 : 0, a.termsPassed, a.termsTotal, a.uptimePct, a.p95Ms, a.costPerMonth, a.silentFailures, a.fromReference ? 1 : 0, JSON.stringify(a.design ?? null), JSON.stringify(a.run ?? null));
        here.set(key, Number(info.lastInsertRowid));
      }
      if (a.id !== undefined) idHere.set(a.id, here.get(key)!);
    });
    const withLocalIds = (data: Record<string, unknown>): Record<string, unknown> => {
      if (typeof data.attemptId !== 'number') return data;
      const local = idHere.get(data.attemptId);
      // An id the file does not explain would point at some other run here: better none.
      return local === undefined ? { ...data, attemptId: undefined } : { ...data, attemptId: local };
    };
    // Events keep their own times; ordered by time, so the log still reads in the order things happened.
    const insertEvent = db.prepare('INSERT INTO events (at, kind, subject, data) VALUES (?, ?, ?, ?)');
    file.events
      .map((e, i) => ({ e, v: p.events[i]! }))
      .filter(({ v }) => writes(v))
      .sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : 0))
      .forEach(({ e }) => insertEvent.run(e.at, e.kind, e.subject, JSON.stringify(withLocalIds(e.data))));
    return summarise(p);
  })();
}
