/**
 * The task table: every kind of work the pool runs, with what it is handed and
 * what it answers. The pool, the worker and the handlers all type against it,
 * so a task's result type is written once.
 */
import type { ControlValues, ExperimentResult } from '../api/contract';
import type { ScenarioSpec } from '../scenarios/scenarioSchema';
import type { Design, GradedRun } from '../scenarios/types';
import type { SimResult } from '../sim/types';

export interface TaskTable {
  /** A model on the simulator; the worker validates it (the simulator's messages name the field). */
  simulate: { input: { model: unknown; level: 'request' | 'horizon' }; result: SimResult };
  /** A lesson widget's experiment; the worker checks the controls against the widget's spec. */
  experiment: { input: { widget: string; controls: ControlValues }; result: ExperimentResult };
  /** A graded scenario run. The caller checked the design's format; the worker builds and validates its model, once. */
  scenario: { input: { scenario: ScenarioSpec; design: Design; drill: string | null }; result: GradedRun };
}

export type TaskKind = keyof TaskTable;
export type TaskInput<K extends TaskKind> = TaskTable[K]['input'];
export type TaskResult<K extends TaskKind> = TaskTable[K]['result'];

/**
 * Which tasks a learner is waiting on as they work: a widget's run and a scenario's. The pool keeps a worker
 * for these alone, so a long `simulate` (any model the API is sent) never holds them up.
 */
export const INTERACTIVE: { readonly [K in TaskKind]: boolean } = { simulate: false, experiment: true, scenario: true };
