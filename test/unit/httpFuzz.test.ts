// A bounded fuzz of browser mode's HTTP server: a few thousand seeded bad requests against a real
// server (handlers, SQLite) on 127.0.0.1. `npm run bench -- --fuzz` runs the same generator longer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import { createHttpServer, listen } from '../../src-main/api/http';
import { tempBackend } from './helpers/tempBackend';
import { badRequests, barrage, goodRequest, send, type Target } from './helpers/badRequests';

let server: Server;
let backend: ReturnType<typeof tempBackend>;
let target: Target;

beforeAll(async () => {
  backend = tempBackend();
  const staticDir = join(backend.dir, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Backpressure</title>');
  const token = 'fuzz-token-0123456789abcdefghij';
  server = createHttpServer({ invoke: backend.dispatch, staticDir, token });
  target = { port: await listen(server, 0), token };
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
  backend.dispose();
});

describe('browser mode under a barrage of bad requests', () => {
  it('answers 3,000 of them without a 5xx, each refusal a typed JSON error, and still serves a good call', async () => {
    const { byStatus, faults } = await barrage(target, badRequests(11, 3000, target));
    expect(faults.slice(0, 10)).toEqual([]);
    // The barrage reached every kind of refusal, not just one.
    for (const status of ['400', '401', '403', '404', '405', '411', '413', '415']) expect(byStatus.get(status) ?? 0, status).toBeGreaterThan(0);
    expect(server.listening).toBe(true);
    const after = await send(target, goodRequest(target));
    expect(after?.status).toBe(200);
    expect(JSON.parse(after!.body)).toMatchObject({ ok: true });
  });

  it('makes the same requests from the same seed', () => {
    // A digest per request: comparing megabyte bodies element by element would take minutes.
    const digest = (seed: number) => [...badRequests(seed, 300, target)].map((r) => ({ ...r, body: r.body && createHash('sha1').update(r.body).digest('hex') }));
    const a = digest(5);
    expect(a).toEqual(digest(5));
    expect(a).not.toEqual(digest(6));
    expect(new Set(a.map((r) => r.kind)).size).toBeGreaterThan(8);
  });
});
