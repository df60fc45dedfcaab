import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import { createHttpServer, launchTokenHeader, listen } from '../../src-main/api/http';
import { tempBackend } from './helpers/tempBackend';

let server: Server;
let port: number;
let backend: ReturnType<typeof tempBackend>;
const token = 'this-launch-only-0123456789abcdef';

beforeAll(async () => {
  backend = tempBackend();
  const staticDir = join(backend.dir, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Backpressure</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(backend.dir, 'secret.txt'), 'do not serve');
  server = createHttpServer({ invoke: backend.dispatch, staticDir, token });
  port = await listen(server, 0);
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
  backend.dispose();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request carrying this launch's token unless the headers say otherwise (an undefined value drops a header). */
function send(method: string, path: string, body?: string, headers: Record<string, string | undefined> = {}): Promise<Reply> {
  return sendTo(port, method, path, body, headers);
}

function sendTo(port: number, method: string, path: string, body?: string, headers: Record<string, string | undefined> = {}): Promise<Reply> {
  const all: Record<string, string | undefined> = { [launchTokenHeader]: token, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers };
  const sent = Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: sent }, (res) => {
      let data = '';
      res.on('data', (c: Buffer) => (data += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

describe('browser-mode HTTP transport', () => {
  it('binds to the loopback address only', () => {
    expect((server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  it('carries an API call into the same dispatch and answers its value', async () => {
    const reply = await send('POST', '/api/listLessons', '{}');
    expect(reply.status).toBe(200);
    const body = JSON.parse(reply.body);
    expect(body.ok).toBe(true);
    expect(body.value.lessons.map((l: { id: string }) => l.id)).toContain('queues-101');
  });

  it('answers an unknown method with 404 and a JSON error body', async () => {
    const reply = await send('POST', '/api/launchMissiles', '{}');
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('answers invalid input with 400 and a JSON error naming the field', async () => {
    const reply = await send('POST', '/api/getLesson', '{"id": 42}');
    expect(reply.status).toBe(400);
    const body = JSON.parse(reply.body);
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.issues[0].path).toBe('id');
  });

  it('answers a body that is not JSON with 400', async () => {
    const reply = await send('POST', '/api/listLessons', '{not json');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error.code).toBe('invalid_input');
  });

  it('refuses API calls that are not JSON posts (no form posts from other pages)', async () => {
    expect((await send('POST', '/api/listLessons', 'a=1', { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await send('GET', '/api/listLessons')).status).toBe(405);
  });

  it('refuses requests from other origins and other host names', async () => {
    expect((await send('POST', '/api/listLessons', '{}', { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await send('POST', '/api/listLessons', '{}', { Host: 'evil.example' })).status).toBe(403);
    expect((await send('POST', '/api/listLessons', '{}', { Origin: `http://127.0.0.1:${port}` })).status).toBe(200);
  });

  it('refuses a body over the size limit', async () => {
    const reply = await send('POST', '/api/listLessons', JSON.stringify({ pad: 'x'.repeat(3 * 1024 * 1024) }));
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body).error.message).toBe('The input is larger than 2 MB.');
  });

  it('reads a progress file being imported past 2 MB, and judges it by its content', async () => {
    // A 3 MB file reaches the importer, which names what is wrong with it (not a 413 at the door).
    const reply = await send('POST', '/api/previewImport', JSON.stringify({ text: JSON.stringify({ format: 'something else', pad: 'x'.repeat(3 * 1024 * 1024) }) }));
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error.message).toMatch(/format/);
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const reply = await send('GET', '/');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Backpressure</title>');
    const csp = String(reply.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/https?:/);
    expect((await send('GET', '/assets/app.js')).headers['content-type']).toContain('javascript');
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt']) {
      const reply = await send('GET', path);
      expect(reply.body, path).not.toContain('do not serve');
      expect([403, 404], path).toContain(reply.status);
    }
  });

  it('answers a malformed percent-encoded address with an error and keeps serving (it used to stop the server)', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/assets/%zz.js']) {
      const reply = await send('GET', path);
      expect(reply.status, path).toBe(400);
      expect(reply.body, path).toContain('not valid percent-encoding');
    }
    expect((await send('HEAD', '/%C0')).status).toBe(400);
    const api = await send('POST', '/api/%', '{}');
    expect(api.status).toBe(404);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    // Still alive: the page and the API answer as before.
    expect((await send('GET', '/')).status).toBe(200);
    expect((await send('POST', '/api/appInfo', '{}')).status).toBe(200);
  });

  it('takes JSON input only under its exact media type (a charset is fine; look-alikes are refused)', async () => {
    expect((await send('POST', '/api/appInfo', '{}', { 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(200);
    for (const type of ['application/json-patch+json', 'application/jsonp', 'text/plain']) {
      const reply = await send('POST', '/api/appInfo', '{}', { 'Content-Type': type });
      expect(reply.status, type).toBe(415);
      expect(JSON.parse(reply.body), type).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('refuses API calls without this launch’s token with a typed 401, and still serves the page', async () => {
    for (const given of [undefined, '', 'wrong', `${token}x`, token.toUpperCase()]) {
      const reply = await send('POST', '/api/getProgress', '{}', { [launchTokenHeader]: given });
      expect(reply.status, String(given)).toBe(401);
      expect(JSON.parse(reply.body), String(given)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect((await send('GET', '/', undefined, { [launchTokenHeader]: undefined })).status).toBe(200);
    expect((await send('POST', '/api/getProgress', '{}')).status).toBe(200);
  });

  it('does not tell the browser where the progress database is', async () => {
    const info = JSON.parse((await send('POST', '/api/appInfo', '{}')).body);
    expect(info.ok).toBe(true);
    expect(JSON.stringify(info.value)).not.toContain('progress.db');
  });

  it('answers every refusal with a typed JSON error, like the API’s own errors', async () => {
    const refusals: [string, number, Promise<Reply>][] = [
      ['foreign origin', 403, send('POST', '/api/appInfo', '{}', { Origin: 'http://evil.example' })],
      ['foreign host on a page', 403, send('GET', '/', undefined, { Host: 'evil.example' })],
      ['unknown method', 404, send('POST', '/api/launchMissiles', '{}')],
      ['nested API path', 404, send('POST', '/api/appInfo/extra', '{}')],
      ['GET on the API', 405, send('GET', '/api/appInfo')],
      ['DELETE on a page', 405, send('DELETE', '/')],
      ['no body length', 411, raw(`POST /api/appInfo HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n${launchTokenHeader}: ${token}\r\n\r\n`)],
      ['not HTTP at all', 400, raw('HELLO THERE\r\n\r\n')],
      ['form post', 415, send('POST', '/api/appInfo', 'a=1', { 'Content-Type': 'application/x-www-form-urlencoded' })],
      ['not JSON', 400, send('POST', '/api/appInfo', '{nope')],
      ['bad percent-encoding', 400, send('GET', '/%E0%A4%A')],
      ['missing file', 404, send('GET', '/assets/nothing-here.js')],
    ];
    for (const [what, status, pending] of refusals) {
      const reply = await pending;
      expect(reply.status, what).toBe(status);
      expect(reply.headers['content-type'], what).toMatch(/^application\/json/);
      const body = JSON.parse(reply.body);
      expect(body, what).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
      expect(body.error.message.length, what).toBeGreaterThan(10);
    }
  });

  it('refuses input nested deeper than 100 levels before parsing it, counting brackets in strings as text', async () => {
    const deep = await send('POST', '/api/appInfo', '['.repeat(500_000) + ']'.repeat(500_000));
    expect(deep.status).toBe(400);
    expect(JSON.parse(deep.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('deeper than 100 levels') } });
    const quoted = await send('POST', '/api/search', JSON.stringify({ query: '['.repeat(150) }));
    expect(JSON.parse(quoted.body).error?.message ?? '').not.toContain('deeper');
    const nested = (levels: number) => '{"a":'.repeat(levels - 1) + '{}' + '}'.repeat(levels - 1);
    expect(JSON.parse((await send('POST', '/api/appInfo', nested(100))).body).error.message).not.toContain('deeper');
    expect(JSON.parse((await send('POST', '/api/appInfo', nested(101))).body).error.message).toContain('deeper');
  });

  it('survives a server-level error such as a failed accept, and goes on answering', async () => {
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      server.emit('error', Object.assign(new Error('accept EMFILE'), { code: 'EMFILE' }));
    } finally {
      console.error = original;
    }
    expect(logged).toHaveLength(1);
    expect((await send('POST', '/api/appInfo', '{}')).status).toBe(200);
  });

  it('answers a handler that throws or rejects with a typed 500, and the next call still works', async () => {
    let calls = 0;
    const invoke = async () => {
      calls++;
      if (calls === 1) throw new Error('boom');
      return { ok: true as const, value: calls };
    };
    const other = createHttpServer({ invoke, staticDir: join(backend.dir, 'renderer'), token });
    const otherPort = await listen(other, 0);
    try {
      const call = () => sendTo(otherPort, 'POST', '/api/appInfo', '{}');
      const first = await call();
      expect(first.status).toBe(500);
      expect(JSON.parse(first.body)).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(JSON.parse((await call()).body)).toEqual({ ok: true, value: 2 });
    } finally {
      other.closeAllConnections();
      other.close();
    }
  });

  it('stops reading a streamed body at the size limit, answers 413 and closes', async () => {
    const total = 64 * 1024 * 1024;
    const head = `POST /api/appInfo HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n${launchTokenHeader}: ${token}\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const framed = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
    const { answer, written } = await rawExchange(head, framed, total);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // The server hung up long before the client could send it all (it used to read every byte first).
    expect(written).toBeLessThan(total / 2);
    expect((await send('POST', '/api/appInfo', '{}')).status).toBe(200);
  });

  it('refuses a declared length over the limit before reading any of it', async () => {
    const total = 64 * 1024 * 1024;
    const head = `POST /api/appInfo HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n${launchTokenHeader}: ${token}\r\nContent-Length: ${total}\r\n\r\n`;
    const { answer, written } = await rawExchange(head, Buffer.alloc(64 * 1024, 0x20), total);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(written).toBeLessThan(total / 2);
  });
});

/** A hand-written request (one Node's client would not send), read back as a Reply. */
async function raw(text: string): Promise<Reply> {
  const { answer } = await rawExchange(text, Buffer.alloc(0), 0);
  const [head = '', body = ''] = answer.split(/\r\n\r\n(.*)/s, 2);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

/**
 * Writes a request head, then repeats `piece` until `total` bytes of body are sent or the server hangs up.
 * Resolves to what the server answered and how many body bytes got written before the connection ended.
 */
function rawExchange(head: string, piece: Buffer, total: number): Promise<{ answer: string; written: number }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let written = 0;
    let open = true;
    socket.on('data', (c: Buffer) => (answer += c.toString('latin1')));
    socket.on('error', () => (open = false));
    socket.on('close', () => resolve({ answer, written }));
    const pump = () => {
      while (open && written < total) {
        written += piece.length;
        if (!socket.write(piece)) return void socket.once('drain', pump);
      }
      if (open) socket.end();
    };
    socket.on('connect', () => {
      socket.write(head);
      pump();
    });
  });
}
