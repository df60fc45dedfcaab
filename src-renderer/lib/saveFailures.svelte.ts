// Progress that could not be saved is said, never swallowed: the app shows a notice that stays until the
// learner dismisses it or a later save of the same kind succeeds.

export interface SaveFailure {
  /** What was not saved, in a learner's words ("your reading progress"). */
  what: string;
  /** The reason the main process gave. */
  reason: string;
  at: number;
}

class SaveFailures {
  current = $state<SaveFailure[]>([]);

  report(what: string, error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.current = [...this.current.filter((f) => f.what !== what), { what, reason, at: Date.now() }];
  }

  /** A later save of the same kind went through: that notice is no longer true. */
  saved(what: string): void {
    if (this.current.some((f) => f.what === what)) this.current = this.current.filter((f) => f.what !== what);
  }

  dismiss(what: string): void {
    this.current = this.current.filter((f) => f.what !== what);
  }
}

export const saveFailures = new SaveFailures();

/** Runs a save; on failure it reports it (and resolves to null), on success it clears an earlier notice. */
export function saving<T>(what: string, save: Promise<T>): Promise<T | null> {
  return save.then(
    (value) => {
      saveFailures.saved(what);
      return value;
    },
    (error: unknown) => {
      saveFailures.report(what, error);
      return null;
    },
  );
}
