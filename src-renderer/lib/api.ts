// The renderer's side of the one contract. It picks its transport itself:
// Electron's preload bridge when present, else HTTP to the browser-mode server.
import type { ApiError, ApiResult, InputOf, MethodName, OutputOf } from '../../src-main/api/contract';

export type { ApiError } from '../../src-main/api/contract';

interface Bridge {
  invoke(method: string, input: unknown): Promise<unknown>;
}

declare global {
  interface Window {
    backpressure?: Bridge;
  }
}

/** A failed call, carrying the typed error the main process answered with. */
export class ApiCallError extends Error {
  constructor(
    readonly method: string,
    readonly error: ApiError,
  ) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

/**
 * Browser mode's per-launch token, read once from the address the server printed (`/?token=...`).
 * The hash router changes only the fragment, so the query, and the token, stay for the whole visit.
 * The server checks it under this header name (launchTokenHeader in src-main/api/http.ts).
 */
const launchToken = typeof location === 'undefined' ? '' : (new URLSearchParams(location.search).get('token') ?? '');

async function overHttp(method: string, input: unknown): Promise<ApiResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Backpressure-Token': launchToken },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'internal', message: 'Backpressure’s local server is not answering. Is `npm run web` still running?' } };
  }
  try {
    return (await response.json()) as ApiResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `The local server answered ${response.status} without a readable body.` } };
  }
}

export const transport: 'ipc' | 'http' = typeof window !== 'undefined' && window.backpressure ? 'ipc' : 'http';

export async function invokeRaw(method: string, input: unknown): Promise<ApiResult<unknown>> {
  if (window.backpressure) return (await window.backpressure.invoke(method, input)) as ApiResult<unknown>;
  return overHttp(method, input);
}

/** Calls an API method; resolves to its output or rejects with an ApiCallError. */
export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = await invokeRaw(method, input);
  if (!result.ok) throw new ApiCallError(method, result.error);
  return result.value as OutputOf<M>;
}
