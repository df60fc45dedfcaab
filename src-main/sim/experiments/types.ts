import type { ControlValues, ExperimentResult, ExperimentSpec } from '../../api/contract';

export interface RunHooks {
  /** Polled about once per simulated second; a stopped run returns what it has. */
  shouldStop?: () => boolean;
}

/** One lesson widget kind: its controls and figures, and a seeded run. */
export interface Experiment {
  spec: ExperimentSpec;
  /** Controls arrive validated and complete (index.ts fills defaults). */
  run(controls: ControlValues, seed: number, hooks?: RunHooks): ExperimentResult;
}
