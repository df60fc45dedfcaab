// A worker thread that runs simulations off the main process's event loop.
import { parentPort } from 'node:worker_threads';
import { simulate, validateModel, ModelError } from '../sim/index';
import { runExperiment, ExperimentError } from '../experiments/index';
import { gradeDesign, DesignNotRunnable } from '../scenarios/runScenario';
import type { RunRequest, SimTask, WorkerReply } from './messages';

if (!parentPort) throw new Error('simWorker must run as a worker thread');
const port = parentPort;

function runTask(task: SimTask, seed: number, hooks: { onProgress: (f: number) => void; shouldStop: () => boolean }): unknown {
  if (task.kind === 'experiment') return runExperiment(task.widget, task.controls, seed, { shouldStop: hooks.shouldStop });
  if (task.kind === 'scenario') {
    const outcome = gradeDesign(task.scenario, task.design, { seed, drill: task.drill ?? undefined, onProgress: hooks.onProgress, shouldStop: hooks.shouldStop });
    return outcome.status === 'complete' ? outcome.run : null;
  }
  const model = validateModel(task.model, 'model');
  return simulate(model, { seed, level: task.level, onProgress: hooks.onProgress, shouldStop: hooks.shouldStop });
}

port.on('message', (job: RunRequest) => {
  const stop = new Int32Array(job.stopFlag);
  const stopped = () => Atomics.load(stop, 0) === 1;
  const reply = (message: WorkerReply) => port.postMessage(message);
  try {
    const result = runTask(job.task, job.seed, {
      onProgress: (fraction) => reply({ jobId: job.jobId, type: 'progress', fraction }),
      shouldStop: stopped,
    });
    reply(stopped() ? { jobId: job.jobId, type: 'cancelled' } : { jobId: job.jobId, type: 'done', result });
  } catch (err) {
    if (stopped()) return reply({ jobId: job.jobId, type: 'cancelled' });
    const invalid = err instanceof ModelError || err instanceof ExperimentError || err instanceof DesignNotRunnable;
    reply({ jobId: job.jobId, type: 'failed', message: (err as Error).message, invalidModel: invalid });
  }
});
