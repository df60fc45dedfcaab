/**
 * The contract a design is graded on: the scenario's headline terms and extra
 * terms, and the terms every scenario grades whether or not its file lists
 * them (background work in time, must-finish steps before the answer, side
 * effects done once, acceptable fallbacks within their limit).
 */
import { CONTRACT_UNITS, grade } from '../sim/grade';
import type { ContractTerm, SimResult, TermVerdict } from '../sim/types';
import { asyncBacklog, backgroundLatePct, workloadMetric } from './conditions';
import { backgroundWithinMinutes } from './designToModel';
import type { ModelBuild } from './modelBuild';
import type { ExtraTermSpec, ScenarioSpec } from './scenarioSchema';

const TERM_UNITS: Record<ExtraTermSpec['metric'], string> = { ...CONTRACT_UNITS, stepsInBackground: 'steps', asyncBacklog: 'jobs', backgroundLatePct: '%', duplicates: 'times', fallbackPct: '%', admittedP99Ms: 'ms' };

export const termUnit = (metric: ExtraTermSpec['metric']): string => TERM_UNITS[metric];

function inventoryTotal(result: SimResult, field: 'oversold' | 'sold'): number {
  let sum = 0;
  for (const c of result.components) {
    const inv = (c as { inventory?: Record<string, number> | null }).inventory;
    if (inv) sum += inv[field] ?? 0;
  }
  return sum;
}

/** What a term without a figure means, for the learner. */
const UNMEASURED: Partial<Record<ExtraTermSpec['metric'], string>> = {
  admittedP99Ms: 'nobody was admitted',
};

function scenarioMeasure(t: ExtraTermSpec, result: SimResult, build: ModelBuild): number | null {
  switch (t.metric) {
    case 'oversoldUnits': return inventoryTotal(result, 'oversold');
    case 'soldUnits': return inventoryTotal(result, 'sold');
    case 'stepsInBackground': return build.assignments.filter((a) => a.mustFinishFirst && a.inBackground).length;
    case 'asyncBacklog': return t.workload ? asyncBacklog(result, t.workload, build) : result.workloads.reduce((s, w) => s + asyncBacklog(result, w.id, build), 0);
    case 'backgroundLatePct': return t.workload ? backgroundLatePct(result, t.workload, build) : 0;
    case 'admittedP99Ms': return (t.workload ? result.workloads.find((w) => w.id === t.workload)?.admittedP99Ms : null) ?? Infinity;
    case 'fallbackPct': return t.workload ? (workloadMetric(result, build, t.workload, 'fallbackPct') ?? 0) : 0;
    case 'duplicates': return result.workloads.filter((w) => !t.workload || w.id === t.workload).reduce((s, w) => s + w.duplicates, 0);
    default: return null;
  }
}

/** Background work may be late or lost for at most this share of it unless the contract says otherwise. */
export const DEFAULT_BACKGROUND_LOST_PCT = 0.1;

/**
 * Terms every scenario grades whether or not its file lists them, so that no design passes by what
 * its users never got: background work done in time (for each workload this design sends to the
 * background), must-finish steps done before the answer, and side effects done once.
 */
export function impliedTerms(scenario: ScenarioSpec, build: ModelBuild): ExtraTermSpec[] {
  const listed = new Set((scenario.contract.extra ?? []).map((t) => `${t.metric}:${t.workload ?? ''}`));
  const terms: ExtraTermSpec[] = [];
  const add = (t: ExtraTermSpec) => {
    if (!listed.has(`${t.metric}:${t.workload ?? ''}`) && !listed.has(`${t.metric}:`)) terms.push(t);
  };
  for (const w of scenario.workloads) {
    // An acceptable fallback still has a limit: a page from a stale copy now and then, not all day.
    if (w.fallback?.acceptable) add({ id: `${w.id}-fallback`, label: `${w.label}: fallback answers`, metric: 'fallbackPct', workload: w.id, max: w.fallback.maxPct ?? 1 });
    if (build.paths[w.id]?.asyncFrom == null) continue;
    add({ id: `${w.id}-background`, label: `${w.label}: later than ${backgroundWithinMinutes(w)} min or lost`, metric: 'backgroundLatePct', workload: w.id, max: scenario.contract.backgroundLostPct ?? DEFAULT_BACKGROUND_LOST_PCT });
  }
  const steps = scenario.workloads.flatMap((w) => w.steps);
  if (steps.some((st) => st.mustFinishFirst)) add({ id: 'must-finish-first', label: 'Must-finish steps done after the answer', metric: 'stepsInBackground', max: 0 });
  if (steps.some((st) => st.sideEffect !== undefined)) add({ id: 'duplicates', label: 'Done twice by retries', metric: 'duplicates', max: 0 });
  return terms;
}

/** The contract's verdict: the three headline terms, then the scenario's extra terms and the implied ones. */
export function verdictOf(scenario: ScenarioSpec, result: SimResult, build: ModelBuild): TermVerdict[] {
  const c = scenario.contract;
  const terms = grade(result, { uptimePct: c.uptimePct, p95Ms: c.p95Ms, budgetPerMonth: c.budgetPerMonth }).terms;
  for (const t of [...(c.extra ?? []), ...impliedTerms(scenario, build)]) {
    const own = scenarioMeasure(t, result, build);
    if (own !== null) {
      const comparison = t.max !== undefined ? 'max' : 'min';
      const target = (t.max ?? t.min)!;
      const words = Number.isFinite(own) ? {} : { unmeasured: UNMEASURED[t.metric] ?? 'nothing to measure' };
      terms.push({ term: t.label, target, comparison, measured: own, unit: TERM_UNITS[t.metric], pass: comparison === 'max' ? own <= target : own >= target, ...words });
      continue;
    }
    const component = t.kind ? result.components.find((x) => x.kind === t.kind)?.id : undefined;
    const term: ContractTerm = { term: t.label, metric: t.metric as ContractTerm['metric'], ...(t.workload ? { workload: t.workload } : {}), ...(component ? { component } : {}), ...(t.max !== undefined ? { max: t.max } : { min: t.min! }) };
    terms.push(...grade(result, { extra: [term] }).terms);
  }
  return terms;
}

