import type { ScenarioSpec } from '../scenarios/scenarioSchema';
import type { Design } from '../scenarios/types';

/** What a worker thread is asked to run: a model on the simulator, a lesson widget's experiment, or a graded scenario run. */
export type SimTask =
  | { kind: 'simulate'; model: unknown; level: 'request' | 'horizon' }
  | { kind: 'experiment'; widget: string; controls: Record<string, number | string> }
  | { kind: 'scenario'; scenario: ScenarioSpec; design: Design; drill: string | null };

/** Messages between the pool and its worker threads. */
export interface RunRequest {
  jobId: number;
  task: SimTask;
  seed: number;
  /** Int32Array over a SharedArrayBuffer; the pool sets [0] = 1 to cancel. */
  stopFlag: SharedArrayBuffer;
}

export type WorkerReply =
  | { jobId: number; type: 'progress'; fraction: number }
  | { jobId: number; type: 'done'; result: unknown }
  | { jobId: number; type: 'cancelled' }
  | { jobId: number; type: 'failed'; message: string; invalidModel: boolean };
