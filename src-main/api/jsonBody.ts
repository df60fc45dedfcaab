// Browser mode's request body, turned into an API input within fixed bounds: at most 2 MB read (a
// progress file being imported, at most 128 MB), at most 100 levels of nesting parsed. Anything else
// is a refusal the HTTP layer answers.
import type { IncomingMessage } from 'node:http';

export const maxBodyBytes = 2 * 1024 * 1024;
/** A progress file (at most 100 MB, progressFile.ts) travels as one JSON string, its quotes escaped. */
export const maxImportBodyBytes = 128 * 1024 * 1024;
const LARGE_BODY_METHODS: ReadonlySet<string> = new Set(['previewImport', 'importProgress']);

/** How much of a call's body is read: the import methods carry a whole progress file. */
export const bodyLimitFor = (method: string): number => (LARGE_BODY_METHODS.has(method) ? maxImportBodyBytes : maxBodyBytes);
/** Far deeper than any model or design nests; JSON.parse takes seconds on a 2 MB body nested a million deep. */
export const maxJsonDepth = 100;

export type JsonBody = { ok: true; value: unknown } | { ok: false; refusal: 'too_large' | 'too_deep' | 'not_json' };

/** The body as text, or null as soon as it passes the limit: the rest is never read. */
function readText(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolveText, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      resolveText(null);
    };
    req.on('data', onData);
    req.on('end', () => resolveText(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Does the JSON text open more than `limit` arrays or objects inside one another? One pass, nothing parsed. */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** The request's JSON input ({} for an empty body), or why it was refused. */
export async function readJsonBody(req: IncomingMessage, limit = maxBodyBytes): Promise<JsonBody> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) return { ok: false, refusal: 'too_large' };
  const text = await readText(req, limit);
  if (text === null) return { ok: false, refusal: 'too_large' };
  if (text.trim() === '') return { ok: true, value: {} };
  if (nestsDeeperThan(text, maxJsonDepth)) return { ok: false, refusal: 'too_deep' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, refusal: 'not_json' };
  }
}
