// The designer's reactive history: the present design plus undo/redo availability.
import { UndoStack } from './history';

export class History<T> {
  #stack: UndoStack<T>;
  present = $state.raw<T>() as T;
  canUndo = $state(false);
  canRedo = $state(false);
  /** Bumped on every change, so autosave and the live check can watch one number. */
  version = $state(0);

  constructor(initial: T) {
    this.#stack = new UndoStack(initial);
    this.present = initial;
  }

  #sync(): void {
    this.present = this.#stack.present;
    this.canUndo = this.#stack.canUndo;
    this.canRedo = this.#stack.canRedo;
    this.version++;
  }

  push(next: T, coalesceKey: string | null = null): void {
    if (this.#stack.push(next, coalesceKey)) this.#sync();
  }

  undo(): void {
    if (this.#stack.undo() !== null) this.#sync();
  }

  redo(): void {
    if (this.#stack.redo() !== null) this.#sync();
  }

  reset(value: T): void {
    this.#stack.reset(value);
    this.present = value;
    this.canUndo = false;
    this.canRedo = false;
  }
}
