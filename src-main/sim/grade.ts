/** Contract -> verdict: each term checked against the measured figure. */
import type { ComponentResult, Contract, ContractTerm, SimResult, TermVerdict, Verdict } from './types';

export const CONTRACT_UNITS: Record<ContractTerm['metric'], string> = {
  uptimePct: '%',
  p95Ms: 'ms',
  p99Ms: 'ms',
  errorRatePct: '%',
  costPerMonth: '$/month',
  throughputPerSec: 'requests/s',
  utilisation: 'fraction',
  queueDepth: 'messages',
  deadLettered: 'messages',
  oversoldUnits: 'units',
  soldUnits: 'units',
};

/** Sold or oversold units of one inventory component, or of all of them. */
function units(components: readonly ComponentResult[], metric: 'oversoldUnits' | 'soldUnits'): number {
  let sum = 0;
  for (const c of components) if (c.inventory) sum += metric === 'oversoldUnits' ? c.inventory.oversold : c.inventory.sold;
  return sum;
}

function measure(result: SimResult, term: ContractTerm): number {
  if (term.component !== undefined) {
    const c = result.components.find((x) => x.id === term.component);
    if (!c) throw new Error(`contract term ${term.metric}: no component "${term.component}" in the result`);
    switch (term.metric) {
      case 'utilisation':
        return c.peakUtilisation;
      case 'queueDepth':
        return c.peakQueueDepth;
      case 'deadLettered':
        return c.deadLettered;
      case 'costPerMonth':
        return c.costPerMonth;
      case 'oversoldUnits':
      case 'soldUnits':
        if (!c.inventory) throw new Error(`contract term ${term.metric}: "${c.id}" is not an inventory`);
        return units([c], term.metric);
      default:
        throw new Error(`contract term ${term.metric}: not a component measure`);
    }
  }
  if (term.workload !== undefined) {
    const w = result.workloads.find((x) => x.id === term.workload);
    if (!w) throw new Error(`contract term ${term.metric}: no workload "${term.workload}" in the result`);
    const judged = w.successes + w.fallbacks + w.late + w.errors + w.timeouts;
    switch (term.metric) {
      case 'uptimePct':
        return w.uptimePct;
      case 'p95Ms':
        return w.p95Ms;
      case 'p99Ms':
        return w.p99Ms;
      case 'errorRatePct':
        return judged > 0 ? (100 * (w.errors + w.timeouts)) / judged : 0;
      case 'throughputPerSec':
        return w.throughputPerSec;
      case 'deadLettered':
        return w.deadLettered;
      default:
        throw new Error(`contract term ${term.metric}: not a workload measure`);
    }
  }
  switch (term.metric) {
    case 'uptimePct':
      return result.totals.uptimePct;
    case 'p95Ms':
      return result.totals.p95Ms;
    case 'p99Ms':
      return result.totals.p99Ms;
    case 'errorRatePct':
      return result.totals.errorRatePct;
    case 'costPerMonth':
      return result.totals.costPerMonth;
    case 'throughputPerSec':
      return result.totals.throughputPerSec;
    case 'utilisation':
      return Math.max(0, ...result.components.map((c) => c.peakUtilisation));
    case 'queueDepth':
      return Math.max(0, ...result.components.map((c) => c.peakQueueDepth));
    case 'deadLettered':
      return result.workloads.reduce((s, w) => s + w.deadLettered, 0);
    case 'oversoldUnits':
    case 'soldUnits':
      return units(result.components, term.metric);
  }
}

/** Readable names for metrics whose id reads poorly; the others show their id. */
const LABELS: Partial<Record<ContractTerm['metric'], string>> = { oversoldUnits: 'oversold units', soldUnits: 'units sold' };

function label(term: ContractTerm): string {
  const scope = term.workload ? ` of ${term.workload}` : term.component ? ` of ${term.component}` : '';
  return term.term ?? `${LABELS[term.metric] ?? term.metric}${scope}`;
}

function check(term: ContractTerm, measured: number): TermVerdict[] {
  const out: TermVerdict[] = [];
  const unit = CONTRACT_UNITS[term.metric];
  if (term.min !== undefined) out.push({ term: label(term), target: term.min, comparison: 'min', measured, unit, pass: measured >= term.min });
  if (term.max !== undefined) out.push({ term: label(term), target: term.max, comparison: 'max', measured, unit, pass: measured <= term.max });
  return out;
}

export function grade(result: SimResult, contract: Contract): Verdict {
  const terms: TermVerdict[] = [];
  if (contract.uptimePct !== undefined) terms.push(...check({ term: 'uptime', metric: 'uptimePct', min: contract.uptimePct }, result.totals.uptimePct));
  if (contract.p95Ms !== undefined) terms.push(...check({ term: 'p95 latency', metric: 'p95Ms', max: contract.p95Ms }, result.totals.p95Ms));
  if (contract.budgetPerMonth !== undefined) terms.push(...check({ term: 'monthly cost', metric: 'costPerMonth', max: contract.budgetPerMonth }, result.totals.costPerMonth));
  for (const extra of contract.extra ?? []) terms.push(...check(extra, measure(result, extra)));
  return { pass: terms.every((t) => t.pass), terms };
}
