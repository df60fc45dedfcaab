import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type { ApiErrorCode, ApiResult, InvokeFn } from './result';
import { httpStatusFor } from './errors';
import { contentSecurityPolicy } from '../security';
import { bodyLimitFor, maxJsonDepth, readJsonBody } from './jsonBody';

/** The header every browser-mode API call carries this launch's token in (the renderer sends it). */
export const launchTokenHeader = 'X-Backpressure-Token';

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

/** Every refusal and every API answer is one JSON shape: `{ ok: false, error: { code, message } }` for a refusal. */
function sendJson(res: ServerResponse, status: number, body: ApiResult<unknown>, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...baseHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, code: ApiErrorCode, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { ok: false, error: { code, message } }, headers);
}

/** A percent-decoded path, or null when it is not valid percent-encoding ("/%", "/%E0%A4%A"): never a throw. */
function decodePath(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** "Connection: close" makes Node drop the socket once the answer is sent, so the rest of the body is never read. */
const refuseTooLarge = (res: ServerResponse, limit: number) =>
  refuse(res, 413, 'invalid_input', `The input is larger than ${limit / 1024 / 1024} MB.`, { Connection: 'close' });

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

/** Compared in constant time, so the answer's timing says nothing about how much of a guess was right. */
function carriesToken(req: IncomingMessage, token: Buffer): boolean {
  const given = req.headers[launchTokenHeader.toLowerCase()];
  if (typeof given !== 'string') return false;
  const bytes = Buffer.from(given, 'utf8');
  return bytes.length === token.length && timingSafeEqual(bytes, token);
}

async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, invoke: InvokeFn, token: Buffer): Promise<void> {
  if (!carriesToken(req, token)) {
    return refuse(res, 401, 'unauthorized', 'This call lacks the launch token. Open the address that "npm run web" printed; it changes each time the server starts.');
  }
  if (req.method !== 'POST') return refuse(res, 405, 'invalid_input', 'API methods are called with POST.', { Allow: 'POST' });
  // The media type exactly (parameters such as charset allowed): "application/json-patch" or "application/jsonp" is not JSON input.
  if ((req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() !== 'application/json') {
    return refuse(res, 415, 'invalid_input', 'Send the input as application/json.');
  }
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
    return refuse(res, 411, 'invalid_input', 'Send the input with a Content-Length (an empty call sends "{}").');
  }
  const name = decodePath(method);
  // Refused before its body is read: close the connection, so the unread body is never taken for a request.
  if (name === null) return refuse(res, 404, 'unknown_method', 'The method name in the address is not valid percent-encoding.', { Connection: 'close' });
  const limit = bodyLimitFor(name);
  const body = await readJsonBody(req, limit);
  if (!body.ok) {
    if (body.refusal === 'too_large') return refuseTooLarge(res, limit);
    const message = body.refusal === 'too_deep' ? `The input nests deeper than ${maxJsonDepth} levels.` : 'The request body is not valid JSON.';
    return refuse(res, 400, 'invalid_input', message);
  }
  const result = await invoke(name, body.value);
  sendJson(res, result.ok ? 200 : httpStatusFor[result.error.code], result);
}

function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, pathname: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return refuse(res, 405, 'invalid_input', 'Pages are read with GET or HEAD.', { Allow: 'GET, HEAD' });
  }
  const decoded = pathname === '/' ? 'index.html' : decodePath(pathname);
  if (decoded === null) return refuse(res, 400, 'invalid_input', 'Bad request: the address is not valid percent-encoding.');
  const relative = decoded.replace(/^\/+/, '');
  const file = normalize(join(root, relative));
  if (!file.startsWith(root + sep) && file !== root) return refuse(res, 403, 'forbidden', 'That address is outside the app.');
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    return refuse(res, 404, 'not_found', `Nothing is served at ${pathname.slice(0, 200)}.`);
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

/**
 * A request Node cannot parse (a broken request line, headers too large) never reaches the router;
 * it still gets the typed JSON refusal, written straight to the socket as Node requires here.
 */
function answerUnparsable(err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  const [status, reason] = err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
  const body = JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'The request is not well-formed HTTP.' } });
  // An answer to HEAD has no body: a client would read ours as the start of a next, broken answer.
  const head = err.rawPacket?.subarray(0, 5).toString('latin1') === 'HEAD ';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${head ? '' : body}`,
  );
}

export interface HttpServerOptions {
  invoke: InvokeFn;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** This launch's secret: every API call must carry it in the launchTokenHeader. Pages and assets need none. */
  token: string;
}

/** Browser mode: the built renderer plus `POST /api/<method>` into the same dispatch as IPC. */
export function createHttpServer({ invoke, staticDir, token }: HttpServerOptions): Server {
  const root = normalize(staticDir);
  const tokenBytes = Buffer.from(token, 'utf8');
  const server = createServer((req, res) => {
    // Nothing one request does may escape and stop the server for every other.
    try {
      route(req, res);
    } catch (err) {
      failed(res, err);
    }
  });
  server.on('clientError', answerUnparsable);
  // A failed accept (too many open files) is said and survived; unheard, it would end the process.
  server.on('error', (err) => console.error(`[http] ${err.message}`));
  const route = (req: IncomingMessage, res: ServerResponse): void => {
    const port = (server.address() as { port: number } | null)?.port ?? 0;
    if (!isOwnRequest(req, port)) return refuse(res, 403, 'forbidden', 'Backpressure only answers pages it served itself.');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      const api = /^\/api\/([^/]+)$/.exec(url.pathname);
      if (!api?.[1]) return refuse(res, 404, 'unknown_method', 'API calls are POST /api/<method>.');
      handleApi(req, res, api[1], invoke, tokenBytes).catch((err: unknown) => failed(res, err));
      return;
    }
    serveStatic(req, res, root, url.pathname);
  };
  return server;
}

/** The last resort: a bug answers a typed 500, or ends this response if it had begun; the server goes on. */
function failed(res: ServerResponse, err: unknown): void {
  if (res.headersSent) return void res.destroy();
  refuse(res, 500, 'internal', err instanceof Error ? err.message : String(err));
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
