/** The registry of lesson widget experiments, and the checked way to run one. */
import type { ControlValues, Experiment, ExperimentResult, ExperimentSpec, RunHooks } from './types';
import { ExperimentError } from './errors';
import { resolveControls } from './validate';
import { experiment as cacheAside } from './cacheAside';
import { experiment as evictionRace } from './evictionRace';
import { experiment as stampede } from './stampede';
import { experiment as writeStrategies } from './writeStrategies';
import { experiment as cacheWarming } from './cacheWarming';
import { experiment as consistentHashing } from './consistentHashing';
import { experiment as hotKey } from './hotKey';
import { experiment as doubleBooking } from './doubleBooking';
import { experiment as lockingVsOptimistic } from './lockingVsOptimistic';
import { experiment as deadlocks } from './deadlocks';
import { experiment as hotRow } from './hotRow';
import { experiment as seatHolds } from './seatHolds';
import { experiment as coordination } from './coordination';
import { experiment as syncVsAsync } from './syncVsAsync';
import { experiment as burstBacklog } from './burstBacklog';
import { experiment as retryStorm } from './retryStorm';
import { experiment as poisonMessages } from './poisonMessages';
import { experiment as priorityJobs } from './priorityJobs';
import { experiment as autoscalingWorkers } from './autoscalingWorkers';

export { ExperimentError, RunStopped } from './errors';
export type * from './types';

export const experiments: Record<string, Experiment> = Object.fromEntries(
  [cacheAside, evictionRace, stampede, writeStrategies, cacheWarming, consistentHashing, hotKey, doubleBooking, lockingVsOptimistic, deadlocks, hotRow, seatHolds, coordination, syncVsAsync, burstBacklog, retryStorm, poisonMessages, priorityJobs, autoscalingWorkers].map((e) => [e.spec.widget, e]),
);

export function listExperimentSpecs(): ExperimentSpec[] {
  return Object.values(experiments).map((e) => e.spec);
}

export function runExperiment(widget: string, controls: ControlValues, seed: number, hooks?: RunHooks): ExperimentResult {
  const found = Object.prototype.hasOwnProperty.call(experiments, widget) ? experiments[widget] : undefined;
  if (!found) throw new ExperimentError(`unknown widget "${widget}" (known: ${Object.keys(experiments).join(', ')})`);
  return found.run(resolveControls(found.spec, controls), seed, hooks);
}
