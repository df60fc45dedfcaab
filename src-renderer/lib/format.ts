// Words and numbers as a learner reads them.
import type { LearnerEvent, LessonStatus } from '../../src-main/api/contract';

/** 65 -> "1 min", 3900 -> "1 h 5 min", 20 -> "20 s", 0 -> "0 min". */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  if (total === 0) return '0 min';
  if (total < 60) return `${total} s`;
  const minutes = Math.round(total / 60);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${minutes} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "just now", "3 min ago", "2 h ago", "yesterday", "5 days ago", then a date. */
export function formatRelative(iso: string | null, now: Date = new Date()): string {
  if (!iso) return '—';
  const then = new Date(iso);
  const seconds = (now.getTime() - then.getTime()) / 1000;
  if (Number.isNaN(seconds)) return '—';
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  return then.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: now.getFullYear() === then.getFullYear() ? undefined : 'numeric' });
}

/** The full date and time in the learner's locale, for a relative time's tooltip. */
export function formatFullDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatPercent(share: number): string {
  return `${Math.round(Math.min(1, Math.max(0, share)) * 100)}%`;
}

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
