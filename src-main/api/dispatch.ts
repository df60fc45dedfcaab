import type { z } from 'zod';
import { contract, isMethodName, type ApiResult, type MethodName, type OutputOf, type ParsedInputOf } from './contract';
import { ApiFailure } from './errors';

export type Handler<M extends MethodName> = (input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>>;
export type HandlerTable = { [M in MethodName]: Handler<M> };

function describeIssues(error: z.ZodError) {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : '(input)',
    message: issue.message,
  }));
}

/**
 * The single entry both transports call. It validates the input against the
 * method's schema, runs the handler, and turns every failure into a typed error:
 * the caller gets a result, never an exception.
 */
export function createDispatch(handlers: HandlerTable, log: (message: string) => void = console.error) {
  return async function dispatch(method: string, input: unknown): Promise<ApiResult<unknown>> {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Unknown API method "${String(method).slice(0, 80)}".` } };
    }
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = describeIssues(parsed.error);
      const first = issues[0];
      return {
        ok: false,
        error: {
          code: 'invalid_input',
          message: `Invalid input for ${method}: ${first ? `${first.path}: ${first.message}` : 'rejected'}`,
          issues,
        },
      };
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (err) {
      if (err instanceof ApiFailure) return { ok: false, error: err.toApiError() };
      log(`[api] ${method} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return { ok: false, error: { code: 'internal', message: `${method} failed: ${err instanceof Error ? err.message : String(err)}` } };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatch>;
