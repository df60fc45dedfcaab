/** Running a widget's model on the simulator at the request level, and the times its series are drawn at. */
import { simulate, validateModel, type ModelInput, type SimResult } from '../sim/index';
import { RunStopped } from './errors';
import { round } from './format';
import type { RunHooks } from './types';

/** Checks the widget's model, runs it seeded at the request level, and stops when the learner moved on. */
export function runModel(model: ModelInput, widget: string, seed: number, hooks?: RunHooks): SimResult {
  const checked = validateModel(model, `${widget} widget`);
  const outcome = simulate(checked, { seed, level: 'request', ...(hooks?.shouldStop ? { shouldStop: hooks.shouldStop } : {}) });
  if (outcome.status === 'cancelled') throw new RunStopped(`${widget}: stopped`);
  return outcome;
}

/** When each series interval ends, in seconds. */
export function intervalEnds(result: SimResult): number[] {
  return result.timeSec.map((t) => round(t + result.bucketSec, 3));
}
