// Autosave: the draft is saved a moment after each edit (one save per burst of
// edits), at once when asked (before a run), and best effort when the page goes
// away with a save still waiting.
import { untrack } from 'svelte';
import type { Design } from '../../../src-main/api/contract';
import { toApiError } from '../../lib/resource.svelte';
import { Debouncer, Generations } from './debounce';
import type { History } from './history.svelte';
import type { SaveState } from './status';

export const SAVE_DELAY_MS = 450;

export interface AutosaveOptions {
  save: (design: Design) => Promise<{ savedAt: string }>;
  delayMs?: number;
}

export class Autosave {
  state = $state<SaveState>('idle');
  /** Why the last save failed, for the status's tooltip. */
  error = $state<string | null>(null);
  /** When the draft was last stored (null: never, the starting design). */
  savedAt = $state<string | null>(null);

  #options: AutosaveOptions;
  #history: () => History<Design> | null = () => null;
  #wait = new Debouncer();
  #generations = new Generations();
  #lastSavedVersion = 0;
  #stopWatching: (() => void) | null = null;
  #flush = () => {
    if (this.#wait.pending) void this.save();
  };

  constructor(options: AutosaveOptions) {
    this.#options = options;
  }

  /** Watches the history's version and saves after each change settles. */
  start(history: () => History<Design> | null): void {
    this.stop();
    this.#history = history;
    this.#stopWatching = $effect.root(() => {
      $effect(() => {
        const version = history()?.version ?? 0;
        if (version === 0 || version === this.#lastSavedVersion) return;
        untrack(() => {
          this.state = 'pending';
          this.#wait.schedule(() => void this.save(), this.#options.delayMs ?? SAVE_DELAY_MS);
        });
      });
    });
    // Closing the window inside the delay still saves (best effort).
    window.addEventListener('pagehide', this.#flush);
  }

  /** Stops watching; a save still waiting is sent without waiting for its answer. */
  stop(): void {
    if (!this.#stopWatching) return;
    window.removeEventListener('pagehide', this.#flush);
    this.#stopWatching();
    this.#stopWatching = null;
    const history = this.#history();
    if (this.#wait.pending && history) {
      this.#wait.cancel();
      void this.#options.save(history.present).catch(() => undefined);
    }
  }

  /** Saves now unless the present version is saved already (arrow: handed to the run bar). */
  save = async (): Promise<void> => {
    const history = this.#history();
    if (!history) return;
    this.#wait.cancel();
    const version = history.version;
    if (version === this.#lastSavedVersion) return;
    const ticket = this.#generations.next();
    this.state = 'saving';
    try {
      const result = await this.#options.save(history.present);
      this.#lastSavedVersion = Math.max(this.#lastSavedVersion, version);
      // A later save owns the status; this one only counts as saved.
      if (!this.#generations.isCurrent(ticket)) return;
      this.savedAt = result.savedAt;
      this.error = null;
      this.state = history.version === version ? 'idle' : 'pending';
    } catch (cause) {
      if (!this.#generations.isCurrent(ticket)) return;
      this.state = 'error';
      this.error = toApiError(cause).message;
    }
  };
}
