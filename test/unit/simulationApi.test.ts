import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { tempBackend } from './helpers/tempBackend';
import type { ExperimentResult, ExperimentSpec, SimResult } from '../../src-main/api/contract';

let backend: ReturnType<typeof tempBackend>;
beforeAll(() => {
  backend = tempBackend();
});
afterAll(() => backend.dispose());

const mmc = parseYaml(readFileSync(resolve(import.meta.dirname, '../fixtures/models/mmc.yaml'), 'utf8')) as Record<string, unknown>;

async function value<T>(method: string, input: unknown): Promise<T> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

describe('simulations through the API', () => {
  it('runs a model on a worker thread and answers the same figures for the same seed', async () => {
    const a = await value<SimResult>('simulate', { model: mmc, seed: 11, level: 'request' });
    const b = await value<SimResult>('simulate', { model: mmc, seed: 11, level: 'request' });
    expect(a.status).toBe('complete');
    expect(a.totals.p95Ms).toBeGreaterThan(0);
    expect(b.totals).toEqual(a.totals);
  });

  it('answers a broken model with invalid_input naming the field and what was expected', async () => {
    const broken = { ...mmc, components: { station: { kind: 'server', instances: 'two' } } };
    const result = await backend.dispatch('simulate', { model: broken, seed: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toMatch(/instances/);
    expect(result.error.message).toMatch(/expected/);
  });

  it('lists every problem in a model as its own issue, not only the first', async () => {
    const broken = { ...mmc, components: { station: { kind: 'server', instances: 'two', colour: 'red' } } };
    const result = await backend.dispatch('simulate', { model: broken, seed: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (result.ok) return;
    const messages = (result.error.issues ?? []).map((i) => i.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('components.station.instances'), expect.stringContaining('components.station.colour')]));
  });

  it('refuses a model nested 5,000 deep or with 30,000 workloads by its size, and widgets still answer', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = { inner: deep };
    const nested = await backend.dispatch('simulate', { model: { ...mmc, description: deep }, seed: 1 });
    expect(nested).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('nested at most 20 levels deep') } });
    const workloads = Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`w${i}`, { path: ['station'] }]));
    const wide = await backend.dispatch('simulate', { model: { ...mmc, workloads }, seed: 1 });
    expect(wide).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('at most 10,000 values') } });
    await expect(value<ExperimentResult>('runExperiment', { widget: 'cache-aside', controls: {}, seed: 1 })).resolves.toMatchObject({ widget: 'cache-aside' });
  });

  it('lists every widget kind with controls that carry units and ranges', async () => {
    const { experiments } = await value<{ experiments: ExperimentSpec[] }>('listExperiments', {});
    expect(experiments.map((e) => e.widget)).toEqual(
      expect.arrayContaining(['cache-aside', 'eviction-race', 'stampede', 'write-strategies', 'cache-warming', 'consistent-hashing', 'hot-key']),
    );
    for (const spec of experiments) {
      for (const control of spec.controls) {
        if (control.kind === 'number') expect(control.min, `${spec.widget}.${control.id}`).toBeLessThanOrEqual(control.default);
        if (control.kind === 'number') expect(control.max, `${spec.widget}.${control.id}`).toBeGreaterThanOrEqual(control.default);
      }
    }
  });

  it('runs a widget experiment and lets a bigger cache raise the hit ratio', async () => {
    const small = await value<ExperimentResult>('runExperiment', { widget: 'cache-aside', controls: { cacheSize: 200 }, seed: 3 });
    const large = await value<ExperimentResult>('runExperiment', { widget: 'cache-aside', controls: { cacheSize: 4000 }, seed: 3 });
    expect(large.metrics.cacheHitRatio).toBeGreaterThan(small.metrics.cacheHitRatio! + 0.1);
    expect(large.controls.cacheSize).toBe(4000);
  });

  it('refuses an out-of-range control or an unknown widget with a message naming it', async () => {
    const bad = await backend.dispatch('runExperiment', { widget: 'cache-aside', controls: { cacheSize: -5 }, seed: 1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('cacheSize') } });
    const unknown = await backend.dispatch('runExperiment', { widget: 'time-machine', controls: {}, seed: 1 });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('time-machine') } });
  });

  it('cancels the older of two runs from the same widget', async () => {
    const older = backend.dispatch('runExperiment', { widget: 'eviction-race', controls: {}, seed: 1, requestKey: 'lesson:w1' });
    const newer = backend.dispatch('runExperiment', { widget: 'eviction-race', controls: {}, seed: 2, requestKey: 'lesson:w1' });
    const [a, b] = await Promise.all([older, newer]);
    expect(b.ok).toBe(true);
    // The older one was either still queued or running: it answers cancelled, never a stale result.
    expect(a).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });
});
