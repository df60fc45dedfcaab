import type { ExperimentResult, ExperimentSpec, ParsedInputOf, SimResult } from '../contract';
import type { SimulationPool } from '../../simPool/pool';
import { listExperimentSpecs } from '../../experiments/index';
import { runOnPool, runOptions } from './poolRuns';

export function simulationHandlers(pool: () => SimulationPool) {
  return {
    simulate({ model, seed, level, requestKey }: ParsedInputOf<'simulate'>): Promise<SimResult> {
      return runOnPool(pool(), 'simulate', { model, level: level ?? 'request' }, runOptions(seed, requestKey), 'model');
    },
    simulationProgress({ requestKey }: ParsedInputOf<'simulationProgress'>): { fraction: number | null } {
      return { fraction: pool().progress(requestKey) };
    },
    listExperiments(): { experiments: ExperimentSpec[] } {
      return { experiments: listExperimentSpecs() };
    },
    runExperiment({ widget, controls, seed, requestKey }: ParsedInputOf<'runExperiment'>): Promise<ExperimentResult> {
      return runOnPool(pool(), 'experiment', { widget, controls }, runOptions(seed, requestKey), 'controls');
    },
  };
}
