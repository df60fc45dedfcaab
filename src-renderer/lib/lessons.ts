// Joins the lesson list with the learner's progress, which the views all need.
import type { LessonProgress, LessonSummary, ProgressOverview } from '../../src-main/api/contract';

export interface LessonWithProgress {
  lesson: LessonSummary;
  progress: LessonProgress;
}

export function withProgress(lessons: LessonSummary[], overview: ProgressOverview): LessonWithProgress[] {
  const byId = new Map(overview.lessons.map((p) => [p.lessonId, p]));
  return [...lessons]
    .sort((a, b) => a.order - b.order)
    .map((lesson) => ({
      lesson,
      progress: byId.get(lesson.id) ?? {
        lessonId: lesson.id,
        status: 'not-started',
        firstOpenedAt: null,
        lastOpenedAt: null,
        secondsSpent: 0,
        endReached: false,
        readingPosition: 0,
      },
    }));
}

/** The lesson opened most recently, if any. */
export function lastOpened(items: LessonWithProgress[]): LessonWithProgress | undefined {
  return items
    .filter((item) => item.progress.lastOpenedAt)
    .sort((a, b) => (b.progress.lastOpenedAt ?? '').localeCompare(a.progress.lastOpenedAt ?? ''))[0];
}

/** The first lesson in teaching order not yet read, skipping one the learner is already in. */
export function nextUnread(items: LessonWithProgress[], skip?: string): LessonWithProgress | undefined {
  return items.find((item) => item.progress.status !== 'read' && item.lesson.id !== skip);
}

export function orderLabel(order: number): string {
  return String(order).padStart(2, '0');
}
