// Figures of a graded scenario run as a learner reads them: the run's clock in hours,
// contract terms in their units, which of two attempts did better, and what changed
// between two designs. Pure functions, no DOM.
import type { Design, DesignComponent, OptionSpec, TermVerdict } from '../../src-main/api/contract';

const nbsp = '\u00a0';
const HOUR = 3600;

// ---------- the run's clock ----------

/** Tick steps (seconds) an hours axis may use, smallest first. */
const TICK_STEPS = [60, 300, 600, 900, 1800, HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR, 48 * HOUR, 168 * HOUR];

/** Tick positions (seconds) on whole, round steps: at most `maxTicks` of them between lo and hi. */
export function hourTicks(lo: number, hi: number, maxTicks: number): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi <= lo) return [Math.max(0, lo || 0)];
  const limit = Math.max(2, Math.floor(maxTicks));
  const step = TICK_STEPS.find((s) => Math.floor(hi / s) - Math.ceil(lo / s) + 1 <= limit) ?? Math.ceil((hi - lo) / limit / (168 * HOUR)) * 168 * HOUR;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) ticks.push(t);
  return ticks;
}

/** An hours-axis tick: 0 -> "0 h", 5400 -> "1.5 h", 900 -> "0.25 h". */
export function formatHourTick(seconds: number): string {
  const hours = seconds / HOUR;
  return `${+hours.toFixed(2)}${nbsp}h`;
}

/** A moment in the run: "45 s", "12 min", "2 h", "2 h 15 min". */
export function formatRunTime(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return `${total}${nbsp}s`;
  const minutes = Math.round(total / 60);
  if (minutes < 60) return `${minutes}${nbsp}min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours}${nbsp}h` : `${hours}${nbsp}h ${rest}${nbsp}min`;
}

/** The index of the interval whose start is nearest to `at` (-1 for no intervals). */
export function nearestIndex(times: readonly number[], at: number): number {
  let best = -1;
  let distance = Infinity;
  for (let i = 0; i < times.length; i++) {
    const d = Math.abs(times[i]! - at);
    if (d < distance) {
      distance = d;
      best = i;
    }
  }
  return best;
}

// ---------- numbers in their units ----------

function grouped(value: number, digits: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** 1234.5 -> "1,235", 12.34 -> "12.3", 1.234 -> "1.23", 0 -> "0". */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  return grouped(value, abs >= 100 ? 0 : abs >= 10 ? 1 : 2);
}

/**
 * A percentage (0..100, not a ratio) with enough digits to tell it from its neighbours
 * near 100: 99.953 -> "99.95 %", 99.9912 -> "99.991 %", 97.31 -> "97.3 %", 100 -> "100 %".
 */
export function formatPct(pct: number): string {
  if (!Number.isFinite(pct)) return '—';
  const gap = 100 - pct;
  let digits = 1;
  if (pct >= 99 && gap > 0) digits = Math.min(4, Math.max(2, -Math.floor(Math.log10(gap))));
  const text = pct >= 1000 ? grouped(pct, 0) : pct.toFixed(digits).replace(/\.?0+$/, '');
  // Never round a shortfall up to a clean 100.
  return `${gap > 0 && text === '100' ? (99.9999).toFixed(4) : text}${nbsp}%`;
}

/** "$1,234" (whole dollars from 100 up, cents below). */
export function formatMoney(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  const text = abs >= 100 ? grouped(abs, 0) : abs.toLocaleString('en-US', { minimumFractionDigits: abs % 1 === 0 ? 0 : 2, maximumFractionDigits: 2 });
  return `${value < 0 ? '−' : ''}$${text}`;
}

/** A measured figure in a contract term's unit ('%', 'ms', '$/month', 'fraction', 'requests/s', …). */
/** Milliseconds a person can read: "160 ms", "4.2 s", "3.4 min", "8.1 h" (never "29,130,000 ms"). */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 10_000) return `${formatCount(ms)}${nbsp}ms`;
  const one = (x: number) => (x < 100 ? Number(x.toPrecision(2)).toLocaleString('en-US') : Math.round(x).toLocaleString('en-US'));
  if (ms < 60_000) return `${one(ms / 1000)}${nbsp}s`;
  if (ms < 3_600_000) return `${one(ms / 60_000)}${nbsp}min`;
  return `${one(ms / 3_600_000)}${nbsp}h`;
}

