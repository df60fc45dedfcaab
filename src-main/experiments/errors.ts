/** How an experiment refuses its input, or says it was stopped. */

export class ExperimentError extends Error {
  override readonly name = 'ExperimentError';
}

/** A run whose caller stopped it (a newer run superseded it): there is no result to show. */
export class RunStopped extends Error {
  override readonly name = 'RunStopped';
}
