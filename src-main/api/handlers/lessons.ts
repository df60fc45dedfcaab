import type { LessonDocument, LessonList, ParsedInputOf } from '../contract';
import { ApiFailure } from '../errors';
import { findLesson, listLessons } from '../../content/lessons';
import type { AppContext } from './context';

export function lessonHandlers(ctx: AppContext) {
  return {
    listLessons(): LessonList {
      return listLessons(ctx.lessonsFolder);
    },
    getLesson({ id }: ParsedInputOf<'getLesson'>): LessonDocument {
      const found = findLesson(ctx.lessonsFolder, id);
      if (!found || !found.ok) throw new ApiFailure('not_found', `No lesson with id "${id}".`);
      return found.lesson;
    },
  };
}
