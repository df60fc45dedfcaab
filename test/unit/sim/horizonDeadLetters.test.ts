// A consumer that fails outright must not make messages vanish: every accepted message is either
// handled or dead-lettered after its attempts, at the horizon level as at the request level.
import { describe, expect, it } from 'vitest';
import { simulate, validateModel } from '../../../src-main/sim/index';

const model = (fault: boolean) =>
  validateModel(
    {
      name: 'failing consumer',
      traffic: { ratePerSec: 100, durationSec: 3600 },
      components: {
        api: { kind: 'server', instances: 2 },
        q: { kind: 'queue', maxAttempts: 4 },
        workers: { kind: 'workerPool', instances: 2, concurrency: 8 },
      },
      workloads: { job: { path: ['api', 'q', 'workers'], deadlineMs: 1000 } },
      ...(fault ? { faults: [{ component: 'workers', fromSec: 1200, toSec: 1800, effect: 'fail' }] } : {}),
    },
    'failing consumer',
  );

describe('horizon: messages whose consumer fails', () => {
  it('are dead-lettered, not lost: handled + dead-lettered = accepted', () => {
    const r = simulate(model(true), { seed: 1, level: 'horizon' });
    if (r.status !== 'complete') throw new Error('cancelled');
    const w = r.workloads[0]!;
    const accepted = w.successes + w.fallbacks + w.late;
    expect(w.deadLettered).toBeGreaterThan(0.15 * accepted * (600 / 3600));
    expect(Math.abs(w.asyncCompleted + w.deadLettered - accepted) / accepted).toBeLessThan(0.01);
  });

  it('without the fault, nothing is dead-lettered', () => {
    const r = simulate(model(false), { seed: 1, level: 'horizon' });
    if (r.status !== 'complete') throw new Error('cancelled');
    expect(r.workloads[0]!.deadLettered).toBe(0);
  });
});
