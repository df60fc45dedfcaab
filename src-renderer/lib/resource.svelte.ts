// One loader shape for every view: loading, ready or error, with a retry.
import { ApiCallError, type ApiError } from './api';

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: ApiError };

export function toApiError(cause: unknown): ApiError {
  if (cause instanceof ApiCallError) return cause.error;
  const message = cause instanceof Error ? cause.message : String(cause);
  return { code: 'internal', message };
}

export class Resource<T> {
  state = $state.raw<LoadState<T>>({ status: 'loading' });
  #loader: () => Promise<T>;
  #generation = 0;

  constructor(loader: () => Promise<T>) {
    this.#loader = loader;
  }

  /** Loads (or reloads); a slower earlier load never overwrites a newer one. */
  load = async (): Promise<void> => {
    const generation = ++this.#generation;
    this.state = { status: 'loading' };
    try {
      const value = await this.#loader();
      if (generation === this.#generation) this.state = { status: 'ready', value };
    } catch (cause) {
      if (generation === this.#generation) this.state = { status: 'error', error: toApiError(cause) };
    }
  };
}
