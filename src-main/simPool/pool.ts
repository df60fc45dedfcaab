import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { PoolFailure } from './failures';
import type { RunRequest, WorkerReply } from './messages';
import { INTERACTIVE, type TaskInput, type TaskKind, type TaskResult } from './tasks';

export { PoolFailure, type PoolFailureReason } from './failures';

export interface RunOptions {
  seed: number;
  /** Runs sharing a key supersede each other: the newer one cancels the older. */
  key?: string;
}

interface Job extends RunOptions {
  id: number;
  kind: TaskKind;
  input: TaskInput<TaskKind>;
  stopFlag: SharedArrayBuffer;
  resolve: (value: TaskResult<TaskKind>) => void;
  reject: (err: PoolFailure) => void;
  fraction: number;
  /** Why the pool asked the running job to stop, so its answer can be reported as such. */
  stopReason: 'superseded' | 'timedOut' | null;
  timers: ReturnType<typeof setTimeout>[];
}

interface Slot {
  worker: Worker;
  job: Job | null;
  dead: boolean;
  /** A worker kept for interactive tasks (INTERACTIVE) takes no other. */
  interactiveOnly: boolean;
}

export interface PoolOptions {
  /** The worker script: the built simWorker.js, or the .ts source (loaded through tsx, for tests). */
  workerFile: string;
  /** Workers for any task. One more is kept for interactive tasks (widgets, scenarios) on top of these. */
  size: number;
  /** A run still going after this long is stopped and answered as timed out. */
  timeoutMs?: number;
  /** How long a stopped run may take to notice before its worker is replaced. */
  stopGraceMs?: number;
}

/** Long enough for a scenario run with its remedies on a slow machine; a run past it is stuck, not slow. */
const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_STOP_GRACE_MS = 2_000;

