// The live check: every new design is sent to checkDesign, the first at once and
// later ones after a pause in editing, and an answer to a design that has since
// changed is dropped so the problems list never shows a stale check.
import { untrack } from 'svelte';
import type { Design, DesignCheck } from '../../../src-main/api/contract';
import type { ApiError } from '../../lib/api';
import { toApiError } from '../../lib/resource.svelte';
import { Debouncer, Generations } from './debounce';

export const CHECK_DELAY_MS = 250;

export interface LiveCheckOptions {
  check: (design: Design) => Promise<DesignCheck>;
  /** Receives each current answer (the designer keeps it in its shared view). */
  onresult: (result: DesignCheck) => void;
  delayMs?: number;
}

export class LiveCheck {
  /** A check is waiting or in flight for the newest design. */
  checking = $state(false);
  /** Why the newest check failed; cleared by the next answer. */
  error = $state.raw<ApiError | null>(null);

  #options: LiveCheckOptions;
  #wait = new Debouncer();
  #generations = new Generations();
  #stopWatching: (() => void) | null = null;

  constructor(options: LiveCheckOptions) {
    this.#options = options;
  }

  /** Watches the design; `hasResult` says whether a check has answered yet (the first goes at once). */
  start(design: () => Design | null, hasResult: () => boolean): void {
    this.stop();
    this.#stopWatching = $effect.root(() => {
      $effect(() => {
        const current = design();
        if (!current) return;
        untrack(() => this.schedule(current, hasResult() ? (this.#options.delayMs ?? CHECK_DELAY_MS) : 0));
      });
    });
  }

  stop(): void {
    this.#stopWatching?.();
    this.#stopWatching = null;
    this.#wait.cancel();
  }

  schedule(design: Design, delayMs: number): void {
    this.checking = true;
    // The ticket is taken now, not when the timer fires, so a newer design
    // supersedes a check already in flight.
    const ticket = this.#generations.next();
    this.#wait.schedule(() => void this.#run(design, ticket), delayMs);
  }

  async #run(design: Design, ticket: number): Promise<void> {
    try {
      const result = await this.#options.check(design);
      if (!this.#generations.isCurrent(ticket)) return;
      this.#options.onresult(result);
      this.error = null;
    } catch (cause) {
      if (!this.#generations.isCurrent(ticket)) return;
      this.error = toApiError(cause);
    } finally {
      if (this.#generations.isCurrent(ticket)) this.checking = false;
    }
  }
}
