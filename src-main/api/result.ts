// What every API call answers: a value, or a typed error. Neither transport ever throws to the renderer.

export type ApiErrorCode =
  | 'unknown_method'
  | 'invalid_input'
  | 'not_found'
  | 'bad_content'
  /** Superseded by a newer run of the same widget or screen: nothing to show. */
  | 'cancelled'
  /** A simulation ran past the pool's time limit and was stopped. */
  | 'timed_out'
  /** Browser mode: the call did not carry this launch's token. */
  | 'unauthorized'
  /** Browser mode: the call came from a page or host name that is not ours. */
  | 'forbidden'
  | 'internal';

export interface ApiIssue {
  path: string;
  message: string;
}

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  issues?: ApiIssue[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What both transports expose: a method name and an input in, a result out, never a throw. */
export type InvokeFn = (method: string, input: unknown) => Promise<ApiResult<unknown>>;
