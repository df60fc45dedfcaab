import type { CheckAnswer, LessonProgress, LessonState, ParsedInputOf, ProgressOverview, WidgetPrediction } from '../contract';
import { ApiFailure } from '../errors';
import { recordLessonEvent, listLessonProgress, getLessonProgress, promoteIfRead, ensureLessonRow } from '../../progress/lessonProgress';
import { lessonScores, listCheckAnswers, listPredictions, saveCheckAnswer, savePrediction } from '../../progress/lessonAnswers';
import { recentEvents } from '../../progress/events';
import { exportProgressFile, parseProgressFile, ProgressFileError, type ProgressFile } from '../../progress/progressFile';
import { applyMerge, previewMerge } from '../../progress/importMerge';
import { progressCounts, resetProgress } from '../../progress/reset';
import { takeBackup } from '../../progress/backups';
import { basename } from 'node:path';
import type { AppContext } from './context';
import { checkIdsOf, requireLesson } from './lessons';

/** A progress file's text, read and checked; a bad file is refused whole, in words naming what is wrong. */
function readFile(text: string): ProgressFile {
  try {
    return parseProgressFile(text);
  } catch (err) {
    if (err instanceof ProgressFileError) throw new ApiFailure('invalid_input', err.message, [{ path: 'text', message: err.message }]);
    throw err;
  }
}

export function progressHandlers(ctx: AppContext) {
  // Before an import or a reset; an in-memory database (tests) has nowhere to put one.
  // Without its backup the change does not happen: the learner is told why, and nothing is changed.
  const backup = (reason: 'before-import' | 'before-reset'): string | null => {
    if (ctx.databaseFile === ':memory:') return null;
    try {
      return basename(takeBackup(ctx.db, ctx.databaseFile, reason, ctx.now()).file);
    } catch (err) {
      const what = reason === 'before-import' ? 'imported' : 'reset';
      throw new ApiFailure('internal', `Backpressure could not save a backup of your progress first (${err instanceof Error ? err.message : String(err)}), so nothing was ${what}.`);
    }
  };
  return {
    recordProgress(input: ParsedInputOf<'recordProgress'>): LessonProgress {
      // Progress for a lesson that does not exist would be unreachable clutter.
      const lesson = requireLesson(ctx, input.lessonId);
      const { lessonId, event, position, secondsSpent } = input;
      const change = event === 'opened' ? { event } : { event, position, secondsSpent };
      return recordLessonEvent(ctx.db, lessonId, change, ctx.now(), checkIdsOf(lesson));
    },

    recordCheckAnswer({ lessonId, checkId, optionIndex }: ParsedInputOf<'recordCheckAnswer'>): CheckAnswer {
      const lesson = requireLesson(ctx, lessonId);
      const check = lesson.blocks.find((b) => b.type === 'check' && b.id === checkId);
      if (!check || check.type !== 'check') throw new ApiFailure('not_found', `Lesson "${lessonId}" has no check "${checkId}".`);
      const option = check.options[optionIndex];
      if (!option) {
        throw new ApiFailure('invalid_input', `optionIndex: expected 0 to ${check.options.length - 1} for check "${checkId}", got ${optionIndex}`, [
          { path: 'optionIndex', message: `expected 0 to ${check.options.length - 1}` },
        ]);
      }
      // Correctness is decided here, from the lesson, not taken from the caller.
      const now = ctx.now();
      let saved!: CheckAnswer;
      ctx.db.transaction(() => {
        ensureLessonRow(ctx.db, lessonId, now);
        saved = saveCheckAnswer(ctx.db, { lessonId, checkId, optionIndex, correct: option.correct }, now);
        promoteIfRead(ctx.db, lessonId, checkIdsOf(lesson), now);
      })();
      return saved;
    },

    recordPrediction(input: ParsedInputOf<'recordPrediction'>): WidgetPrediction {
      const lesson = requireLesson(ctx, input.lessonId);
      const widget = lesson.blocks.find((b) => b.type === 'widget' && b.id === input.widgetId);
      if (!widget) throw new ApiFailure('not_found', `Lesson "${input.lessonId}" has no widget "${input.widgetId}".`);
      const now = ctx.now();
      let saved!: WidgetPrediction;
      ctx.db.transaction(() => {
        ensureLessonRow(ctx.db, input.lessonId, now);
        saved = savePrediction(ctx.db, input, now);
      })();
      return saved;
    },

    getLessonState({ lessonId }: ParsedInputOf<'getLessonState'>): LessonState {
      requireLesson(ctx, lessonId);
      return {
        progress: getLessonProgress(ctx.db, lessonId),
        checkAnswers: listCheckAnswers(ctx.db, lessonId),
        predictions: listPredictions(ctx.db, lessonId),
      };
    },

    getProgress(input: ParsedInputOf<'getProgress'>): ProgressOverview {
      const lessons = listLessonProgress(ctx.db);
      return {
        lessons,
        lessonsRead: lessons.filter((l) => l.status === 'read').length,
        lessonsOpened: lessons.length,
        secondsSpent: lessons.reduce((sum, l) => sum + l.secondsSpent, 0),
        recentEvents: recentEvents(ctx.db, input.recentEvents ?? 20),
        scores: lessonScores(ctx.db),
      };
    },

    exportProgress(): { fileName: string; text: string } {
      const now = ctx.now();
      const file = exportProgressFile(ctx.db, now);
      // Compact: each scenario run keeps its full series (about 0.2 MB), so whitespace would add up.
      return { fileName: `backpressure-progress-${now.toISOString().slice(0, 10)}.json`, text: JSON.stringify(file) };
    },

    previewImport({ text }: ParsedInputOf<'previewImport'>) {
      const file = readFile(text);
      return { changes: previewMerge(ctx.db, file), exportedAt: file.exportedAt };
    },

    importProgress({ text }: ParsedInputOf<'importProgress'>) {
      // Checked whole before the backup and the merge, so a bad file changes nothing at all.
      const file = readFile(text);
      const taken = backup('before-import');
      return { changes: applyMerge(ctx.db, file), backup: taken ?? '' };
    },

    countProgress: () => progressCounts(ctx.db),

    resetProgress() {
      const taken = backup('before-reset');
      return { deleted: resetProgress(ctx.db), backup: taken };
    },
  };
}
