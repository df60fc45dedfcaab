// Words a learner reads about their own progress and the app's names for things.
import type { LearnerEvent, LessonStatus } from '../../src-main/api/contract';

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
      return `${event.data.correct === true ? 'Answered a check correctly' : 'Tried a check'} in ${subject ?? 'a lesson'}`;
    case 'widget.predicted': {
      const verdict = event.data.correct === true ? ' (the simulation agreed)' : event.data.correct === false ? ' (the simulation disagreed)' : '';
      return `Made a prediction in ${subject ?? 'a lesson'}${verdict}`;
    }
    case 'scenario.attempted': {
      const drill = typeof event.data.drill === 'string' ? ' with a failure drill' : '';
      return `${event.data.pass === true ? 'Passed' : 'Ran'} ${subject ?? 'a scenario'}${drill}${event.data.pass === true ? '' : ' (not passed yet)'}`;
    }
    default: {
      const action = humanize(event.kind.split('.').reverse().join(' '));
      return subject ? `${action}: ${subject}` : action;
    }
  }
}

/** "render the page" -> "Render the page". */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** plural(1, 'run') -> "1 run", plural(3, 'run') -> "3 runs". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
