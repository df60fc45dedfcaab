// Undo/redo over immutable snapshots. Edits that share a coalesce key and follow
// each other closely (typing in a field, nudging a stepper) count as one step.
export class UndoStack<T> {
  #past: T[] = [];
  #future: T[] = [];
  #present: T;
  #lastKey: string | null = null;
  #lastAt = 0;

  constructor(
    initial: T,
    readonly limit = 200,
    readonly coalesceMs = 1000,
  ) {
    this.#present = initial;
  }

  get present(): T {
    return this.#present;
  }

  get canUndo(): boolean {
    return this.#past.length > 0;
  }

  get canRedo(): boolean {
    return this.#future.length > 0;
  }

  /** Records a new present. Returns false when it is the same object (nothing to record). */
  push(next: T, coalesceKey: string | null = null, now: number = Date.now()): boolean {
    if (next === this.#present) return false;
    const coalesce = coalesceKey !== null && coalesceKey === this.#lastKey && now - this.#lastAt <= this.coalesceMs && this.#past.length > 0;
    if (!coalesce) {
      this.#past.push(this.#present);
      if (this.#past.length > this.limit) this.#past.shift();
    }
    this.#present = next;
    this.#future = [];
    this.#lastKey = coalesceKey;
    this.#lastAt = now;
    return true;
  }

  undo(): T | null {
    const previous = this.#past.pop();
    if (previous === undefined) return null;
    this.#future.push(this.#present);
    this.#present = previous;
    this.#lastKey = null;
    return previous;
  }

  redo(): T | null {
    const next = this.#future.pop();
    if (next === undefined) return null;
    this.#past.push(this.#present);
    this.#present = next;
    this.#lastKey = null;
    return next;
  }

  /** Starts over from a value with no history (a freshly loaded design). */
  reset(value: T): void {
    this.#past = [];
    this.#future = [];
    this.#present = value;
    this.#lastKey = null;
  }
}