/** A worker for a .js file directly; for a .ts source, a bootstrap that registers tsx first. */
function startWorker(file: string): Worker {
  if (!file.endsWith('.ts')) return new Worker(file);
  const url = JSON.stringify(pathToFileURL(file).href);
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${url}); });`, { eval: true });
}

const limitText = (ms: number): string => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);
const superseded = () => new PoolFailure('superseded', 'Superseded by a newer run of the same widget.');

/**
 * A small pool of worker threads for simulations, so the main process never blocks.
 * Jobs queue FIFO; a job with the same key as a queued or running one supersedes it.
 * One worker beyond `size` takes interactive tasks only: a widget never waits behind a long `simulate`.
 * Every failure is a PoolFailure with its reason; the API maps reasons to error codes.
 */
export class SimulationPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private byKey = new Map<string, Job>();
  private nextId = 1;
  private closed = false;
  private readonly timeoutMs: number;
  private readonly stopGraceMs: number;

  constructor(private readonly options: PoolOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.stopGraceMs = options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS;
    this.slots.push(this.spawn(true));
    for (let i = 0; i < options.size; i++) this.slots.push(this.spawn(false));
  }

  private spawn(interactiveOnly: boolean): Slot {
    const worker = startWorker(this.options.workerFile);
    const slot: Slot = { worker, job: null, dead: false, interactiveOnly };
    worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply));
    // A thrown error is followed by 'exit'; a worker can also just exit. Either way, once.
    worker.on('error', (err) => this.onCrash(slot, err));
    worker.on('exit', (code) => this.onCrash(slot, new Error(`it exited with code ${code}`)));
    worker.unref();
    return slot;
  }

  run<K extends TaskKind>(kind: K, input: TaskInput<K>, options: RunOptions): Promise<TaskResult<K>> {
    if (this.closed) return Promise.reject(new PoolFailure('closed', 'The simulation pool is closed.'));
    return new Promise<TaskResult<K>>((resolve, reject) => {
      const job: Job = {
        ...options,
        id: this.nextId++,
        kind,
        input,
        stopFlag: new SharedArrayBuffer(4),
        // The worker answers the result of the task it was asked to run: K's result.
        resolve: resolve as (value: TaskResult<TaskKind>) => void,
        reject,
        fraction: 0,
        stopReason: null,
        timers: [],
      };
      if (options.key) {
        const older = this.byKey.get(options.key);
        if (older) this.stop(older, 'superseded');
        this.byKey.set(options.key, job);
      }
      this.queue.push(job);
      this.pump();
    });
  }

  /** How far the newest run with this key has got, 0..1, or null when none is running. */
  progress(key: string): number | null {
    const job = this.byKey.get(key);
    return job ? job.fraction : null;
  }

  /** A queued job is dropped at once; a running one is asked to stop and answers at its next check. */
  private stop(job: Job, reason: 'superseded' | 'timedOut'): void {
    job.stopReason ??= reason;
    Atomics.store(new Int32Array(job.stopFlag), 0, 1);
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.finish(job, superseded());
    }
  }

  private pump(): void {
    for (const slot of this.slots) {
      while (!slot.job) {
        // The oldest job this worker may take: any, or for the interactive worker the oldest interactive one.
        const next = slot.interactiveOnly ? this.queue.findIndex((j) => INTERACTIVE[j.kind]) : this.queue.length > 0 ? 0 : -1;
        if (next < 0) break;
        const job = this.queue.splice(next, 1)[0]!;
        slot.job = job;
        const message: RunRequest = { jobId: job.id, kind: job.kind, input: job.input, seed: job.seed, stopFlag: job.stopFlag };
        try {
          // A task the structured clone cannot carry (a model nested thousands deep) throws here: the job fails
          // with that reason and the worker stays free for the next one, instead of being marked busy forever.
          slot.worker.postMessage(message);
        } catch (err) {
          slot.job = null;
          this.finish(job, new PoolFailure('badInput', `The simulation could not be handed to a worker: ${(err as Error).message}`));
          continue;
        }
        slot.worker.ref();
        this.startClock(slot, job);
      }
    }
  }

  /** Past the time limit the run is asked to stop; if it does not notice within the grace, its worker is replaced. */
  private startClock(slot: Slot, job: Job): void {
    const limit = setTimeout(() => {
      this.stop(job, 'timedOut');
      const kill = setTimeout(() => {
        if (slot.job === job) void slot.worker.terminate();
      }, this.stopGraceMs);
      kill.unref();
      job.timers.push(kill);
    }, this.timeoutMs);
    limit.unref();
    job.timers.push(limit);
  }

  /** What a job that stopped without a result answers, from why it was stopped. */
  private stoppedFailure(job: Job): PoolFailure {
    return job.stopReason === 'timedOut' ? new PoolFailure('timedOut', `The simulation ran past its ${limitText(this.timeoutMs)} limit and was stopped.`) : superseded();
  }

  /** Settles a job once: its timers stop and its key is free for the next run. */
  private finish(job: Job, outcome: PoolFailure | { value: TaskResult<TaskKind> }): void {
    for (const t of job.timers) clearTimeout(t);
    if (job.key && this.byKey.get(job.key) === job) this.byKey.delete(job.key);
    if (outcome instanceof PoolFailure) job.reject(outcome);
    else job.resolve(outcome.value);
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    const job = slot.job;
    if (!job || job.id !== reply.jobId) return;
    if (reply.type === 'progress') {
      job.fraction = reply.fraction;
      return;
    }
    slot.job = null;
    slot.worker.unref();
    if (reply.type === 'done') this.finish(job, { value: reply.result });
    else if (reply.type === 'cancelled') this.finish(job, this.stoppedFailure(job));
    else this.finish(job, new PoolFailure(reply.badInput ? 'badInput' : 'crashed', reply.message, reply.issues));
    this.pump();
  }

  private onCrash(slot: Slot, err: Error): void {
    if (slot.dead) return;
    slot.dead = true;
    const job = slot.job;
    slot.job = null;
    const index = this.slots.indexOf(slot);
    if (job) {
      if (this.closed) this.finish(job, new PoolFailure('closed', 'The simulation pool closed.'));
      else if (job.stopReason) this.finish(job, this.stoppedFailure(job));
      else this.finish(job, new PoolFailure('crashed', `The simulation worker crashed: ${err.message}`));
    }
    if (!this.closed && index >= 0) {
      // Replace the dead worker so one bad run never takes the pool down.
      this.slots[index] = this.spawn(slot.interactiveOnly);
      this.pump();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.finish(job, new PoolFailure('closed', 'The simulation pool closed.'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
