// Runs one widget's experiment as controls move; the newest answer wins.
// The main process supersedes older runs with the same requestKey (they answer
// 'cancelled'); any older reply that still arrives late is dropped here.
import { tick } from 'svelte';
import { ApiCallError, call, type ApiError } from '../../lib/api';
import { toApiError } from '../../lib/resource.svelte';
import type { ControlValues, ExperimentResult } from '../../../src-main/api/contract';

export type RunState = 'idle' | 'running' | 'ready' | 'error';

// No wait: browsers deliver drag input about once per frame already, the pool cancels
// superseded runs, and late replies are dropped below; any delay would only add latency.
const DEBOUNCE_MS = 0;

export class ExperimentRunner {
  state = $state<RunState>('idle');
  result = $state.raw<ExperimentResult | null>(null);
  error = $state.raw<ApiError | null>(null);

  #latest = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** A control change is waiting for its result to be drawn (for the benchmark's measure). */
  #changePending = false;

  constructor(
    private readonly widget: string,
    private readonly requestKey: string,
    private readonly onresult?: (result: ExperimentResult) => void,
  ) {}

  /** Marks a control change; the measure ends when the chart shows the answer to it. */
  controlChanged(controls: ControlValues, seed: number): void {
    performance.mark('widget:control-change');
    this.#changePending = true;
    this.schedule(controls, seed, DEBOUNCE_MS);
  }

  schedule(controls: ControlValues, seed: number, delayMs = 0): void {
    clearTimeout(this.#timer);
    this.state = 'running';
    this.#timer = setTimeout(() => void this.#send({ ...controls }, seed), delayMs);
  }

  async #send(controls: ControlValues, seed: number): Promise<void> {
    const request = ++this.#latest;
    try {
      const result = await call('runExperiment', { widget: this.widget, controls, seed, requestKey: this.requestKey });
      if (request !== this.#latest) return;
      this.result = result;
      this.error = null;
      this.state = 'ready';
      this.onresult?.(result);
      // Effects (the charts' D3 updates) run in the flush tick() waits for.
      await tick();
      if (this.#changePending && request === this.#latest) {
        this.#changePending = false;
        performance.mark('widget:chart-updated');
        performance.measure('widget-update', 'widget:control-change', 'widget:chart-updated');
      }
    } catch (cause) {
      if (request !== this.#latest) return;
      // A newer run with our key replaced this one: its answer is on the way.
      if (cause instanceof ApiCallError && cause.error.code === 'cancelled') return;
      this.error = toApiError(cause);
      this.state = 'error';
    }
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#latest++;
  }
}
