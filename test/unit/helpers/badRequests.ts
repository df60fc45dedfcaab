// Seeded bad requests for browser mode's HTTP server, and the rules every answer must keep.
// The fuzz test in the unit suite and `npm run bench -- --fuzz` both use them: the same seed
// makes the same requests, so a failure found once can be replayed.
import { request, Agent } from 'node:http';
import { connect } from 'node:net';
import { RandomStream } from '../../../src-main/sim/engine/rng';
import { contract } from '../../../src-main/api/contract';
import { maxBodyBytes } from '../../../src-main/api/jsonBody';

export interface BadRequest {
  /** Which family of bad input this is, for reports. */
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** A hand-written request Node's own client would refuse to send; sent as is over a socket. */
  raw?: string;
}

export interface Answer {
  status: number;
  contentType: string;
  body: string;
}

export interface Target {
  port: number;
  token: string;
}

const tokenHeader = 'X-Backpressure-Token';
const apiMethods = Object.keys(contract);
const fieldNames = ['id', 'lessonId', 'scenarioId', 'model', 'design', 'seed', 'level', 'text', 'query', 'controls', 'widget', 'event', 'which', 'requestKey', '__proto__', 'constructor'];
const badPaths = ['/%', '/%E0%A4%A', '/assets/%zz.js', '/%C0', '/api/%', '/api/%C0%AF', '/api/%E0%A4%A', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fpackage.json', '//api//appInfo', '/api/', '/api', '/api/appInfo/', '/api/appInfo/x', '/index.html?token=%', '/assets/', '/\u00ff'];
const httpMethods = ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'post', 'BREW', 'M-SEARCH'];
const contentTypes = ['text/plain', 'application/jsonp', 'application/json-patch+json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json;charset=utf-7', ' APPLICATION/JSON ', 'application/json, text/plain', ''];
/** Requests Node's client would not write: broken HTTP, oversized heads, no body length. */
function rawRequests({ port, token }: Target): string[] {
  const host = `Host: 127.0.0.1:${port}\r\n`;
  const api = `POST /api/appInfo HTTP/1.1\r\n${host}Content-Type: application/json\r\n${tokenHeader}: ${token}\r\n`;
  return [
    'HELLO\r\n\r\n',
    `GET / HTTP/9.9\r\n${host}\r\n`,
    'GET /\r\n\r\n',
    `GET / HTTP/1.1\r\n${host}Bad Header\r\n\r\n`,
    `HEAD /\u00ff HTTP/1.1\r\n${host}\r\n`,
    `${api}\r\n`,
    `${api}Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n`,
    `${api}Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
    `${api}Content-Length: 1e3\r\n\r\n{}`,
    `GET /${'a'.repeat(20_000)} HTTP/1.1\r\n${host}\r\n`,
    `GET / HTTP/1.1\r\n${host}X-Big: ${'b'.repeat(20_000)}\r\n\r\n`,
    `GET / HTTP/1.1\r\n${host}Content-Length: -1\r\n\r\n`,
  ];
}

class Draw {
  private readonly rng: RandomStream;
  constructor(seed: number) {
    this.rng = new RandomStream(seed, 'bad-requests');
  }
  int(n: number): number {
    return Math.floor(this.rng.next() * n);
  }
  chance(p: number): boolean {
    return this.rng.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  text(max: number): string {
    let s = '';
    for (let i = this.int(max); i > 0; i--) s += String.fromCharCode(this.chance(0.8) ? 32 + this.int(95) : this.int(0xffff));
    return s;
  }
  /** Any JSON value, sometimes under the field names the API's inputs use. */
  value(depth = 0): unknown {
    const roll = this.int(depth > 3 ? 5 : 8);
    if (roll === 0) return null;
    if (roll === 1) return this.pick([0, -1, 1e308, -0, 2 ** 53, 0.5, 4294967296, -1e-300]);
    if (roll === 2) return this.chance(0.5);
    if (roll <= 4) return this.pick(['', 'queues-101', '../../etc/passwd', 'A'.repeat(300), 'checkout-contention', this.text(40)]);
    if (roll === 5) return Array.from({ length: this.int(5) }, () => this.value(depth + 1));
    const obj: Record<string, unknown> = {};
    for (let i = this.int(5); i > 0; i--) obj[this.chance(0.7) ? this.pick(fieldNames) : this.text(8)] = this.value(depth + 1);
    return obj;
  }
}

/** Nested arrays or objects, `levels` deep, as JSON text. */
function nested(levels: number, asObject: boolean): string {
  return asObject ? '{"a":'.repeat(levels) + '1' + '}'.repeat(levels) : '['.repeat(levels) + ']'.repeat(levels);
}

function body(draw: Draw): { kind: string; body: Buffer } {
  const roll = draw.int(10);
  if (roll === 0) return { kind: 'deep JSON', body: Buffer.from(nested(1 + draw.int(400_000), draw.chance(0.5))) };
  if (roll === 1) return { kind: 'garbage bytes', body: Buffer.from(Array.from({ length: draw.int(2000) }, () => draw.int(256))) };
  if (roll === 2) return { kind: 'broken JSON', body: Buffer.from(JSON.stringify(draw.value()).slice(0, -1) + draw.pick(['', ',', '\u0000', '}}', '"'])) };
  if (roll === 3 && draw.chance(0.1)) return { kind: 'oversized body', body: Buffer.alloc(maxBodyBytes + 1 + draw.int(maxBodyBytes), 0x5b) };
  if (roll === 4) return { kind: 'odd JSON', body: Buffer.from(draw.pick(['null', '1e999', '"x"', '[]', 'true', '{"__proto__":{"polluted":1}}', '\ufeff{}', '{"a":1,"a":2}'])) };
  return { kind: 'garbage input', body: Buffer.from(JSON.stringify(draw.value())) };
}

/** `count` bad requests from `seed`: the same seed always gives the same requests. */
export function* badRequests(seed: number, count: number, target: Target): Generator<BadRequest> {
  const draw = new Draw(seed);
  const good = (): Record<string, string> => ({ 'Content-Type': 'application/json', [tokenHeader]: target.token });
  const raws = rawRequests(target);
  for (let i = 0; i < count; i++) {
    const roll = draw.int(100);
    const api = `/api/${draw.pick(apiMethods)}`;
    if (roll < 3) {
      const raw = draw.pick(raws);
      yield { kind: 'unparsable HTTP', method: raw.slice(0, Math.max(0, raw.indexOf(' '))), path: '', headers: {}, raw };
    } else if (roll < 15) {
      const method = draw.pick(httpMethods);
      const withBody = method !== 'GET' && method !== 'HEAD' && draw.chance(0.5);
      yield { kind: 'odd HTTP method', method, path: draw.chance(0.5) ? api : draw.pick(['/', '/index.html', ...badPaths]), headers: good(), ...(withBody ? { body: Buffer.from('{}') } : {}) };
    } else if (roll < 27) {
      const method = draw.pick(['GET', 'HEAD', 'POST']);
      yield { kind: 'bad address', method, path: draw.pick(badPaths) + (draw.chance(0.3) ? `?${draw.text(20).replace(/[^\x21-\x7e]/g, '%')}` : ''), headers: good(), ...(method === 'POST' ? { body: Buffer.from('{}') } : {}) };
    } else if (roll < 37) {
      const headers = { [tokenHeader]: target.token, ...(draw.chance(0.9) ? { 'Content-Type': draw.pick(contentTypes) } : {}) };
      yield { kind: 'wrong content type', method: 'POST', path: api, headers, body: Buffer.from('{}') };
    } else if (roll < 49) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      const wrong = draw.int(5);
      if (wrong === 1) headers[tokenHeader] = '';
      if (wrong === 2) headers[tokenHeader] = target.token.slice(1);
      if (wrong === 3) headers[tokenHeader] = `${target.token}=`;
      if (wrong === 4) headers[tokenHeader] = draw.text(40).replace(/[^\x21-\x7e]/g, 'x') || 'x';
      yield { kind: 'missing or wrong token', method: 'POST', path: api, headers, body: Buffer.from('{}') };
    } else if (roll < 55) {
      const headers = { ...good(), ...(draw.chance(0.5) ? { Origin: draw.pick(['http://evil.example', 'null', `http://localhost:${target.port + 1}`]) } : { Host: draw.pick(['evil.example', `127.0.0.1:${target.port + 1}`, 'localhost']) }) };
      yield { kind: 'foreign page or host', method: draw.pick(['GET', 'POST']), path: draw.chance(0.5) ? api : '/', headers, body: Buffer.from('{}') };
    } else {
      const b = body(draw);
      yield { kind: b.kind, method: 'POST', path: api, headers: good(), body: b.body };
    }
  }
}

