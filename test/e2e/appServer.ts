// Starts browser mode (the real server, handlers and SQLite) on a free port with a
// temporary database. Shared by the Playwright harness and the benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface AppServer {
  /** The server's origin, for API calls (they carry the token in its header). */
  url: string;
  /** This server's launch token, as its printed address carries it. */
  token: string;
  /** The address a learner opens, token included, at a route such as "/lesson/caching". */
  open(route?: string): string;
  dbFile: string;
  process: ChildProcess;
}

export const repoRoot = resolve(import.meta.dirname, '../..');

/**
 * One launch token for every server this test process starts, so a browser context can carry it for API calls
 * made outside the page (launchToken.spec.ts checks that the page finds it in the address by itself).
 */
export const e2eToken = randomBytes(24).toString('base64url');
export const tokenHeader = 'X-Backpressure-Token';

export async function startAppServer(options: { lessons?: string; scenarios?: string; dbFile?: string } = {}): Promise<AppServer> {
  const dir = mkdtempSync(join(tmpdir(), 'bp-e2e-'));
  const dbFile = options.dbFile ?? join(dir, 'progress.db');
  const child = spawn(process.execPath, [join(repoRoot, 'out/main/web.js'), '--port', '0', '--db', dbFile], {
    cwd: repoRoot,
    env: { ...process.env, BACKPRESSURE_LESSONS: options.lessons ?? join(repoRoot, 'test/fixtures/lessons'), BACKPRESSURE_SCENARIOS: options.scenarios ?? join(repoRoot, 'scenarios'), BACKPRESSURE_TOKEN: e2eToken },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [url, token] = await new Promise<[string, string]>((resolveUrl, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start in 15 s:\n${out}\n${err}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/.exec(out);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        resolveUrl([match[1], match[2]]);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${out}\n${err}`));
    });
  });
  return { url, token, open: (route = '/') => `${url}/?token=${token}#${route}`, dbFile, process: child };
}

export function stopAppServer(server: AppServer): void {
  server.process.kill('SIGTERM');
  try {
    rmSync(join(server.dbFile, '..'), { recursive: true, force: true });
  } catch {
    /* temp folder already gone */
  }
}

