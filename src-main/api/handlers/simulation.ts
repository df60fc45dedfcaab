import type { ParsedInputOf, SimResult } from '../contract';
import { ApiFailure } from '../errors';
import { SimulationCancelled, SimulationFailed, type SimulationPool } from '../../simPool/pool';

export function simulationHandlers(pool: () => SimulationPool) {
  return {
    async simulate({ model, seed, level, requestKey }: ParsedInputOf<'simulate'>): Promise<SimResult> {
      try {
        return (await pool().run({ model, seed, level: level ?? 'request', ...(requestKey ? { key: requestKey } : {}) })) as SimResult;
      } catch (err) {
        if (err instanceof SimulationCancelled) throw new ApiFailure('cancelled', err.message);
        if (err instanceof SimulationFailed && err.invalidModel) {
          const field = /^[^:]+: ([^:]+):/.exec(err.message)?.[1];
          throw new ApiFailure('invalid_input', err.message, [{ path: field ? `model.${field}` : 'model', message: err.message }]);
        }
        throw new ApiFailure('internal', `The simulation failed: ${(err as Error).message}`);
      }
    },
    simulationProgress({ requestKey }: ParsedInputOf<'simulationProgress'>): { fraction: number | null } {
      return { fraction: pool().progress(requestKey) };
    },
  };
}
