// The kinds of progress a file or a reset holds, named the way the learner knows them.
import { plural } from '../../lib/words';
import type { ImportPreview, KindChange, ProgressCounts, ProgressKind } from '../../../src-main/api/contract';

export const kindLabels: Record<ProgressKind, string> = {
  lessons: 'Lessons opened or read',
  checkAnswers: 'Check answers',
  predictions: 'Widget predictions',
  attempts: 'Scenario runs',
  drafts: 'Saved scenario designs',
  events: 'Activity entries',
};

export const kinds = Object.keys(kindLabels) as ProgressKind[];

const nouns: Record<ProgressKind, [string, string]> = {
  lessons: ['lesson opened or read', 'lessons opened or read'],
  checkAnswers: ['check answer', 'check answers'],
  predictions: ['widget prediction', 'widget predictions'],
  attempts: ['scenario run', 'scenario runs'],
  drafts: ['saved scenario design', 'saved scenario designs'],
  events: ['activity entry', 'activity entries'],
};

/** "3 lessons opened or read, 12 check answers and 40 activity entries", leaving out kinds with none. */
export function describeCounts(counts: ProgressCounts): string {
  const parts = kinds.filter((k) => counts[k] > 0).map((k) => plural(counts[k], ...nouns[k]).replace(/^\d+/, (n) => Number(n).toLocaleString('en-US')));
  if (parts.length === 0) return 'nothing yet';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

export const changesAnything = (preview: ImportPreview): boolean => kinds.some((k) => preview[k].added + preview[k].updated > 0);

export const total = (c: KindChange): number => c.added + c.updated + c.kept;
