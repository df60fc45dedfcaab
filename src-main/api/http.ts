import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { ApiResult, InvokeFn } from './result';
import { httpStatusFor } from './errors';
import { contentSecurityPolicy } from '../security';

const maxBodyBytes = 2 * 1024 * 1024;

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

const baseHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(res: ServerResponse, status: number, body: ApiResult<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...baseHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function fail(res: ServerResponse, status: number, code: 'invalid_input' | 'unknown_method' | 'internal', message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

/** A percent-decoded path, or null when it is not valid percent-encoding ("/%", "/%E0%A4%A"): never a throw. */
function decodePath(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    // An oversized body is drained and dropped, so the client still reads our 413.
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    req.on('end', () => (size > maxBodyBytes ? reject(new Error('too large')) : resolveBody(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/**
 * Only pages we served may call the API: the Host must be our loopback address
 * (stops DNS rebinding) and any Origin must be ours (stops other sites' pages).
 */
function isOwnRequest(req: IncomingMessage, port: number): boolean {
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  if (!req.headers.host || !allowedHosts.has(req.headers.host)) return false;
  const origin = req.headers.origin;
  return origin === undefined || allowedHosts.has(origin.replace(/^http:\/\//, ''));
}

async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, invoke: InvokeFn): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return fail(res, 405, 'invalid_input', 'API methods are called with POST.');
  }
  // The media type exactly (parameters such as charset allowed): "application/json-patch" or "application/jsonp" is not JSON input.
  if ((req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() !== 'application/json') {
    return fail(res, 415, 'invalid_input', 'Send the input as application/json.');
  }
  let body: string;
  try {
    body = await readBody(req);
  } catch {
    return fail(res, 413, 'invalid_input', `The input is larger than ${maxBodyBytes / 1024 / 1024} MB.`);
  }
  let input: unknown;
  try {
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    return fail(res, 400, 'invalid_input', 'The request body is not valid JSON.');
  }
  const name = decodePath(method);
  if (name === null) return fail(res, 404, 'unknown_method', 'The method name in the address is not valid percent-encoding.');
  const result = await invoke(name, input);
  sendJson(res, result.ok ? 200 : httpStatusFor[result.error.code], result);
}

function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, pathname: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...baseHeaders, Allow: 'GET, HEAD' });
    res.end();
    return;
  }
  const decoded = pathname === '/' ? 'index.html' : decodePath(pathname);
  if (decoded === null) {
    res.writeHead(400, { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Bad request: the address is not valid percent-encoding.');
    return;
  }
  const relative = decoded.replace(/^\/+/, '');
  const file = normalize(join(root, relative));
  if (!file.startsWith(root + sep) && file !== root) {
    res.writeHead(403, baseHeaders);
    res.end('Forbidden');
    return;
  }
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    res.writeHead(404, { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
    return;
  }
  res.writeHead(200, {
    ...baseHeaders,
    'Content-Type': mimeTypes[extname(file)] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // A file that vanishes or cannot be read mid-stream ends this response, not the server.
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

export interface HttpServerOptions {
  invoke: InvokeFn;
  /** The built renderer (out/renderer). */
  staticDir: string;
}

/** Browser mode: the built renderer plus `POST /api/<method>` into the same dispatch as IPC. */
export function createHttpServer({ invoke, staticDir }: HttpServerOptions): Server {
  const root = normalize(staticDir);
  const server = createServer((req, res) => {
    // Nothing one request does may escape and stop the server for every other.
    try {
      route(req, res);
    } catch (err) {
      if (!res.headersSent) fail(res, 500, 'internal', (err as Error).message);
      else res.destroy();
    }
  });
  const route = (req: IncomingMessage, res: ServerResponse): void => {
    const port = (server.address() as { port: number } | null)?.port ?? 0;
    if (!isOwnRequest(req, port)) {
      res.writeHead(403, { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Forbidden: Backpressure only answers pages it served itself.');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const api = /^\/api\/([^/]+)$/.exec(url.pathname);
    if (api?.[1]) {
      handleApi(req, res, api[1], invoke).catch((err: unknown) => fail(res, 500, 'internal', (err as Error).message));
      return;
    }
    serveStatic(req, res, root, url.pathname);
  };
  return server;
}

/** Listens on 127.0.0.1 only; port 0 picks a free one. Resolves to the port actually bound. */
export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolvePort((server.address() as { port: number }).port);
    });
  });
}
