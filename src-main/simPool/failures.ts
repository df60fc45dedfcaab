/** Why a run on the pool gave no result. The API turns each reason into one error code (api/handlers/poolRuns.ts). */
export type PoolFailureReason =
  /** A newer run with the same key took its place. */
  | 'superseded'
  /** It ran past the pool's time limit and was stopped. */
  | 'timedOut'
  /** It threw what no input should cause (a bug), or its worker died under it. */
  | 'crashed'
  /** The model, controls or design could not be run as given (or could not even be handed over). */
  | 'badInput'
  /** The pool was shut down before it finished. */
  | 'closed';

export class PoolFailure extends Error {
  override readonly name = 'PoolFailure';
  constructor(
    readonly reason: PoolFailureReason,
    message: string,
    /** For bad input: each thing wrong, in the words the learner reads. */
    readonly issues: string[] = [],
  ) {
    super(message);
  }
}
