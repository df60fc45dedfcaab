import { afterEach, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { SimulationCancelled, SimulationFailed, SimulationPool } from '../../src-main/simPool/pool';

const workerFile = resolve(import.meta.dirname, 'helpers/busyWorker.mjs');
let pool: SimulationPool | undefined;
afterEach(async () => pool?.close());

const make = (size: number) => (pool = new SimulationPool({ workerFile, size }));

describe('the simulation pool', () => {
  it('runs a job on a worker thread and returns its result', async () => {
    const p = make(1);
    await expect(p.run({ task: { kind: 'simulate', model: { ms: 5 }, level: 'request' }, seed: 7 })).resolves.toEqual({ seed: 7, ms: 5 });
  });

  it('fails a run it cannot hand to a worker, and the worker takes the next run (it used to stay busy forever)', async () => {
    const p = make(1);
    // A model nested about 5,000 deep cannot cross to a worker thread; neither can a function.
    let deep: Record<string, unknown> = { ms: 5 };
    for (let i = 0; i < 5000; i++) deep = { inner: deep };
    for (const model of [deep, { ms: 5, notData: () => 1 }]) {
      await expect(p.run({ task: { kind: 'simulate', model, level: 'request' } as never, seed: 1 })).rejects.toThrow(/could not be handed to a worker/);
    }
    await expect(p.run({ task: { kind: 'simulate', model: { ms: 5 }, level: 'request' }, seed: 3 })).resolves.toEqual({ seed: 3, ms: 5 });
  });

  it('keeps the main thread free while a long run is going', async () => {
    const p = make(1);
    const run = p.run({ task: { kind: 'simulate', model: { ms: 400 }, level: 'horizon' }, seed: 1 });
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
    const older = p.run({ task: { kind: 'simulate', model: { ms: 5_000 }, level: 'request' }, seed: 1, key: 'widget-a' });
    await new Promise((r) => setTimeout(r, 50));
    const newer = p.run({ task: { kind: 'simulate', model: { ms: 10 }, level: 'request' }, seed: 2, key: 'widget-a' });
    await expect(older).rejects.toBeInstanceOf(SimulationCancelled);
    await expect(newer).resolves.toEqual({ seed: 2, ms: 10 });
  });

  it('drops a queued run superseded before it started, without touching other keys', async () => {
    const p = make(1);
    const blocker = p.run({ task: { kind: 'simulate', model: { ms: 150 }, level: 'request' }, seed: 0, key: 'other' });
    const queued = p.run({ task: { kind: 'simulate', model: { ms: 10 }, level: 'request' }, seed: 1, key: 'widget-b' });
    const latest = p.run({ task: { kind: 'simulate', model: { ms: 10 }, level: 'request' }, seed: 2, key: 'widget-b' });
    await expect(queued).rejects.toBeInstanceOf(SimulationCancelled);
    await expect(blocker).resolves.toMatchObject({ seed: 0 });
    await expect(latest).resolves.toMatchObject({ seed: 2 });
  });

  it('reports the progress of the newest run for a key', async () => {
    const p = make(1);
    const run = p.run({ task: { kind: 'simulate', model: { ms: 600 }, level: 'horizon' }, seed: 1, key: 'scenario' });
    await expect.poll(() => p.progress('scenario'), { timeout: 3000 }).toBeGreaterThan(0.2);
    await run;
    expect(p.progress('scenario')).toBeNull();
  });

  it('passes an invalid-model failure through as such', async () => {
    const p = make(1);
    const err = await p.run({ task: { kind: 'simulate', model: { fail: true }, level: 'request' }, seed: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SimulationFailed);
    expect((err as SimulationFailed).invalidModel).toBe(true);
  });

  it('survives a worker that dies, failing only the run it was doing', async () => {
    const p = make(1);
    await expect(p.run({ task: { kind: 'simulate', model: { crash: true }, level: 'request' }, seed: 1 })).rejects.toBeInstanceOf(SimulationFailed);
    await expect(p.run({ task: { kind: 'simulate', model: { ms: 5 }, level: 'request' }, seed: 3 })).resolves.toEqual({ seed: 3, ms: 5 });
  });
});
