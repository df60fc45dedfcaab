import { afterEach, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { apiFailureOf } from '../../src-main/api/handlers/poolRuns';
import { PoolFailure, SimulationPool, type PoolFailureReason, type PoolOptions } from '../../src-main/simPool/pool';

const workerFile = resolve(import.meta.dirname, 'helpers/busyWorker.mjs');
let pool: SimulationPool | undefined;
afterEach(async () => pool?.close());

const make = (size: number, options: Partial<PoolOptions> = {}) => (pool = new SimulationPool({ workerFile, size, ...options }));
/** The busy worker reads its orders from the model field: ms to spin, crash, fail, deaf (ignores the stop flag). */
const busy = (model: Record<string, unknown>, level: 'request' | 'horizon' = 'request') => ({ model, level });
const reasonOf = (run: Promise<unknown>): Promise<PoolFailureReason | 'resolved'> =>
  run.then(
    () => 'resolved' as const,
    (err: unknown) => (err instanceof PoolFailure ? err.reason : Promise.reject(err)),
  );

describe('the simulation pool', () => {
  it('runs a job on a worker thread and returns its result', async () => {
    const p = make(1);
    await expect(p.run('simulate', busy({ ms: 5 }), { seed: 7 })).resolves.toEqual({ seed: 7, ms: 5 });
  });

  it('fails a run it cannot hand to a worker, and the worker takes the next run (it used to stay busy forever)', async () => {
    const p = make(1);
    // A model nested about 5,000 deep cannot cross to a worker thread; neither can a function.
    let deep: Record<string, unknown> = { ms: 5 };
    for (let i = 0; i < 5000; i++) deep = { inner: deep };
    for (const model of [deep, { ms: 5, notData: () => 1 }]) {
      await expect(p.run('simulate', busy(model), { seed: 1 })).rejects.toThrow(/could not be handed to a worker/);
    }
    await expect(p.run('simulate', busy({ ms: 5 }), { seed: 3 })).resolves.toEqual({ seed: 3, ms: 5 });
  });

  it('keeps the main thread free while a long run is going', async () => {
    const p = make(1);
    const run = p.run('simulate', busy({ ms: 400 }, 'horizon'), { seed: 1 });
    // The event loop still turns: timers fire while the worker is busy. A blocked main thread would
    // give at most one tick; the bound is loose so a loaded machine does not make it flaky.
    const ticks = await new Promise<number>((done) => {
      let n = 0;
      const timer = setInterval(() => n++, 10);
      setTimeout(() => (clearInterval(timer), done(n)), 200);
    });
    expect(ticks).toBeGreaterThanOrEqual(4);
    await run;
  });

  it('lets a newer run with the same key supersede the running one', async () => {
    const p = make(1);
    const older = p.run('simulate', busy({ ms: 5_000 }), { seed: 1, key: 'widget-a' });
    await new Promise((r) => setTimeout(r, 50));
    const newer = p.run('simulate', busy({ ms: 10 }), { seed: 2, key: 'widget-a' });
    await expect(older).rejects.toMatchObject({ reason: 'superseded' });
    await expect(newer).resolves.toEqual({ seed: 2, ms: 10 });
  });

  it('drops a queued run superseded before it started, without touching other keys', async () => {
    const p = make(1);
    const blocker = p.run('simulate', busy({ ms: 150 }), { seed: 0, key: 'other' });
    const queued = p.run('simulate', busy({ ms: 10 }), { seed: 1, key: 'widget-b' });
    const latest = p.run('simulate', busy({ ms: 10 }), { seed: 2, key: 'widget-b' });
    await expect(queued).rejects.toMatchObject({ reason: 'superseded' });
    await expect(blocker).resolves.toMatchObject({ seed: 0 });
    await expect(latest).resolves.toMatchObject({ seed: 2 });
  });

  it('answers a widget run while a long simulate holds the shared worker, and keeps further simulates off its worker', async () => {
    const p = make(1);
    const settled: string[] = [];
    const note = (name: string) => [() => settled.push(name), () => settled.push(`${name} failed`)] as const;
    const long = p.run('simulate', busy({ ms: 10_000 }), { seed: 1, key: 'api' }).then(...note('long simulate'));
    await new Promise((r) => setTimeout(r, 50));
    const next = p.run('simulate', busy({ ms: 5 }), { seed: 2 }).then(...note('next simulate'));
    await p.run('experiment', { widget: 'cache-aside', controls: {} }, { seed: 3 }).then(...note('widget'));
    await p.run('experiment', { widget: 'cache-aside', controls: {} }, { seed: 4 }).then(...note('second widget'));
    // Both widgets answered while the long run went on; the second simulate waits its turn behind it.
    expect(settled).toEqual(['widget', 'second widget']);
    const newer = p.run('simulate', busy({ ms: 5 }), { seed: 5, key: 'api' });
    await Promise.all([long, next, newer]);
    expect(settled).toEqual(['widget', 'second widget', 'long simulate failed', 'next simulate']);
  });

  it('reports the progress of the newest run for a key', async () => {
    const p = make(1);
    const run = p.run('simulate', busy({ ms: 600 }, 'horizon'), { seed: 1, key: 'scenario' });
    await expect.poll(() => p.progress('scenario'), { timeout: 3000 }).toBeGreaterThan(0.2);
    await run;
    expect(p.progress('scenario')).toBeNull();
  });

  it('passes an invalid-model failure through as such', async () => {
    const p = make(1);
    const err = await p.run('simulate', busy({ fail: true }), { seed: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PoolFailure);
    expect(err).toMatchObject({ reason: 'badInput', issues: ['model.x: expected y'] });
  });

  it('survives a worker that dies, failing only the run it was doing', async () => {
    const p = make(1);
    await expect(p.run('simulate', busy({ crash: true }), { seed: 1 })).rejects.toMatchObject({ reason: 'crashed' });
    await expect(p.run('simulate', busy({ ms: 5 }), { seed: 3 })).resolves.toEqual({ seed: 3, ms: 5 });
  });

  it('stops a run past its time limit and answers it as timed out, not as superseded', async () => {
    const p = make(1, { timeoutMs: 1000 });
    const slow = p.run('simulate', busy({ ms: 5_000 }), { seed: 1, key: 'slow' });
    const failure = await slow.catch((e: unknown) => e);
    expect(failure).toMatchObject({ reason: 'timedOut', message: expect.stringContaining('1 s limit') });
    expect(p.progress('slow')).toBeNull();
    await expect(p.run('simulate', busy({ ms: 5 }), { seed: 4 })).resolves.toEqual({ seed: 4, ms: 5 });
  });

  it('replaces a worker whose run ignores the stop, and still answers that run as timed out', async () => {
    // The limit is loose: it also covers the replacement worker starting up on a loaded machine.
    const p = make(1, { timeoutMs: 1000, stopGraceMs: 200 });
    await expect(reasonOf(p.run('simulate', busy({ ms: 60_000, deaf: true }), { seed: 1 }))).resolves.toBe('timedOut');
    await expect(p.run('simulate', busy({ ms: 5 }), { seed: 5 })).resolves.toEqual({ seed: 5, ms: 5 });
  });

  it('answers runs still waiting when the pool closes as closed', async () => {
    const p = make(1);
    const running = reasonOf(p.run('simulate', busy({ ms: 5_000 }), { seed: 1 }));
    const waiting = reasonOf(p.run('simulate', busy({ ms: 5 }), { seed: 2 }));
    await new Promise((r) => setTimeout(r, 50));
    await p.close();
    await expect(running).resolves.toBe('closed');
    await expect(waiting).resolves.toBe('closed');
    await expect(reasonOf(p.run('simulate', busy({ ms: 5 }), { seed: 3 }))).resolves.toBe('closed');
  });
});

describe('pool failures as API errors', () => {
  it('gives each reason its own code: superseded runs are quietly cancelled, a timeout is said', () => {
    const codes = Object.fromEntries(
      (['superseded', 'timedOut', 'crashed', 'badInput', 'closed'] as const).map((reason) => [reason, apiFailureOf(new PoolFailure(reason, 'why'), 'model').code]),
    );
    expect(codes).toEqual({ superseded: 'cancelled', timedOut: 'timed_out', crashed: 'internal', badInput: 'invalid_input', closed: 'internal' });
    expect(apiFailureOf(new TypeError('boom'), 'model').toApiError()).toMatchObject({ code: 'internal', message: expect.stringContaining('boom') });
  });

  it('names the input that bad input came from, one issue per thing wrong', () => {
    const failure = apiFailureOf(new PoolFailure('badInput', 'The design cannot run yet: a; b', ['a', 'b']), 'design');
    expect(failure.toApiError().issues).toEqual([
      { path: 'design', message: 'a' },
      { path: 'design', message: 'b' },
    ]);
    expect(apiFailureOf(new PoolFailure('badInput', 'controls.keys: expected a number'), 'controls').toApiError().issues).toEqual([
      { path: 'controls', message: 'controls.keys: expected a number' },
    ]);
  });
});
