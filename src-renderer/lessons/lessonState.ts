// What the learner already did in a lesson (check answers, predictions), loaded once
// per lesson opening and shared by its check cards and widgets.
import { call } from '../lib/api';
import type { LessonState } from '../../src-main/api/contract';

const loaded = new Map<string, Promise<LessonState | null>>();

/** Forgets the cached state, so the next reader asks the main process again. */
export function refreshLessonState(lessonId: string): void {
  loaded.delete(lessonId);
}

/** The lesson's saved state, or null when it cannot be read (reading goes on without it). */
export function lessonState(lessonId: string): Promise<LessonState | null> {
  let state = loaded.get(lessonId);
  if (!state) {
    state = call('getLessonState', { lessonId }).catch(() => null);
    loaded.set(lessonId, state);
  }
  return state;
}
