import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch, type HandlerTable } from '../../src-main/api/dispatch';
import { ApiFailure } from '../../src-main/api/errors';
import { contract } from '../../src-main/api/contract';
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

  it('answers every contract method with a handler', async () => {
    const b = backend();
    for (const method of Object.keys(contract)) {
      const result = await b.dispatch(method, {});
      if (!result.ok) expect(result.error.code, method).not.toBe('unknown_method');
    }
  });
});