/** Counts up to 99,999 in full; beyond, "412 thousand" or "16.2 million" read better in a card than six or eight digits. */
function formatBigCount(n: number): string {
  const abs = Math.abs(n);
  if (abs < 100_000) return formatCount(n);
  if (abs < 1e6) return `${Number((n / 1000).toPrecision(3)).toLocaleString('en-US')}${nbsp}thousand`;
  return `${Number((n / 1e6).toPrecision(3)).toLocaleString('en-US')}${nbsp}million`;
}

export function formatTermValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—';
  switch (unit) {
    case '%':
      return formatPct(value);
    case 'fraction':
      return formatPct(value * 100);
    case '$/month':
      return `${formatMoney(value)}/month`;
    case '$':
      return formatMoney(value);
    case 'ms':
      return formatMs(value);
    case '':
      return formatCount(value);
    default:
      return unit.startsWith('/') ? `${formatCount(value)}${unit}` : `${formatBigCount(value)}${nbsp}${unit}`;
  }
}

/** The target as a sentence fragment: "at least 99.9 %", "at most 160 ms". */
export function formatTarget(term: Pick<TermVerdict, 'comparison' | 'target' | 'unit'>): string {
  return `${term.comparison === 'min' ? 'at least' : 'at most'} ${formatTermValue(term.target, term.unit)}`;
}

/** "≥ 99.9 %", "≤ 160 ms": the target in a tight cell. */
export function formatTargetShort(term: Pick<TermVerdict, 'comparison' | 'target' | 'unit'>): string {
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

/** For a contract term: "at least" terms want more, "at most" terms want less. */
export function betterTerm(a: TermVerdict, b: TermVerdict): Better {
  return betterOf(a.measured, b.measured, a.comparison === 'min');
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

/** The change from a to b in the figure's unit, signed: "+12 ms", "−0.05 %", "±0". */
export function formatDelta(a: number, b: number, unit: string): string {
  const d = b - a;
  if (!Number.isFinite(d)) return '—';
  if (Math.abs(d) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))) return '±0';
  const sign = d > 0 ? '+' : '−';
  const abs = Math.abs(d);
  let text: string;
  if (unit === '%') {
    const digits = abs >= 1 ? 1 : abs >= 0.01 ? 2 : abs >= 0.001 ? 3 : 4;
    const rounded = +abs.toFixed(digits);
    text = rounded === 0 ? '' : `${rounded >= 1000 ? grouped(rounded, 0) : rounded}${nbsp}pp`;
  } else {
    text = formatTermValue(abs, unit);
    if (/^\$?0(\D|$)/.test(text) && !/[1-9]/.test(text)) text = '';
  }
  return text ? `${sign}${text}` : '±0';
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
  if (typeof value === 'number') return spec?.type === 'number' && spec.unit ? `${formatCount(value)}${nbsp}${spec.unit}` : formatCount(value);
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
  const words = (id: string) => {
    const text = id.replace(/[-_.]+/g, ' ').trim();
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  return {
    component: (id) => components.get(id) ?? id,
    kind: (kind) => kinds.get(kind) ?? words(kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()),
    workload: (id) => workloads.get(id) ?? id,
    drill: (id) => (id === null ? null : (drills.get(id) ?? words(id))),
    lesson: (id) => lessons.get(id) ?? words(id),
  };
}

/** Ticks for a log axis between lo and hi: powers of ten, with 2× and 5× steps when fewer than three fit. */
export function logTicks(lo: number, hi: number): number[] {
  if (!(lo > 0) || !(hi > lo)) return [];
  const from = Math.floor(Math.log10(lo));
  const to = Math.ceil(Math.log10(hi));
  const inside = (v: number) => v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9);
  const powers: number[] = [];
  for (let e = from; e <= to; e++) powers.push(10 ** e);
  const decades = powers.filter(inside);
  if (decades.length >= 3) return decades;
  return powers.flatMap((p) => [p, 2 * p, 5 * p]).filter(inside);
}

/** A term's label as a heading: "uptime" -> "Uptime", but "p95 latency" stays as written. */
export function termName(term: string): string {
  return /^[a-z]\d/.test(term) ? term : term.charAt(0).toUpperCase() + term.slice(1);
}
