import type { LessonProgress, ParsedInputOf, ProgressOverview } from '../contract';
import { ApiFailure } from '../errors';
import { listLessons } from '../../content/lessons';
import { recordLessonEvent, listLessonProgress } from '../../progress/lessonProgress';
import { recentEvents } from '../../progress/events';
import type { AppContext } from './context';

export function progressHandlers(ctx: AppContext) {
  return {
    recordProgress(input: ParsedInputOf<'recordProgress'>): LessonProgress {
      // Progress for a lesson that does not exist would be unreachable clutter.
      const known = listLessons(ctx.lessonsFolder).lessons.some((l) => l.id === input.lessonId);
      if (!known) throw new ApiFailure('not_found', `No lesson with id "${input.lessonId}".`);
      const { lessonId, event, position, secondsSpent } = input;
      const change = event === 'opened' ? { event } : { event, position, secondsSpent };
      return recordLessonEvent(ctx.db, lessonId, change, ctx.now());
    },
    getProgress(input: ParsedInputOf<'getProgress'>): ProgressOverview {
      const lessons = listLessonProgress(ctx.db);
      return {
        lessons,
        lessonsRead: lessons.filter((l) => l.status === 'read').length,
        lessonsOpened: lessons.length,
        secondsSpent: lessons.reduce((sum, l) => sum + l.secondsSpent, 0),
        recentEvents: recentEvents(ctx.db, input.recentEvents ?? 20),
      };
    },
  };
}
