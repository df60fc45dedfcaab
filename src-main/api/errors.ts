import type { ApiError, ApiErrorCode, ApiIssue } from './result';

/** Thrown by a handler to answer with a typed error instead of a crash. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: ApiIssue[],
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  toApiError(): ApiError {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export const httpStatusFor: Record<ApiErrorCode, number> = {
  unknown_method: 404,
  invalid_input: 400,
  not_found: 404,
  bad_content: 422,
  cancelled: 409,
  timed_out: 504,
  unauthorized: 401,
  forbidden: 403,
  internal: 500,
};
