import type { CheckAnswer, LessonScore, WidgetPrediction } from './types';
import type { ProgressDb } from './db';
import { appendEvent } from './events';

export interface AnswerRow {
  lesson_id: string;
  check_id: string;
  option_index: number;
  correct: number;
  answered_at: string;
}

export interface PredictionRow {
  lesson_id: string;
  widget_id: string;
  widget: string;
  metric: string;
  choice_index: number;
  choice_label: string;
  measured: number | null;
  correct: number | null;
  predicted_at: string;
}

export const toAnswer = (r: AnswerRow): CheckAnswer => ({
  lessonId: r.lesson_id,
  checkId: r.check_id,
  optionIndex: r.option_index,
  correct: r.correct === 1,
  at: r.answered_at,
});

export const toPrediction = (r: PredictionRow): WidgetPrediction => ({
  lessonId: r.lesson_id,
  widgetId: r.widget_id,
  widget: r.widget,
  metric: r.metric,
  choiceIndex: r.choice_index,
  choiceLabel: r.choice_label,
  measured: r.measured,
  correct: r.correct === null ? null : r.correct === 1,
  at: r.predicted_at,
});

export function saveCheckAnswer(db: ProgressDb, answer: Omit<CheckAnswer, 'at'>, now: Date): CheckAnswer {
  const at = now.toISOString();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO check_answers (lesson_id, check_id, option_index, correct, answered_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (lesson_id, check_id) DO UPDATE SET option_index = excluded.option_index, correct = excluded.correct, answered_at = excluded.answered_at`,
    ).run(answer.lessonId, answer.checkId, answer.optionIndex, answer.correct ? 1 : 0, at);
    appendEvent(db, now, 'check.answered', answer.lessonId, { checkId: answer.checkId, optionIndex: answer.optionIndex, correct: answer.correct });
  })();
  return { ...answer, at };
}

export function listCheckAnswers(db: ProgressDb, lessonId: string): CheckAnswer[] {
  return (db.prepare('SELECT * FROM check_answers WHERE lesson_id = ? ORDER BY answered_at').all(lessonId) as AnswerRow[]).map(toAnswer);
}

export function savePrediction(db: ProgressDb, prediction: Omit<WidgetPrediction, 'at'>, now: Date): WidgetPrediction {
  const at = now.toISOString();
  const p = prediction;
  db.transaction(() => {
    db.prepare(
      `INSERT INTO widget_predictions (lesson_id, widget_id, widget, metric, choice_index, choice_label, measured, correct, predicted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (lesson_id, widget_id) DO UPDATE SET widget = excluded.widget, metric = excluded.metric,
         choice_index = excluded.choice_index, choice_label = excluded.choice_label, measured = excluded.measured,
         correct = excluded.correct, predicted_at = excluded.predicted_at`,
    ).run(p.lessonId, p.widgetId, p.widget, p.metric, p.choiceIndex, p.choiceLabel, p.measured, p.correct === null ? null : p.correct ? 1 : 0, at);
    appendEvent(db, now, 'widget.predicted', p.lessonId, { widgetId: p.widgetId, metric: p.metric, choice: p.choiceLabel, measured: p.measured, correct: p.correct });
  })();
  return { ...prediction, at };
}

export function listPredictions(db: ProgressDb, lessonId: string): WidgetPrediction[] {
  return (db.prepare('SELECT * FROM widget_predictions WHERE lesson_id = ? ORDER BY predicted_at').all(lessonId) as PredictionRow[]).map(toPrediction);
}

/** How each lesson's checks and predictions went, in two grouped queries. */
export function lessonScores(db: ProgressDb): LessonScore[] {
  const checks = db.prepare('SELECT lesson_id, COUNT(*) AS answered, COUNT(CASE WHEN correct = 1 THEN 1 END) AS right FROM check_answers GROUP BY lesson_id').all() as { lesson_id: string; answered: number; right: number }[];
  const predictions = db
    .prepare('SELECT lesson_id, COUNT(*) AS made, COUNT(CASE WHEN correct = 1 THEN 1 END) AS right, COUNT(correct) AS judged FROM widget_predictions GROUP BY lesson_id')
    .all() as { lesson_id: string; made: number; right: number; judged: number }[];
  const scores = new Map<string, LessonScore>();
  const of = (lessonId: string) => scores.get(lessonId) ?? scores.set(lessonId, { lessonId, checksAnswered: 0, checksRight: 0, predictions: 0, predictionsRight: 0, predictionsJudged: 0 }).get(lessonId)!;
  for (const c of checks) Object.assign(of(c.lesson_id), { checksAnswered: c.answered, checksRight: c.right });
  for (const p of predictions) Object.assign(of(p.lesson_id), { predictions: p.made, predictionsRight: p.right, predictionsJudged: p.judged });
  return [...scores.values()];
}
