// The one API contract: every method's input schema and output type.
// The main process implements it (handlers/), both transports carry it, and the
// renderer imports its types only, so zod never reaches the renderer bundle.
import { z } from 'zod';
import type { SimResult } from '../sim/types';
import type { LessonDocument, LessonList, SearchHit } from '../content/types';
import type { CheckAnswer, ImportPreview, LessonProgress, LessonState, ProgressCounts, ProgressOverview, WidgetPrediction } from '../progress/types';
import type { AttemptSummary, Design, DesignCheck, ScenarioDocument, ScenarioList, ScenarioRunResult } from '../scenarios/types';
import { idField, requestKeyField, seedField } from './fields';

// Each module owns its types; the contract is the one place the renderer imports them from.
export type { SimResult, TermVerdict, CostBreakdown, CostLine, WorkloadResult, ComponentResult, Explanation, Saturation, ComponentKind, WorkloadSeries, ComponentSeries } from '../sim/types';
export type * from '../scenarios/types';
export type * from '../content/types';
export type * from '../progress/types';
export type * from './result';
export { ID_PATTERN, SEED_MAX, idField, requestKeyField, seedField } from './fields';

export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type; never set at run time. */
  output?: O;
}

function method<O>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input });
}

const lessonId = idField('a lesson id');
const scenarioId = idField('a scenario id');
// The file's size is checked by the importer itself, so the learner hears about it in its words.
const progressFileText = z.string();

export interface AppInfo {
  name: string;
  version: string;
  transport: 'ipc' | 'http';
  /** The desktop app only: a browser page is not told where progress is kept. */
  databaseFile?: string;
  lessonsFolder: string;
  /** One sentence when the progress database had to be replaced at startup (damaged: moved aside, restored or started fresh). */
  startupNotice?: string;
}

// ---------- lesson widgets: their types live with the experiments ----------

export type { ControlSpec, MetricSpec, ExperimentSpec, ControlValues, ExperimentSeries, ExperimentBarGroup, ExperimentResult } from '../experiments/types';
import type { ExperimentResult, ExperimentSpec } from '../experiments/types';

// ---------- the methods ----------

