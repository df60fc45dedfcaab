// Timing for the live check and autosave, kept free of runes so it can be tested
// with fake timers: a debouncer (only the last request in a burst runs) and a
// generation counter (an answer to an older request is ignored once a newer one starts).

/** Runs the last scheduled task after a quiet delay; scheduling again replaces it. */
export class Debouncer {
  #timer: ReturnType<typeof setTimeout> | null = null;

  /** Whether a task is waiting for its delay. */
  get pending(): boolean {
    return this.#timer !== null;
  }

  schedule(task: () => void, delayMs: number): void {
    this.cancel();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      task();
    }, delayMs);
  }

  cancel(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}

/** Hands out tickets; only the newest ticket is current. */
export class Generations {
  #latest = 0;

  next(): number {
    return ++this.#latest;
  }

  isCurrent(ticket: number): boolean {
    return ticket === this.#latest;
  }
}
