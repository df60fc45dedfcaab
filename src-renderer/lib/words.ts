// Words a learner reads about their own progress and the app's names for things.
import type { LearnerEvent, LessonScore, LessonStatus } from '../../src-main/api/contract';

export const statusLabel: Record<LessonStatus, string> = {
  'not-started': 'Not started',
  opened: 'In progress',
  read: 'Read',
};

/** "queue-burst" -> "Queue burst". */
export function humanize(kebab: string): string {
  const words = kebab.replace(/[-_.]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One event from the learner's log as a sentence, naming the lesson by its title. */
export function describeEvent(event: LearnerEvent, titleOf: (id: string) => string | undefined): string {
  const subject = event.subject ? (titleOf(event.subject) ?? event.subject) : null;
  switch (event.kind) {
    case 'lesson.opened':
      return `Opened ${subject ?? 'a lesson'}`;
    case 'lesson.completed':
      return `Finished reading ${subject ?? 'a lesson'}`;
    case 'check.answered':
      return `${event.data.correct === true ? 'Answered a check correctly' : 'Answered a check wrongly'} in ${subject ?? 'a lesson'}`;
    case 'widget.predicted': {
      const verdict = event.data.correct === true ? ' (the simulation agreed)' : event.data.correct === false ? ' (the simulation disagreed)' : '';
      return `Made a prediction in ${subject ?? 'a lesson'}${verdict}`;
    }
    case 'scenario.attempted': {
      const drill = typeof event.data.drill === 'string' ? ' with a failure drill' : '';
      const what = subject ?? 'a scenario';
      // The reference design passing is not the learner passing.
      if (event.data.reference === true) return `Ran the reference design of ${what}${drill} (${event.data.pass === true ? 'it passed' : 'it did not pass'})`;
      return `${event.data.pass === true ? 'Passed' : 'Ran'} ${what}${drill}${event.data.pass === true ? '' : ' (not passed yet)'}`;
    }
    default: {
      const action = humanize(event.kind.split('.').reverse().join(' '));
      return subject ? `${action}: ${subject}` : action;
    }
  }
}

/**
 * Runs of events that read the same, outcome included, as one row with a count: opening a lesson
 * five times is one line, but four failed runs and three passes are never "Passed … 7 times".
 */
export function groupEvents(events: LearnerEvent[], titleOf: (id: string) => string | undefined): { event: LearnerEvent; times: number }[] {
  const rows: { event: LearnerEvent; times: number; text: string }[] = [];
  for (const event of events) {
    const text = describeEvent(event, titleOf);
    const last = rows.at(-1);
    if (last && last.text === text) last.times += 1;
    else rows.push({ event, times: 1, text });
  }
  return rows.map(({ event, times }) => ({ event, times }));
}

/**
 * How a lesson's checks and predictions went, in one line: "5 of 12 checks right · 3 of 4 predictions
 * right". Null before the learner has answered or predicted anything there.
 */
export function scoreLine(score: Pick<LessonScore, 'checksRight' | 'checksAnswered' | 'predictionsRight' | 'predictionsJudged'> | undefined, lesson: { checkCount: number }): string | null {
  if (!score || (score.checksAnswered === 0 && score.predictionsJudged === 0)) return null;
  const parts: string[] = [];
  if (lesson.checkCount > 0) parts.push(score.checksRight === lesson.checkCount && lesson.checkCount > 1 ? `all ${plural(lesson.checkCount, 'check')} right` : `${score.checksRight} of ${plural(lesson.checkCount, 'check')} right`);
  if (score.predictionsJudged > 0) parts.push(`${score.predictionsRight} of ${plural(score.predictionsJudged, 'prediction')} right`);
  return parts.length > 0 ? capitalise(parts.join(' · ')) : null;
}

/** "render the page" -> "Render the page". */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** plural(1, 'run') -> "1 run", plural(3, 'run') -> "3 runs". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
