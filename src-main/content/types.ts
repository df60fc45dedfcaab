// What the content loader hands out: lessons, their blocks and outline, search hits, files that failed to load.

export interface LessonSummary {
  id: string;
  title: string;
  summary: string;
  order: number;
  topics: string[];
  minutes: number;
  relatedScenarios: string[];
  /** File name relative to the lessons folder, so errors and tools can name it. */
  file: string;
  /** How many checks and prediction widgets it has, for "5 of 12 checks right". */
  checkCount: number;
  widgetCount: number;
}

export interface OutlineEntry {
  id: string;
  text: string;
  level: 2 | 3;
}

export interface CheckOption {
  text: string;
  correct: boolean;
  why: string;
}

export type LessonBlock =
  | { type: 'html'; html: string }
  | { type: 'widget'; id: string; widget: string; options: Record<string, unknown> }
  | { type: 'check'; id: string; question: string; options: CheckOption[] }
  | { type: 'error'; id: string; message: string };

export interface LessonDocument extends LessonSummary {
  blocks: LessonBlock[];
  outline: OutlineEntry[];
  wordCount: number;
}

/** A content file that could not be loaded, with what was wrong in it. */
export interface ContentProblem {
  file: string;
  field: string | null;
  message: string;
}

export interface LessonList {
  lessons: LessonSummary[];
  problems: ContentProblem[];
}

export interface SearchHit {
  /** What the hit opens: a lesson (at a section) or a scenario's briefing. */
  kind: 'lesson' | 'scenario';
  id: string;
  title: string;
  /** Heading id to scroll to, or null for the lesson or scenario itself. */
  sectionId: string | null;
  sectionTitle: string | null;
  /** Plain-text excerpt; matched terms are listed so the renderer can highlight them safely. */
  excerpt: string;
  terms: string[];
  score: number;
}
