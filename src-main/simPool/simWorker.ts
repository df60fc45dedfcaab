// A worker thread that runs simulations off the main process's event loop.
import { parentPort } from 'node:worker_threads';
import { simulate, validateModel, ModelError } from '../sim/index';
import { runExperiment, ExperimentError } from '../experiments/index';
import { gradeDesign, DesignNotRunnable } from '../scenarios/runScenario';
import type { RunRequest, WorkerReply } from './messages';
import type { TaskInput, TaskKind, TaskResult } from './tasks';

if (!parentPort) throw new Error('simWorker must run as a worker thread');
const port = parentPort;

interface Hooks {
  onProgress: (fraction: number) => void;
  shouldStop: () => boolean;
}

/** A run that noticed the stop flag ends with this instead of a result. */
const STOPPED = null;

/** How each task in the table runs: a missing kind is a type error. */
const runners: { [K in TaskKind]: (input: TaskInput<K>, seed: number, hooks: Hooks) => TaskResult<K> | typeof STOPPED } = {
  simulate({ model, level }, seed, hooks) {
    const out = simulate(validateModel(model, 'model'), { seed, level, ...hooks });
    return out.status === 'complete' ? out : STOPPED;
  },
  experiment({ widget, controls }, seed, hooks) {
    return runExperiment(widget, controls, seed, { shouldStop: hooks.shouldStop });
  },
  // The design's model is built and validated here only: the main thread checked its format, nothing more.
  scenario({ scenario, design, drill }, seed, hooks) {
    const outcome = gradeDesign(scenario, design, { seed, drill: drill ?? undefined, ...hooks });
    return outcome.status === 'complete' ? outcome.run : STOPPED;
  },
};

function failureOf(err: unknown): { message: string; badInput: boolean; issues: string[] } {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof DesignNotRunnable) return { message, badInput: true, issues: err.problems.filter((p) => p.severity === 'error').map((p) => p.message) };
  if (err instanceof ModelError) return { message, badInput: true, issues: err.lines };
  return { message, badInput: err instanceof ExperimentError, issues: [] };
}

port.on('message', (job: RunRequest) => {
  const stop = new Int32Array(job.stopFlag);
  const stopped = () => Atomics.load(stop, 0) === 1;
  const reply = (message: WorkerReply) => port.postMessage(message);
  try {
    const run = runners[job.kind] as (input: TaskInput<TaskKind>, seed: number, hooks: Hooks) => TaskResult<TaskKind> | typeof STOPPED;
    const result = run(job.input, job.seed, {
      onProgress: (fraction) => reply({ jobId: job.jobId, type: 'progress', fraction }),
      shouldStop: stopped,
    });
    reply(result === STOPPED || stopped() ? { jobId: job.jobId, type: 'cancelled' } : { jobId: job.jobId, type: 'done', result });
  } catch (err) {
    if (stopped()) return reply({ jobId: job.jobId, type: 'cancelled' });
    reply({ jobId: job.jobId, type: 'failed', ...failureOf(err) });
  }
});
