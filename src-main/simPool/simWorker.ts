// A worker thread that runs simulations off the main process's event loop.
import { parentPort } from 'node:worker_threads';
import { simulate, validateModel, ModelError } from '../sim/index';
import type { RunRequest, WorkerReply } from './messages';

if (!parentPort) throw new Error('simWorker must run as a worker thread');
const port = parentPort;

port.on('message', (job: RunRequest) => {
  const stop = new Int32Array(job.stopFlag);
  const reply = (message: WorkerReply) => port.postMessage(message);
  try {
    const model = validateModel(job.model, 'model');
    const result = simulate(model, {
      seed: job.seed,
      level: job.level,
      onProgress: (fraction) => reply({ jobId: job.jobId, type: 'progress', fraction }),
      shouldStop: () => Atomics.load(stop, 0) === 1,
    });
    if (Atomics.load(stop, 0) === 1) reply({ jobId: job.jobId, type: 'cancelled' });
    else reply({ jobId: job.jobId, type: 'done', result });
  } catch (err) {
    if (Atomics.load(stop, 0) === 1) return reply({ jobId: job.jobId, type: 'cancelled' });
    reply({ jobId: job.jobId, type: 'failed', message: (err as Error).message, invalidModel: err instanceof ModelError });
  }
});
