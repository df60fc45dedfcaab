import type { LessonDocument, LessonList, ParsedInputOf, SearchHit } from '../contract';
import { ApiFailure } from '../errors';
import { findLesson, listLessons } from '../../content/lessons';
import { allLessonSections, rankSections } from '../../content/search';
import { loadScenarios } from '../../scenarios/loadScenarios';
import { scenarioSections } from '../../scenarios/scenarioSearch';
import type { AppContext } from './context';

/** The lesson, or a not_found answer naming the id. */
export function requireLesson(ctx: AppContext, id: string): LessonDocument {
  const found = findLesson(ctx.lessonsFolder, id);
  if (!found || !found.ok) throw new ApiFailure('not_found', `No lesson with id "${id}".`);
  return found.lesson;
}

export const checkIdsOf = (lesson: LessonDocument): string[] => lesson.blocks.flatMap((b) => (b.type === 'check' ? [b.id] : []));

export function lessonHandlers(ctx: AppContext) {
  return {
    listLessons(): LessonList {
      return listLessons(ctx.lessonsFolder);
    },
    getLesson({ id }: ParsedInputOf<'getLesson'>): LessonDocument {
      return requireLesson(ctx, id);
    },
    /** Lessons and scenarios in one ranked list, so "flash sale" finds the challenge as well as the lesson. */
    search({ query, limit }: ParsedInputOf<'search'>): { hits: SearchHit[] } {
      const scenarios = loadScenarios(ctx.scenariosFolder).scenarios.flatMap(scenarioSections);
      return { hits: rankSections([...allLessonSections(ctx.lessonsFolder), ...scenarios], query, limit) };
    },
  };
}
