import type { ExperimentResult } from '../../../src-main/api/contract';

/** A result's threshold lines meant for one bar group (a capacity, a mean), as reference lines. */
export function referencesFor(result: ExperimentResult, groupId: string): { value: number; label: string }[] {
  return result.thresholds.filter((t) => t.axis === 'value' && t.seriesId === groupId).map((t) => ({ value: t.value, label: t.label }));
}
