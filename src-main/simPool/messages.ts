import type { TaskInput, TaskKind, TaskResult } from './tasks';

/** Messages between the pool and its worker threads. */
export interface RunRequest<K extends TaskKind = TaskKind> {
  jobId: number;
  kind: K;
  input: TaskInput<K>;
  seed: number;
  /** Int32Array over a SharedArrayBuffer; the pool sets [0] = 1 to stop the run. */
  stopFlag: SharedArrayBuffer;
}

export type WorkerReply =
  | { jobId: number; type: 'progress'; fraction: number }
  | { jobId: number; type: 'done'; result: TaskResult<TaskKind> }
  | { jobId: number; type: 'cancelled' }
  | { jobId: number; type: 'failed'; message: string; badInput: boolean; issues: string[] };