export const contract = {
  appInfo: method<AppInfo>()(z.object({}).strict()),

  listLessons: method<LessonList>()(z.object({}).strict()),

  getLesson: method<LessonDocument>()(z.object({ id: lessonId }).strict()),

  /** Called when a lesson opens, as the learner scrolls, and when its end is reached. */
  recordProgress: method<LessonProgress>()(
    z
      .object({
        lessonId,
        event: z.enum(['opened', 'position', 'completed']),
        /** Share of the lesson scrolled past. */
        position: z.number().min(0).max(1).optional(),
        /** Seconds of reading since the last report (the renderer reports in small slices). */
        secondsSpent: z.number().min(0).max(3600).optional(),
      })
      .strict(),
  ),

  /**
   * Runs a model on the simulator in a worker thread. The model is checked by the
   * simulator's own validation, whose messages name the field and what was expected.
   * Runs with the same requestKey (a widget instance) supersede each other.
   */
  simulate: method<SimResult>()(
    z
      .object({
        model: z.unknown(),
        seed: seedField,
        level: z.enum(['request', 'horizon']).optional(),
        requestKey: requestKeyField.optional(),
      })
      .strict(),
  ),

  /** How far the newest run with this key has got (0..1), or null when none is running. */
  simulationProgress: method<{ fraction: number | null }>()(z.object({ requestKey: requestKeyField }).strict()),

  listExperiments: method<{ experiments: ExperimentSpec[] }>()(z.object({}).strict()),

  /** Runs one widget's experiment. Controls are checked against its spec; requestKey supersedes older runs. */
  runExperiment: method<ExperimentResult>()(
    z
      .object({
        widget: idField('a widget kind'),
        controls: z.record(z.string(), z.union([z.number(), z.string().max(100)])),
        seed: seedField,
        requestKey: requestKeyField.optional(),
      })
      .strict(),
  ),

  /** The learner committed to a prediction, and (after the run) whether the simulation agreed. */
  recordPrediction: method<WidgetPrediction>()(
    z
      .object({
        lessonId,
        widgetId: z.string().min(1).max(100),
        widget: z.string().min(1).max(64),
        metric: z.string().min(1).max(64),
        choiceIndex: z.number().int().min(0).max(20),
        choiceLabel: z.string().min(1).max(300),
        measured: z.number().finite().nullable(),
        correct: z.boolean().nullable(),
      })
      .strict(),
  ),

  recordCheckAnswer: method<CheckAnswer>()(
    z.object({ lessonId, checkId: z.string().min(1).max(100), optionIndex: z.number().int().min(0).max(20) }).strict(),
  ),

  /** Everything the reader needs to restore a lesson: progress, answered checks, predictions. */
  getLessonState: method<LessonState>()(z.object({ lessonId }).strict()),

  /** Lessons and scenarios whose text has every word of the query, best first. */
  search: method<{ hits: SearchHit[] }>()(
    z.object({ query: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(50).optional() }).strict(),
  ),

  getProgress: method<ProgressOverview>()(
    z.object({ recentEvents: z.number().int().min(0).max(500).optional() }).strict(),
  ),

  // ---------- scenarios ----------

  /** Every scenario with the learner's attempts and best result, plus files that failed to load. */
  listScenarios: method<ScenarioList>()(z.object({}).strict()),

  getScenario: method<ScenarioDocument>()(z.object({ id: scenarioId }).strict()),

  /** The learner's saved design for a scenario, or the starting design when there is none. */
  getDraft: method<{ design: Design; savedAt: string | null }>()(z.object({ scenarioId }).strict()),

  /** Autosave. The design is validated against the scenario (offered components, wires). */
  saveDraft: method<{ savedAt: string }>()(z.object({ scenarioId, design: z.unknown() }).strict()),

  /** A scenario's starting design, or its reference design (a spoiler: the UI asks first). */
  getTemplate: method<{ design: Design }>()(z.object({ scenarioId, which: z.enum(['starting', 'reference']) }).strict()),

  /** Live check for the designer: problems, paths, monthly cost. */
  checkDesign: method<DesignCheck>()(z.object({ scenarioId, design: z.unknown() }).strict()),

  /** A design file's text (JSON); refused with a message naming the field or the component not offered. */
  importDesign: method<{ design: Design }>()(z.object({ scenarioId, text: z.string().max(1_000_000) }).strict()),

  /** Runs the design under the scenario's traffic (optionally with a failure drill), grades it and stores the attempt. */
  runScenario: method<ScenarioRunResult>()(
    z
      .object({
        scenarioId,
        design: z.unknown(),
        seed: seedField.optional(),
        drill: idField('a drill id').optional(),
        requestKey: requestKeyField.optional(),
      })
      .strict(),
  ),

  listAttempts: method<{ attempts: AttemptSummary[] }>()(z.object({ scenarioId }).strict()),

  getAttempt: method<{ run: ScenarioRunResult; design: Design }>()(z.object({ id: z.number().int().min(1) }).strict()),

  // ---------- keeping progress safe ----------

  /** All progress as one versioned JSON file's text, and a file name for it. */
  exportProgress: method<{ fileName: string; text: string }>()(z.object({}).strict()),

  /** What importing this progress file would change, per kind; writes nothing. A bad file is refused naming what is wrong. */
  previewImport: method<{ changes: ImportPreview; exportedAt: string }>()(z.object({ text: progressFileText }).strict()),

  /** Merges a progress file in one transaction (newer wins per item), after a backup. */
  importProgress: method<{ changes: ImportPreview; backup: string }>()(z.object({ text: progressFileText }).strict()),

  /** How many items of each kind there are: what a reset would delete. */
  countProgress: method<ProgressCounts>()(z.object({}).strict()),

  /** Deletes all progress, after a backup; answers how much was deleted. */
  resetProgress: method<{ deleted: ProgressCounts; backup: string | null }>()(z.object({ confirm: z.literal(true) }).strict()),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
