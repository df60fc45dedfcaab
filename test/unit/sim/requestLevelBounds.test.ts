import { describe, expect, it } from 'vitest';
import { ModelError, simulate, validateModel, type SimOutcome } from '../../../src-main/sim/index';

/** `rate` requests/s into 4 single-thread servers of 100 ms (40/s in all): nearly every request stays in the system. */
const swamped = (rate: number, durationSec: number) =>
  validateModel(
    {
      traffic: { ratePerSec: rate, durationSec },
      components: { app: { kind: 'server', instances: 4, concurrency: 1, serviceTime: 100 } },
      workloads: { main: { path: ['app'] } },
    },
    'swamped',
  );

function outcomeOf(run: () => SimOutcome): SimOutcome | ModelError {
  try {
    return run();
  } catch (e) {
    if (e instanceof ModelError) return e;
    throw e;
  }
}

describe('a request-level run that piles up requests', () => {
  it('refuses 5,000 requests/s into a 4-server station for 1,000 s at once, naming the limit (it used to crash the worker)', () => {
    const out = outcomeOf(() => simulate(swamped(5000, 1000), { seed: 1, level: 'request' }));
    expect(out).toBeInstanceOf(ModelError);
    expect((out as ModelError).message).toMatch(/at most 262,144 requests and messages in the system at once .*about 4,9\d\d,\d\d\d waiting.*horizon level/);
    // Without a level asked for, the horizon answers it, and says why.
    const chosen = simulate(swamped(5000, 1000), { seed: 1 });
    expect(chosen).toMatchObject({ status: 'complete', level: 'horizon' });
    if (chosen.status === 'complete') expect(chosen.warnings.join('\n')).toMatch(/run at the horizon level: about 4,9\d\d,\d\d\d requests pile up at once, more than the 262,144/);
  });

  it('stops with the same message when the pile-up only shows while running (a fan-out the look-ahead does not reach)', () => {
    // 100,000 requests, each fanned out to 3 messages for a pool that can take 10 a second.
    const model = validateModel(
      {
        traffic: { ratePerSec: 10_000, durationSec: 10 },
        components: {
          topic: { kind: 'pubsub', fanout: 3 },
          mailer: { kind: 'workerPool', instances: 1, concurrency: 1, serviceTime: 100 },
        },
        workloads: { send: { path: ['topic', 'mailer'] } },
      },
      'fanout',
    );
    const out = outcomeOf(() => simulate(model, { seed: 1, level: 'request' }));
    expect(out).toBeInstanceOf(ModelError);
    expect((out as ModelError).message).toMatch(/at most 262,144 requests and messages in the system at once for a request-level run \(more than that had piled up by \d+ s/);
  });

  it('completes a smaller pile-up: 100,000 requests, nearly all still waiting at the end', () => {
    const out = simulate(swamped(5000, 20), { seed: 1, level: 'request' });
    expect(out.status).toBe('complete');
    if (out.status !== 'complete') return;
    expect(out.components[0]!.peakQueueDepth).toBeGreaterThan(90_000);
  });

  it('stops at its event budget with a warning that says what the figures cover', () => {
    const out = simulate(swamped(30, 600), { seed: 1, level: 'request', maxEvents: 20_000 });
    expect(out.status).toBe('complete');
    if (out.status !== 'complete') return;
    expect(out.warnings.join('\n')).toMatch(/stopped at \d+ s of 600 s: a request-level run may process at most 20,000 events \(the figures cover only the time simulated/);
  });
});
