// Speaks the simulation pool's protocol with a busy loop instead of the simulator,
// so the pool's own behaviour (queueing, cancelling, crashing, timing out) can be tested alone.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (job) => {
  const stop = new Int32Array(job.stopFlag);
  const { ms = 0, crash = false, fail = false, deaf = false } = job.input.model ?? {};
  if (crash) process.exit(3);
  if (fail) return parentPort.postMessage({ jobId: job.jobId, type: 'failed', message: 'model.x: expected y', badInput: true, issues: ['model.x: expected y'] });
  const start = Date.now();
  let reported = 0;
  while (Date.now() - start < ms) {
    // A deaf run never looks at the stop flag, like a simulation stuck in a loop.
    if (!deaf && Atomics.load(stop, 0) === 1) return parentPort.postMessage({ jobId: job.jobId, type: 'cancelled' });
    const fraction = (Date.now() - start) / ms;
    if (fraction - reported >= 0.1) {
      reported = fraction;
      parentPort.postMessage({ jobId: job.jobId, type: 'progress', fraction });
    }
  }
  parentPort.postMessage({ jobId: job.jobId, type: 'done', result: { seed: job.seed, ms } });
});
