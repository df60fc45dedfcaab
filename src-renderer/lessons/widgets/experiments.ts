// The widget specs (controls, units, ranges, figures), fetched once per session:
// every widget on every lesson reads the same list.
import { call } from '../../lib/api';
import type { ExperimentSpec } from '../../../src-main/api/contract';

let pending: Promise<Map<string, ExperimentSpec>> | null = null;

export function experimentSpecs(): Promise<Map<string, ExperimentSpec>> {
  pending ??= call('listExperiments', {}).then(
    ({ experiments }) => new Map(experiments.map((spec) => [spec.widget, spec])),
    (cause: unknown) => {
      // A failed load is not cached, so the next widget (or a retry) asks again.
      pending = null;
      throw cause;
    },
  );
  return pending;
}
