import type { ExperimentResult, ExperimentSpec, ParsedInputOf, SimResult } from '../contract';
import type { SimulationPool } from '../../simPool/pool';
import { listExperimentSpecs } from '../../experiments/index';
import { ModelError } from '../../sim/errors';
import { checkModelShape } from '../../sim/modelSize';
import { refusedInput, runOnPool, runOptions } from './poolRuns';

export function simulationHandlers(pool: () => SimulationPool) {
  return {
    simulate({ model, seed, level, requestKey }: ParsedInputOf<'simulate'>): Promise<SimResult> {
      // Size and nesting first, here: a model thousands deep must not reach the copy to a worker at all.
      try {
        checkModelShape(model, 'model');
      } catch (err) {
        if (err instanceof ModelError) return Promise.reject(refusedInput(err, 'model'));
        throw err;
      }
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
