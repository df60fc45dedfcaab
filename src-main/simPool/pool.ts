import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import type { RunRequest, SimTask, WorkerReply } from './messages';

export class SimulationCancelled extends Error {
  constructor() {
    super('Superseded by a newer run of the same widget.');
    this.name = 'SimulationCancelled';
  }
}

export class SimulationFailed extends Error {
  constructor(
    message: string,
    readonly invalidModel: boolean,
  ) {
    super(message);
    this.name = 'SimulationFailed';
  }
}

export interface RunOptions {
  task: SimTask;
  seed: number;
  /** Runs sharing a key supersede each other: the newer one cancels the older. */
  key?: string;
}

interface Job extends RunOptions {
  id: number;
  stopFlag: SharedArrayBuffer;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  fraction: number;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  dead: boolean;
}

export interface PoolOptions {
  /** The worker script: the built simWorker.js, or the .ts source (loaded through tsx, for tests). */
  workerFile: string;
  size: number;
}

/** A worker for a .js file directly; for a .ts source, a bootstrap that registers tsx first. */
function startWorker(file: string): Worker {
  if (!file.endsWith('.ts')) return new Worker(file);
  const url = JSON.stringify(pathToFileURL(file).href);
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${url}); });`, { eval: true });
}

/**
 * A small pool of worker threads for simulations, so the main process never blocks.
 * Jobs queue FIFO; a job with the same key as a queued or running one supersedes it.
 */
export class SimulationPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private byKey = new Map<string, Job>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = startWorker(this.options.workerFile);
    const slot: Slot = { worker, job: null, dead: false };
    worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply));
    // A thrown error is followed by 'exit'; a worker can also just exit. Either way, once.
    worker.on('error', (err) => this.onCrash(slot, err));
    worker.on('exit', (code) => this.onCrash(slot, new Error(`it exited with code ${code}`)));
    worker.unref();
    return slot;
  }

  run(options: RunOptions): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('The simulation pool is closed.'));
    return new Promise((resolve, reject) => {
      const job: Job = { ...options, id: this.nextId++, stopFlag: new SharedArrayBuffer(4), resolve, reject, fraction: 0 };
      if (options.key) {
        const older = this.byKey.get(options.key);
        if (older) this.cancel(older);
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

  private cancel(job: Job): void {
    Atomics.store(new Int32Array(job.stopFlag), 0, 1);
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.settle(job);
      job.reject(new SimulationCancelled());
    }
    // A running job stops at its next check and answers 'cancelled'.
  }

  private pump(): void {
    for (const slot of this.slots) {
      while (!slot.job && this.queue.length > 0) {
        const job = this.queue.shift()!;
        slot.job = job;
        const message: RunRequest = { jobId: job.id, task: job.task, seed: job.seed, stopFlag: job.stopFlag };
        try {
          // A task the structured clone cannot carry (a model nested thousands deep) throws here: the job fails
          // with that reason and the worker stays free for the next one, instead of being marked busy forever.
          slot.worker.postMessage(message);
        } catch (err) {
          slot.job = null;
          this.settle(job);
          job.reject(new SimulationFailed(`The simulation could not be handed to a worker: ${(err as Error).message}`, true));
          continue;
        }
        slot.worker.ref();
      }
    }
  }

  private settle(job: Job): void {
    if (job.key && this.byKey.get(job.key) === job) this.byKey.delete(job.key);
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
    this.settle(job);
    if (reply.type === 'done') job.resolve(reply.result);
    else if (reply.type === 'cancelled') job.reject(new SimulationCancelled());
    else job.reject(new SimulationFailed(reply.message, reply.invalidModel));
    this.pump();
  }

  private onCrash(slot: Slot, err: Error): void {
    if (slot.dead) return;
    slot.dead = true;
    const job = slot.job;
    slot.job = null;
    const index = this.slots.indexOf(slot);
    if (job) {
      this.settle(job);
      job.reject(new SimulationFailed(`The simulation worker crashed: ${err.message}`, false));
    }
    if (!this.closed && index >= 0) {
      // Replace the dead worker so one bad run never takes the pool down.
      this.slots[index] = this.spawn();
      this.pump();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('The simulation pool closed.'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
