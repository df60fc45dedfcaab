// A graded scenario run as a learner reads it: contract targets, which of two attempts
// did better, what changed between two designs, and names for the ids a run carries.
// Pure functions, no DOM; the figures themselves come from format.ts.
import type { Design, DesignComponent, OptionSpec, TermVerdict } from '../../src-main/api/contract';
import { formatNumber, formatTermValue } from '../lib/format';
import { humanize } from '../lib/words';

const nbsp = '\u00a0';

// ---------- contract targets ----------

// "At most 0 units" is a roundabout way to say none at all.
const allowsNone = (term: Pick<TermVerdict, 'comparison' | 'target'>) => term.comparison === 'max' && term.target === 0;

/** The target as a sentence fragment: "at least 99.9 %", "at most 160 ms", "none". */
export function formatTarget(term: Pick<TermVerdict, 'comparison' | 'target' | 'unit'>): string {
  if (allowsNone(term)) return 'none';
  return `${term.comparison === 'min' ? 'at least' : 'at most'} ${formatTermValue(term.target, term.unit)}`;
}

/** "≥ 99.9 %", "≤ 160 ms", "none": the target in a tight cell. */
/** A term's measured figure, or in words why there is none ("nobody was admitted"), never a bare dash. */
export function formatMeasured(term: Pick<TermVerdict, 'measured' | 'unit' | 'unmeasured'>): string {
  return term.measured === null || !Number.isFinite(term.measured) ? (term.unmeasured ?? 'not measured') : formatTermValue(term.measured, term.unit);
}

export function formatTargetShort(term: Pick<TermVerdict, 'comparison' | 'target' | 'unit'>): string {
  if (allowsNone(term)) return 'none';
  return `${term.comparison === 'min' ? '≥' : '≤'}${nbsp}${formatTermValue(term.target, term.unit)}`;
}

// ---------- two attempts side by side ----------

export type Better = 'a' | 'b' | 'same';

/** Which of two figures is better when higher (or lower) is better; equal within a relative 1e-9 is 'same'. */
export function betterOf(a: number, b: number, higherIsBetter: boolean): Better {
  if (!Number.isFinite(a) && !Number.isFinite(b)) return 'same';
  if (!Number.isFinite(a)) return 'b';
  if (!Number.isFinite(b)) return 'a';
  if (Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))) return 'same';
  return (a > b) === higherIsBetter ? 'a' : 'b';
}

/**
 * Which of two figures is better as the learner reads them: two that print the same in their
 * unit ("0 %" and "0 %", for 0.000015 % and 0) are the same, however they differ underneath.
 */
export function betterShown(a: number, b: number, unit: string, higherIsBetter: boolean): Better {
  if (formatTermValue(a, unit) === formatTermValue(b, unit)) return 'same';
  return betterOf(a, b, higherIsBetter);
}

/** For a contract term: "at least" terms want more, "at most" terms want less. */
export function betterTerm(a: TermVerdict, b: TermVerdict): Better {
  return betterShown(a.measured, b.measured, a.unit, a.comparison === 'min');
}

/** Pairs the terms of two runs by their label and comparison (a term may be missing on one side). */
export function pairTerms(a: readonly TermVerdict[], b: readonly TermVerdict[]): { key: string; a: TermVerdict | null; b: TermVerdict | null }[] {
  const keyOf = (t: TermVerdict) => `${t.term}|${t.comparison}`;
  const rest = new Map(b.map((t) => [keyOf(t), t]));
  const rows: { key: string; a: TermVerdict | null; b: TermVerdict | null }[] = a.map((t) => {
    const other = rest.get(keyOf(t)) ?? null;
    rest.delete(keyOf(t));
    return { key: keyOf(t), a: t, b: other };
  });
  for (const [key, t] of rest) rows.push({ key, a: null, b: t });
  return rows;
}

// ---------- what changed between two designs ----------

export type ComponentChange =
  | { change: 'added'; id: string; label: string; component: DesignComponent }
  | { change: 'removed'; id: string; label: string; component: DesignComponent }
  | { change: 'changed'; id: string; label: string; details: string[] };

function labelOf(c: DesignComponent): string {
  return c.label?.trim() ? c.label : c.id;
}

function optionText(value: number | string | boolean | undefined, spec: OptionSpec | undefined): string {
  if (value === undefined) return 'default';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'number') return spec?.type === 'number' && spec.unit ? `${formatNumber(value)}${nbsp}${spec.unit}` : formatNumber(value);
  return spec?.type === 'choice' ? (spec.choices.find((c) => c.value === value)?.label ?? value) : value;
}

/**
 * The components of design b compared with design a: added, removed, and changed (instances,
 * kind, options). With the palette, options read by their labels ("Connection pool 20 → 60").
 */
