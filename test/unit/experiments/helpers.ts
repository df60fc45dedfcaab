import type { ControlValues } from '../../../src-main/api/contract';
import { runExperiment } from '../../../src-main/experiments/index';

export function metric(widget: string, controls: ControlValues, id: string, seed = 1): number {
  const value = runExperiment(widget, controls, seed).metrics[id];
  if (value === undefined) throw new Error(`${widget} reported no ${id}`);
  return value;
}

/** Mean of a metric over a few seeds, for figures that vary run to run. */
export function meanMetric(widget: string, controls: ControlValues, id: string, seeds: number[]): number {
  return seeds.reduce((sum, seed) => sum + metric(widget, controls, id, seed), 0) / seeds.length;
}

export function relativeError(got: number, expected: number): number {
  return Math.abs(got - expected) / Math.abs(expected);
}
