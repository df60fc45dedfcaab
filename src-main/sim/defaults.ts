/**
 * The one table of defaults, each with where the figure comes from. A kind's
 * figures live in its own file (models/); this gathers them, flat, for
 * whoever quotes them (a lesson, the docs), and adds the workloads' own.
 * Figures marked "assumption" are ours: round numbers chosen to be plausible
 * and easy to reason about, not measurements. Costs are illustrative monthly
 * list prices for one instance, in US dollars.
 */
import { COMPONENT_KINDS, type ComponentKind } from './models/componentKind';
import { KINDS } from './models/index';

export { COMPONENT_KINDS, type ComponentKind } from './models/componentKind';
export type { KindDefaults, Sourced } from './models/kind';

type Kinds = typeof KINDS;

export const KIND_DEFAULTS = Object.fromEntries(COMPONENT_KINDS.map((k) => [k, KINDS[k].defaults])) as { [K in ComponentKind]: Kinds[K]['defaults'] };

/** What a workload gets unless it says otherwise. */
export const WORKLOAD_DEFAULTS = {
  deadlineMs: { value: 1000, source: 'assumption: a user notices a second' },
  requestsPerUserPerSec: { value: 0.1, source: 'assumption: one request every ten seconds per active user' },
  retryBaseDelayMs: { value: 100, source: 'assumption' },
  retryMaxDelayMs: { value: 10_000, source: 'assumption' },
} as const;

// Every kind's own settings in one record: their names are unique across kinds, and kinds that share a setting share its entry.
type AllOf<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type KindSettings = AllOf<Kinds[ComponentKind]['settings']>;

/** Kind-specific and workload defaults, also sourced, by name. */
export const SPECIFIC_DEFAULTS = Object.assign({}, ...COMPONENT_KINDS.map((k) => KINDS[k].settings), WORKLOAD_DEFAULTS) as KindSettings & typeof WORKLOAD_DEFAULTS;