export function diffDesigns(a: Design, b: Design, palette: { kind: string; options: OptionSpec[] }[] = []): ComponentChange[] {
  const before = new Map(a.components.map((c) => [c.id, c]));
  const after = new Map(b.components.map((c) => [c.id, c]));
  const out: ComponentChange[] = [];
  for (const c of a.components) if (!after.has(c.id)) out.push({ change: 'removed', id: c.id, label: labelOf(c), component: c });
  for (const c of b.components) {
    const old = before.get(c.id);
    if (!old) {
      out.push({ change: 'added', id: c.id, label: labelOf(c), component: c });
      continue;
    }
    const details: string[] = [];
    if (old.kind !== c.kind) details.push(`kind ${old.kind} → ${c.kind}`);
    if (old.instances !== c.instances) details.push(`instances ${old.instances} → ${c.instances}`);
    const keys = [...new Set([...Object.keys(old.options), ...Object.keys(c.options)])].sort();
    const specs = palette.find((p) => p.kind === c.kind)?.options ?? [];
    for (const key of keys) {
      if (old.options[key] === c.options[key]) continue;
      const spec = specs.find((s) => s.key === key);
      details.push(`${spec?.label ?? key} ${optionText(old.options[key], spec)} → ${optionText(c.options[key], spec)}`);
    }
    if (details.length) out.push({ change: 'changed', id: c.id, label: labelOf(c), details });
  }
  return out;
}

/** Wires present in one design and not the other, as "from → to" (workloads ignored). */
export function diffWires(a: Design, b: Design): { added: string[]; removed: string[] } {
  const key = (w: Design['wires'][number]) => `${w.from} → ${w.to}`;
  const before = new Set(a.wires.map(key));
  const after = new Set(b.wires.map(key));
  return { added: [...after].filter((k) => !before.has(k)), removed: [...before].filter((k) => !after.has(k)) };
}

// ---------- series ----------

/** The highest finite value of a series, or null when it has none. */
export function peakOf(values: readonly (number | null)[]): number | null {
  let top: number | null = null;
  for (const v of values) if (v !== null && Number.isFinite(v) && (top === null || v > top)) top = v;
  return top;
}

const QUEUE_KINDS = new Set(['queue', 'stream', 'pubsub', 'workerPool']);

/**
 * Whether a component's queue depth is worth a chart: for a queue, stream or worker pool any
 * backlog at all (a message waiting is its job, and a backlog is how work piles up unseen);
 * for anything else a real pile-up (five or more waiting at some point), not a blip.
 */
export function queueMatters(values: readonly number[], kind = ''): boolean {
  const peak = peakOf(values) ?? 0;
  return QUEUE_KINDS.has(kind) ? peak >= 1 : peak >= 5;
}

/**
 * The workload a run's charts should open on: the one the users fared worst in (lowest uptime,
 * then slowest p95 past the contract), so a failed run shows its failure first. A run where every
 * workload did equally well opens on the first.
 */
export function worstWorkload(workloads: readonly { id: string; uptimePct: number; p95Ms: number }[], p95Target: number): string | null {
  let worst = workloads[0] ?? null;
  for (const w of workloads) {
    if (!worst) break;
    const lower = w.uptimePct < worst.uptimePct - 1e-9;
    const slower = Math.abs(w.uptimePct - worst.uptimePct) <= 1e-9 && w.p95Ms > Math.max(p95Target, worst.p95Ms);
    if (lower || slower) worst = w;
  }
  return worst?.id ?? null;
}

/** Whether every value of every series is zero (or missing): nothing to draw but a flat line. */
export function allZero(series: readonly (readonly (number | null)[])[]): boolean {
  return series.every((values) => values.every((v) => v === null || v === 0));
}

// ---------- names ----------

export interface RunLabels {
  component(id: string): string;
  /** A component kind as the palette names it ("Redis cache"). */
  kind(kind: string): string;
  workload(id: string): string;
  drill(id: string | null): string | null;
  lesson(id: string): string;
}

/** Names for the ids a run carries: the design's labels, the scenario's fixed components, workloads, drills and lessons. */
export function runLabels(
  scenario: {
    workloads: { id: string; label: string }[];
    fixed: { id: string; label: string }[];
    drills: { id: string; title: string }[];
    lessons: { id: string; title: string | null }[];
    palette?: { kind: string; label: string }[];
  },
  design: Pick<Design, 'components'> | null,
): RunLabels {
  const components = new Map<string, string>();
  for (const f of scenario.fixed) components.set(f.id, f.label);
  for (const c of design?.components ?? []) components.set(c.id, c.label?.trim() ? c.label : c.id);
  const workloads = new Map(scenario.workloads.map((w) => [w.id, w.label]));
  const drills = new Map(scenario.drills.map((d) => [d.id, d.title]));
  const lessons = new Map(scenario.lessons.map((l) => [l.id, l.title]));
  const kinds = new Map((scenario.palette ?? []).map((p) => [p.kind, p.label]));
  return {
    component: (id) => components.get(id) ?? id,
    kind: (kind) => kinds.get(kind) ?? humanize(kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()),
    workload: (id) => workloads.get(id) ?? id,
    drill: (id) => (id === null ? null : (drills.get(id) ?? humanize(id))),
    lesson: (id) => lessons.get(id) ?? humanize(id),
  };
}

/** A term's label as a heading: "uptime" -> "Uptime", but "p95 latency" stays as written. */
export function termName(term: string): string {
  return /^[a-z]\d/.test(term) ? term : term.charAt(0).toUpperCase() + term.slice(1);
}
