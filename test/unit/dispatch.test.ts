import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch, type HandlerTable } from '../../src-main/api/dispatch';
import { ApiFailure } from '../../src-main/api/errors';
import { contract, type InputOf, type MethodName } from '../../src-main/api/contract';
import { createHandlers } from '../../src-main/api/handlers/index';
import { tempBackend } from './helpers/tempBackend';

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

function backend() {
  const b = tempBackend();
  dispose = b.dispose;
  return b;
}

describe('dispatch', () => {
  it('answers an unknown method with a typed unknown_method error instead of throwing', async () => {
    const result = await backend().dispatch('dropAllTables', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('does not treat inherited object keys as methods', async () => {
    const { dispatch } = backend();
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(await dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('rejects invalid input with the field that was wrong', async () => {
    const result = await backend().dispatch('recordProgress', { lessonId: 'queues-101', event: 'opened', position: 7 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues?.map((i) => i.path)).toContain('position');
    expect(result.error.message).toContain('position');
  });

  it('rejects fields the method does not take', async () => {
    const result = await backend().dispatch('listLessons', { sneaky: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('treats a missing input as an empty object for methods without required fields', async () => {
    const result = await backend().dispatch('listLessons', undefined);
    expect(result.ok).toBe(true);
  });

  it('passes a handler failure through as its typed error', async () => {
    const result = await backend().dispatch('getLesson', { id: 'no-such-lesson' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('no-such-lesson') } });
  });

  it('turns an unexpected handler crash into an internal error without throwing', async () => {
    const logged: string[] = [];
    const b = backend();
    const handlers = { ...(Object.fromEntries(Object.keys(contract).map((m) => [m, () => ({})])) as unknown as HandlerTable) };
    handlers.listLessons = () => {
      throw new TypeError('boom');
    };
    const dispatch = createDispatch(handlers, (m) => logged.push(m));
    const result = await dispatch('listLessons', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('boom') } });
    expect(logged.join('\n')).toContain('boom');
    expect(await b.dispatch('appInfo', {})).toMatchObject({ ok: true });
  });

  it('keeps ApiFailure issues in the answer', async () => {
    const handlers = Object.fromEntries(
      Object.keys(contract).map((m) => [m, () => { throw new ApiFailure('bad_content', 'nope', [{ path: 'a.b', message: 'wrong' }]); }]),
    ) as unknown as HandlerTable;
    const result = await createDispatch(handlers)('appInfo', {});
    expect(result).toEqual({ ok: false, error: { code: 'bad_content', message: 'nope', issues: [{ path: 'a.b', message: 'wrong' }] } });
  });

  it('routes every method in the contract to its own handler', async () => {
    const reached: string[] = [];
    const handlers = Object.fromEntries(Object.keys(contract).map((m) => [m, () => (reached.push(m), `answered by ${m}`)])) as unknown as HandlerTable;
    const dispatch = createDispatch(handlers);
    for (const method of Object.keys(validInputs) as MethodName[]) {
      expect(await dispatch(method, validInputs[method]), method).toEqual({ ok: true, value: `answered by ${method}` });
    }
    expect(reached).toEqual(Object.keys(contract));
  });

  it('has a real handler for exactly the methods in the contract', () => {
    const b = backend();
    const handlers = createHandlers(b.context, () => {
      throw new Error('no simulation here');
    });
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
    for (const [method, handler] of Object.entries(handlers)) expect(typeof handler, method).toBe('function');
  });
});

const emptyProgressFile = JSON.stringify({ format: 'backpressure-progress', version: 1, exportedAt: '2026-12-02T10:00:00.000Z', lessons: [], checkAnswers: [], predictions: [], attempts: [], drafts: [], events: [] });

/** One input each method accepts; a method added to the contract without one here is a type error. */
const validInputs: { [M in MethodName]: InputOf<M> } = {
  appInfo: {},
  listLessons: {},
  getLesson: { id: 'queues-101' },
  recordProgress: { lessonId: 'queues-101', event: 'position', position: 0.5, secondsSpent: 3 },
  simulate: { model: {}, seed: 1, level: 'horizon', requestKey: 'w1' },
  simulationProgress: { requestKey: 'w1' },
  listExperiments: {},
  runExperiment: { widget: 'cache-aside', controls: { keys: 100 }, seed: 2 },
  recordPrediction: { lessonId: 'queues-101', widgetId: 'w', widget: 'cache-aside', metric: 'p95Ms', choiceIndex: 0, choiceLabel: 'low', measured: null, correct: null },
  recordCheckAnswer: { lessonId: 'queues-101', checkId: 'c1', optionIndex: 1 },
  getLessonState: { lessonId: 'queues-101' },
  search: { query: 'queue' },
  getProgress: {},
  listScenarios: {},
  getScenario: { id: 'flash-sale' },
  getDraft: { scenarioId: 'flash-sale' },
  saveDraft: { scenarioId: 'flash-sale', design: {} },
  getTemplate: { scenarioId: 'flash-sale', which: 'reference' },
  checkDesign: { scenarioId: 'flash-sale', design: {} },
  importDesign: { scenarioId: 'flash-sale', text: '{}' },
  runScenario: { scenarioId: 'flash-sale', design: {}, seed: 3, drill: 'db-down', requestKey: 'r' },
  listAttempts: { scenarioId: 'flash-sale' },
  getAttempt: { id: 1 },
  exportProgress: {},
  previewImport: { text: emptyProgressFile },
  importProgress: { text: emptyProgressFile },
  countProgress: {},
  resetProgress: { confirm: true },
};
