import type { ExperimentResult, ExperimentSpec, ParsedInputOf, SimResult } from '../contract';
import { ApiFailure } from '../errors';
import { SimulationCancelled, SimulationFailed, type RunOptions, type SimulationPool } from '../../simPool/pool';
import { listExperimentSpecs } from '../../experiments/index';

/** Runs a task on the pool, turning its failures into the API's typed errors. */
async function runOnPool(pool: SimulationPool, options: RunOptions, subject: 'model' | 'controls'): Promise<unknown> {
  try {
    return await pool.run(options);
  } catch (err) {
    if (err instanceof SimulationCancelled) throw new ApiFailure('cancelled', err.message);
    if (err instanceof SimulationFailed && err.invalidModel) {
      throw new ApiFailure('invalid_input', err.message, [{ path: subject, message: err.message }]);
    }
    throw new ApiFailure('internal', `The simulation failed: ${(err as Error).message}`);
  }
}

export function simulationHandlers(pool: () => SimulationPool) {
  return {
    async simulate({ model, seed, level, requestKey }: ParsedInputOf<'simulate'>): Promise<SimResult> {
      const task = { kind: 'simulate' as const, model, level: level ?? 'request' };
      return (await runOnPool(pool(), { task, seed, ...(requestKey ? { key: requestKey } : {}) }, 'model')) as SimResult;
    },
    simulationProgress({ requestKey }: ParsedInputOf<'simulationProgress'>): { fraction: number | null } {
      return { fraction: pool().progress(requestKey) };
    },
    listExperiments(): { experiments: ExperimentSpec[] } {
      return { experiments: listExperimentSpecs() };
    },
    async runExperiment({ widget, controls, seed, requestKey }: ParsedInputOf<'runExperiment'>): Promise<ExperimentResult> {
      const task = { kind: 'experiment' as const, widget, controls };
      return (await runOnPool(pool(), { task, seed, ...(requestKey ? { key: requestKey } : {}) }, 'controls')) as ExperimentResult;
    },
  };
}
