import { describe, expect, it } from 'vitest';
import { parseWebArgs } from '../../src-main/webArgs';

describe('browser mode’s launch settings', () => {
  it('makes a new, unguessable launch token each start', () => {
    const first = parseWebArgs([], {}).token;
    const second = parseWebArgs([], {}).token;
    expect(first).not.toBe(second);
    expect(first).toMatch(/^[A-Za-z0-9_-]{32,}$/);
  });

  it('takes a launch token from BACKPRESSURE_TOKEN, never from the command line', () => {
    const token = 'shared-by-the-e2e-run-0123456789';
    expect(parseWebArgs(['--port', '0'], { BACKPRESSURE_TOKEN: token }).token).toBe(token);
    expect(() => parseWebArgs(['--token', token], {})).toThrow(/unknown option/);
  });

  it('refuses a weak or unsafe BACKPRESSURE_TOKEN instead of serving with it', () => {
    for (const token of ['short', 'has spaces in it and is long enough', 'a'.repeat(23), 'quote"and&amp;that-are-long-enough']) {
      expect(() => parseWebArgs([], { BACKPRESSURE_TOKEN: token }), token).toThrow(/BACKPRESSURE_TOKEN/);
    }
  });

  it('reads the port and database as before', () => {
    expect(parseWebArgs(['--port=8123', '--db', '/tmp/x.db'], {})).toMatchObject({ port: 8123, db: '/tmp/x.db' });
    expect(() => parseWebArgs(['--port', '70000'], {})).toThrow(/--port/);
  });
});
