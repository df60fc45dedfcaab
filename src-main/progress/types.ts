// What the progress store keeps about the learner: reading progress, answers, predictions and the event log.

export type LessonStatus = 'not-started' | 'opened' | 'read';

export interface LessonProgress {
  lessonId: string;
  status: LessonStatus;
  firstOpenedAt: string | null;
  lastOpenedAt: string | null;
  secondsSpent: number;
  /** Share of the lesson scrolled past, 0..1. */
  readingPosition: number;
  /** The end was reached; the lesson is read once every check is answered too. */
  endReached: boolean;
}

export interface LearnerEvent {
  id: number;
  at: string;
  kind: string;
  subject: string | null;
  data: Record<string, unknown>;
}

export interface ProgressOverview {
  lessons: LessonProgress[];
  lessonsRead: number;
  lessonsOpened: number;
  secondsSpent: number;
  recentEvents: LearnerEvent[];
  /** Per lesson with any answer or prediction: how the learner did (latest answer per check, latest prediction per widget). */
  scores: LessonScore[];
}

export interface LessonScore {
  lessonId: string;
  checksAnswered: number;
  checksRight: number;
  predictions: number;
  /** Predictions the simulation agreed with; those it could not judge count as neither. */
  predictionsRight: number;
  predictionsJudged: number;
}

export interface WidgetPrediction {
  lessonId: string;
  widgetId: string;
  widget: string;
  metric: string;
  choiceIndex: number;
  choiceLabel: string;
  measured: number | null;
  correct: boolean | null;
  at: string;
}

export interface CheckAnswer {
  lessonId: string;
  checkId: string;
  optionIndex: number;
  correct: boolean;
  at: string;
}

export interface LessonState {
  progress: LessonProgress;
  checkAnswers: CheckAnswer[];
  predictions: WidgetPrediction[];
}

/** For one kind of item in a progress file: what importing it does. */
export interface KindChange {
  added: number;
  /** The file's copy is newer, so it replaces ours. */
  updated: number;
  /** Ours is newer or the same age (or, for attempts and events, already here). */
  kept: number;
}

export type ProgressKind = 'lessons' | 'checkAnswers' | 'predictions' | 'attempts' | 'drafts' | 'events';

/** Per kind, what an import changes (or would change, in a preview). */
export type ImportPreview = Record<ProgressKind, KindChange>;

/** How many items of each kind the learner has: what a reset deletes. */
export type ProgressCounts = Record<ProgressKind, number>;
