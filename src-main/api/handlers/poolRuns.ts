/** Runs a task on the simulation pool and answers its failures as the API's typed errors, in one place. */
import { ApiFailure } from '../errors';
import type { ModelError } from '../../sim/errors';
import { PoolFailure, type RunOptions, type SimulationPool } from '../../simPool/pool';
import type { TaskInput, TaskKind, TaskResult } from '../../simPool/tasks';

/**
 * Each reason a pool run gave no result, as the error the caller reads. A superseded run is 'cancelled'
 * (the renderer drops those quietly); a timeout is said, since the learner should know the run was cut.
 * `field` names the input that bad input came from (model, controls, design).
 */
export function apiFailureOf(err: unknown, field: string): ApiFailure {
  if (!(err instanceof PoolFailure)) return new ApiFailure('internal', `The simulation failed: ${err instanceof Error ? err.message : String(err)}`);
  switch (err.reason) {
    case 'superseded':
      return new ApiFailure('cancelled', err.message);
    case 'badInput':
      return new ApiFailure('invalid_input', err.message, (err.issues.length > 0 ? err.issues : [err.message]).map((message) => ({ path: field, message })));
    case 'timedOut':
      return new ApiFailure('timed_out', err.message);
    case 'crashed':
    case 'closed':
      return new ApiFailure('internal', `The simulation failed: ${err.message}`);
  }
}

/** A bad input found on the main thread, before the pool, answered as the pool's badInput would be. */
export function refusedInput(err: ModelError, field: string): ApiFailure {
  return apiFailureOf(new PoolFailure('badInput', err.message, err.lines), field);
}

/** A run's seed, and its request key when the caller gave one (runs with one key supersede each other). */
export const runOptions = (seed: number, requestKey: string | undefined): RunOptions => ({ seed, ...(requestKey ? { key: requestKey } : {}) });

export async function runOnPool<K extends TaskKind>(pool: SimulationPool, kind: K, input: TaskInput<K>, options: RunOptions, field: string): Promise<TaskResult<K>> {
  try {
    return await pool.run(kind, input, options);
  } catch (err) {
    throw apiFailureOf(err, field);
  }
}
