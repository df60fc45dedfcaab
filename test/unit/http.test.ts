import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import type { Server } from 'node:http';
import { createHttpServer, listen } from '../../src-main/api/http';
import { tempBackend } from './helpers/tempBackend';

let server: Server;
let port: number;
let backend: ReturnType<typeof tempBackend>;

beforeAll(async () => {
  backend = tempBackend();
  const staticDir = join(backend.dir, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Backpressure</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(backend.dir, 'secret.txt'), 'do not serve');
  server = createHttpServer({ invoke: backend.dispatch, staticDir });
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

function send(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers } }, (res) => {
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
});