const agent = new Agent({ keepAlive: true, maxSockets: 8 });

/** Sends one request; resolves to the answer, or to null when the server hung up or did not answer in time. */
export function send(target: Target, req: BadRequest, timeoutMs = 15_000): Promise<Answer | null> {
  return req.raw === undefined ? overHttp(target, req, timeoutMs) : overSocket(target, req.raw, timeoutMs);
}

function overHttp(target: Target, req: BadRequest, timeoutMs: number): Promise<Answer | null> {
  return new Promise((resolve) => {
    const headers = { ...req.headers, ...(req.body ? { 'Content-Length': String(req.body.length) } : {}) };
    const out = request({ host: '127.0.0.1', port: target.port, method: req.method, path: req.path, headers, agent, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => resolve(null));
    });
    out.on('timeout', () => out.destroy());
    // An oversized body is cut off by the server mid-write: the answer may still have arrived.
    out.on('error', () => resolve(null));
    out.end(req.body);
  });
}

function overSocket(target: Target, text: string, timeoutMs: number): Promise<Answer | null> {
  return new Promise((resolve) => {
    const socket = connect(target.port, '127.0.0.1');
    let answer = '';
    socket.setTimeout(timeoutMs, () => socket.destroy());
    socket.on('data', (c: Buffer) => (answer += c.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => {
      const split = answer.indexOf('\r\n\r\n');
      if (split < 0) return resolve(null);
      const head = answer.slice(0, split);
      const type = /^content-type:\s*(.*)$/im.exec(head)?.[1] ?? '';
      // The first answer only: a request with trailing garbage may be answered, then refused again.
      const length = Number(/^content-length:\s*(\d+)/im.exec(head)?.[1] ?? answer.length);
      resolve({ status: Number(head.split(' ')[1]), contentType: type, body: Buffer.from(answer.slice(split + 4, split + 4 + length), 'latin1').toString('utf8') });
    });
    socket.end(text);
  });
}

/** What is wrong with an answer, or null when it keeps the rules: no 5xx, and every refusal a typed JSON error. */
export function fault(req: BadRequest, answer: Answer | null): string | null {
  if (!answer) return 'no answer';
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.body.slice(0, 200)}`;
  if (answer.status < 400) return null;
  if (!answer.contentType.startsWith('application/json')) return `refused ${answer.status} as "${answer.contentType}", not JSON`;
  if (req.method === 'HEAD') return null;
  try {
    const parsed = JSON.parse(answer.body) as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
    if (parsed.ok === false && typeof parsed.error?.code === 'string' && typeof parsed.error.message === 'string') return null;
  } catch {
    /* reported below */
  }
  return `refused ${answer.status} without a typed error: ${answer.body.slice(0, 200)}`;
}

/** Runs `requests` a few at a time; returns answers' counts by status and the faults found. */
export async function barrage(target: Target, requests: Iterable<BadRequest>, parallel = 8): Promise<{ byStatus: Map<string, number>; faults: string[] }> {
  const byStatus = new Map<string, number>();
  const faults: string[] = [];
  const queue = requests[Symbol.iterator]();
  const worker = async () => {
    for (let next = queue.next(); !next.done; next = queue.next()) {
      const req = next.value;
      const answer = await send(target, req);
      // The server hangs up on a body past the cap; the client may hit the closed socket before it reads the 413.
      const lost = answer === null && (req.body?.length ?? 0) > maxBodyBytes;
      const key = lost ? 'cut off' : String(answer?.status ?? 'no answer');
      byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
      const problem = lost ? null : fault(req, answer);
      if (problem) faults.push(`${req.kind}: ${req.raw !== undefined ? JSON.stringify(req.raw.slice(0, 60)) : `${req.method} ${req.path.slice(0, 80)}`}: ${problem}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return { byStatus, faults };
}

/** A request a working server answers 200: the server is still up after the barrage. */
export const goodRequest = (target: Target): BadRequest => ({
  kind: 'good',
  method: 'POST',
  path: '/api/listLessons',
  headers: { 'Content-Type': 'application/json', [tokenHeader]: target.token },
  body: Buffer.from('{}'),
});
