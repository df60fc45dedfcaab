/** Messages between the pool and its worker threads. */
export interface RunRequest {
  jobId: number;
  model: unknown;
  seed: number;
  level: 'request' | 'horizon';
  /** Int32Array over a SharedArrayBuffer; the pool sets [0] = 1 to cancel. */
  stopFlag: SharedArrayBuffer;
}

export type WorkerReply =
  | { jobId: number; type: 'progress'; fraction: number }
  | { jobId: number; type: 'done'; result: unknown }
  | { jobId: number; type: 'cancelled' }
  | { jobId: number; type: 'failed'; message: string; invalidModel: boolean };
