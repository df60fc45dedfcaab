/**
 * When a hint fires: a small condition language over a run's results and the
 * design that produced it. A hint is shown only when its condition holds, with
 * the figures that made it hold (its evidence), never blindly.
 */
import { z } from 'zod';
import type { ComponentResult, SimResult } from '../sim/types';
import { serverNoun } from '../sim/models/index';
import { kindLabel } from './palette';
import { nameIn, type ModelBuild } from './modelBuild';
import type { Design } from './types';

const bound = { atLeast: z.number().optional(), atMost: z.number().optional() };
const COMPONENT_METRICS = ['peakUtilisation', 'utilisation', 'cpuUtilisation', 'peakCpuUtilisation', 'peakQueueDepth', 'queueDepth', 'rejected', 'errors', 'deadLettered', 'cacheHitRatio', 'oversoldUnits'] as const;
const WORKLOAD_METRICS = ['uptimePct', 'p95Ms', 'errorRatePct', 'timeoutRatePct', 'lateRatePct', 'retryAmplification', 'deadLettered', 'asyncBacklog', 'backgroundLatePct', 'duplicates', 'fallbackPct'] as const;
const TOTAL_METRICS = ['uptimePct', 'p95Ms', 'costPerMonth', 'oversoldUnits'] as const;

type Leaf =
  | { kind: string; metric: (typeof COMPONENT_METRICS)[number]; atLeast?: number | undefined; atMost?: number | undefined }
  | { workload: string; metric: (typeof WORKLOAD_METRICS)[number]; atLeast?: number | undefined; atMost?: number | undefined }
  | { total: (typeof TOTAL_METRICS)[number]; atLeast?: number | undefined; atMost?: number | undefined }
  | { saturatedBy: string; kind?: string | undefined }
  | { designLacks: string }
  | { designHas: string }
  | { policy: string; retry?: 'none' | 'fixed' | 'exponential' | undefined; timeout?: 'none' | 'set' | undefined; fallback?: boolean | undefined }
  | { stepInBackground: boolean }
  | { drill: boolean }
  | { stepDoneBy: { workload: string; step: string; kind: string; inBackground?: boolean | undefined } };

export type Condition = Leaf | { all: Condition[] } | { any: Condition[] } | { not: Condition };

const boundsRefine = (c: { atLeast?: number | undefined; atMost?: number | undefined }) => c.atLeast !== undefined || c.atMost !== undefined;
const leafSchemas = [
  z.strictObject({ kind: z.string(), metric: z.enum(COMPONENT_METRICS, { error: `expected one of: ${COMPONENT_METRICS.join(', ')}` }), ...bound }).refine(boundsRefine, 'expected atLeast or atMost'),
  z.strictObject({ workload: z.string(), metric: z.enum(WORKLOAD_METRICS, { error: `expected one of: ${WORKLOAD_METRICS.join(', ')}` }), ...bound }).refine(boundsRefine, 'expected atLeast or atMost'),
  z.strictObject({ total: z.enum(TOTAL_METRICS, { error: `expected one of: ${TOTAL_METRICS.join(', ')}` }), ...bound }).refine(boundsRefine, 'expected atLeast or atMost'),
  z.strictObject({ saturatedBy: z.string(), kind: z.string().optional() }),
  z.strictObject({ designLacks: z.string() }),
  z.strictObject({ designHas: z.string() }),
  z.strictObject({ policy: z.string(), retry: z.enum(['none', 'fixed', 'exponential']).optional(), timeout: z.enum(['none', 'set']).optional(), fallback: z.boolean().optional() }),
  z.strictObject({ stepInBackground: z.boolean() }),
  z.strictObject({ drill: z.boolean() }),
  z.strictObject({ stepDoneBy: z.strictObject({ workload: z.string(), step: z.string(), kind: z.string(), inBackground: z.boolean().optional() }) }),
];

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union(
    [
      ...leafSchemas,
      z.strictObject({ all: z.array(conditionSchema).min(1) }),
      z.strictObject({ any: z.array(conditionSchema).min(1) }),
      z.strictObject({ not: conditionSchema }),
    ] as unknown as [z.ZodType<Condition>, z.ZodType<Condition>, ...z.ZodType<Condition>[]],
    { error: 'expected a condition: {kind, metric, atLeast|atMost}, {workload, metric, ...}, {total, ...}, {saturatedBy}, {designLacks}, {designHas}, {policy}, {stepInBackground}, {stepDoneBy}, {drill}, or all/any/not' },
  ),
) as z.ZodType<Condition>;

export interface ConditionContext {
  result: SimResult;
  design: Design;
  build: ModelBuild;
  /** Workload labels by id, for evidence a learner reads. */
  labels?: Record<string, string>;
  /** The failure drill this run had, if any. */
  drill?: string | null;
}

export interface ConditionOutcome {
  holds: boolean;
  evidence: string[];
}

const fmt = (n: number): string => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : String(Number(n.toPrecision(3))));

function within(value: number, c: { atLeast?: number | undefined; atMost?: number | undefined }): boolean {
  return (c.atLeast === undefined || value >= c.atLeast) && (c.atMost === undefined || value <= c.atMost);
}

function componentMetric(c: ComponentResult, metric: (typeof COMPONENT_METRICS)[number]): number {
  if (metric === 'cacheHitRatio') return c.cacheHitRatio ?? 0;
  if (metric === 'cpuUtilisation') return c.cpuUtilisation ?? 0;
  if (metric === 'peakCpuUtilisation') return c.peakCpuUtilisation ?? 0;
  if (metric === 'oversoldUnits') return (c as ComponentResult & { inventory?: { oversold?: number } | null }).inventory?.oversold ?? 0;
  return c[metric];
}

export function workloadMetric(result: SimResult, build: ModelBuild, workload: string, metric: (typeof WORKLOAD_METRICS)[number]): number | null {
  const w = result.workloads.find((x) => x.id === workload);
  if (!w) return null;
  const judged = Math.max(1, w.successes + w.fallbacks + w.late + w.errors + w.timeouts);
  switch (metric) {
    case 'uptimePct': return w.uptimePct;
    case 'p95Ms': return w.p95Ms;
    case 'errorRatePct': return (100 * w.errors) / judged;
    case 'timeoutRatePct': return (100 * w.timeouts) / judged;
    case 'lateRatePct': return (100 * w.late) / judged;
    case 'retryAmplification': return w.userRequests > 0 ? w.attempts / w.userRequests : 1;
    case 'deadLettered': return w.deadLettered;
    case 'asyncBacklog': return asyncBacklog(result, workload, build);
    case 'backgroundLatePct': return backgroundLatePct(result, workload, build);
    case 'duplicates': return w.duplicates;
    case 'fallbackPct': return (100 * w.fallbacks) / judged;
  }
}

/** Background jobs done late, dead-lettered or never done, as a share of those accepted (in %). */
export function backgroundLatePct(result: SimResult, workload: string, build: ModelBuild): number {
  const w = result.workloads.find((x) => x.id === workload);
  if (!w || build.paths[workload]?.asyncFrom == null) return 0;
  const accepted = w.successes + w.late;
  if (accepted <= 0) return 0;
  return Math.min(100, (100 * (w.asyncLate + w.deadLettered + asyncBacklog(result, workload, build))) / accepted);
}

/** Background messages accepted but neither done nor dead-lettered by the end: work piling up unseen. */
export function asyncBacklog(result: SimResult, workload: string, build: ModelBuild): number {
  const w = result.workloads.find((x) => x.id === workload);
  if (!w || build.paths[workload]?.asyncFrom == null) return 0;
  // A fallback answer put nothing in the queue: only real acceptances start background work.
  const accepted = w.successes + w.late;
  return Math.max(0, accepted - w.asyncCompleted - w.deadLettered);
}

const hasKind = (design: Design, kind: string) => design.components.some((c) => c.kind === kind);

export function evaluate(cond: Condition, ctx: ConditionContext): ConditionOutcome {
  if ('all' in cond) {
    const parts = cond.all.map((c) => evaluate(c, ctx));
    return { holds: parts.every((p) => p.holds), evidence: parts.flatMap((p) => p.evidence) };
  }
  if ('any' in cond) {
    const parts = cond.any.map((c) => evaluate(c, ctx)).filter((p) => p.holds);
    return { holds: parts.length > 0, evidence: parts.flatMap((p) => p.evidence) };
  }
  if ('not' in cond) return { holds: !evaluate(cond.not, ctx).holds, evidence: [] };
  const { result, design, build } = ctx;
  const named = (workload: string) => ctx.labels?.[workload] ?? workload;

  if ('metric' in cond && 'kind' in cond) {
    const matches = result.components.filter((c) => c.kind === cond.kind && within(componentMetric(c, cond.metric), cond));
    return { holds: matches.length > 0, evidence: matches.map((c) => `${nameIn(build, c.id)}: ${describeComponentMetric(cond.metric, componentMetric(c, cond.metric), c)}`) };
  }
  if ('metric' in cond && 'workload' in cond) {
    const v = workloadMetric(result, build, cond.workload, cond.metric);
    if (v === null || !within(v, cond)) return { holds: false, evidence: [] };
    const timeoutMs = design.policies[cond.workload]?.timeoutMs ?? null;
    const words = cond.metric === 'p95Ms' && timeoutMs !== null && v >= timeoutMs ? `p95 past its ${duration(timeoutMs)} timeout: those users gave up` : describeWorkloadMetric(cond.metric, v);
    return { holds: true, evidence: [`${named(cond.workload)}: ${words}`] };
  }
  if ('total' in cond) {
    const v = cond.total === 'oversoldUnits'
      ? result.components.reduce((s, c) => s + componentMetric(c, 'oversoldUnits'), 0)
      : cond.total === 'costPerMonth' ? result.totals.costPerMonth : result.totals[cond.total];
    if (!within(v, cond)) return { holds: false, evidence: [] };
    return { holds: true, evidence: [describeTotal(cond.total, v)] };
  }
  if ('saturatedBy' in cond) {
    const hits = result.explanation.saturated.filter((s) => s.drivenBy === cond.saturatedBy && (!cond.kind || result.components.find((c) => c.id === s.component)?.kind === cond.kind));
    return {
      holds: hits.length > 0,
      evidence: hits.map((s) => `${nameIn(build, s.component)} reached ${Math.round(s.utilisation * 100)} % busy${s.resource === 'cpu' ? ' (its CPU)' : ''}; ${Math.round(s.drivenByShare * 100)} % of its work came from ${named(s.drivenBy ?? '')}`),
    };
  }
  if ('designLacks' in cond) return { holds: !hasKind(design, cond.designLacks), evidence: hasKind(design, cond.designLacks) ? [] : [`the design has no ${kindLabel(cond.designLacks)}`] };
  if ('designHas' in cond) return { holds: hasKind(design, cond.designHas), evidence: [] };
  if ('policy' in cond) {
    const p = design.policies[cond.policy];
    if (!p) return { holds: false, evidence: [] };
    const ok = (cond.retry === undefined || p.retry === cond.retry) && (cond.timeout === undefined || (cond.timeout === 'none') === (p.timeoutMs === null)) && (cond.fallback === undefined || p.fallback === cond.fallback);
    const what = [cond.retry !== undefined ? `retry: ${p.retry}${p.retry !== 'none' ? ` × ${p.maxAttempts}` : ''}` : '', cond.timeout !== undefined ? `timeout: ${p.timeoutMs === null ? 'none' : duration(p.timeoutMs)}` : '', cond.fallback !== undefined ? `fallback: ${p.fallback ? 'on' : 'off'}` : ''].filter(Boolean);
    return { holds: ok, evidence: ok ? [`${named(cond.policy)} policy: ${what.join(', ')}`] : [] };
  }
  if ('drill' in cond) return { holds: cond.drill === Boolean(ctx.drill), evidence: [] };
  if ('stepInBackground' in cond) {
    const late = build.assignments.filter((a) => a.mustFinishFirst && a.inBackground);
    const holds = cond.stepInBackground ? late.length > 0 : late.length === 0;
    return { holds, evidence: cond.stepInBackground ? late.map((a) => `${named(a.workload)}: "${a.step}" runs in the background, after the user was answered`) : [] };
  }
  // stepDoneBy
  const { workload, step, kind, inBackground } = cond.stepDoneBy;
  const hit = build.assignments.find((a) => a.workload === workload && a.step === step && a.kind === kind && (inBackground === undefined || a.inBackground === inBackground));
  const when = hit ? (hit.inBackground ? ', in the background' : ', while the user waits') : '';
  return { holds: hit !== undefined, evidence: hit ? [`${named(workload)}: "${step}" is done by ${nameIn(build, hit.componentId)}${when}`] : [] };
}

/** "2 instances × 8 threads", "1 instance × 20 connections": what "100 % busy" is a share of. */
function serversIn(c: ComponentResult): string {
  const instances = Math.max(1, Math.round(c.instances));
  const each = Math.round(c.servers / instances);
  const unit = serverNoun(c.kind);
  return `${instances} ${instances === 1 ? 'instance' : 'instances'} × ${each} ${unit}`;
}

/** Milliseconds a person can read: 850 ms, 4.2 s, 12 min, 7.6 h. */
export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return 'never';
  if (ms < 1000) return `${fmt(ms)} ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toPrecision(2))} s`;
  if (ms < 3_600_000) return `${Number((ms / 60_000).toPrecision(2))} min`;
  return `${Number((ms / 3_600_000).toPrecision(2))} h`;
}

function describeComponentMetric(metric: (typeof COMPONENT_METRICS)[number], v: number, c: ComponentResult): string {
  switch (metric) {
    case 'peakUtilisation': return `peaked at ${Math.round(v * 100)} % busy (${serversIn(c)})`;
    case 'utilisation': return `${Math.round(v * 100)} % busy on average`;
    case 'cpuUtilisation': return `its CPU ${Math.round(v * 100)} % busy on average`;
    case 'peakCpuUtilisation': return `its CPU ${Math.round(v * 100)} % busy at the peak, while ${Math.round(c.peakUtilisation * 100)} % of its ${serverNoun(c.kind)} (${serversIn(c)}) were taken`;
    case 'peakQueueDepth': return `up to ${fmt(v)} waiting`;
    case 'queueDepth': return `${fmt(v)} waiting on average`;
    case 'rejected': return `${fmt(v)} requests rejected`;
    case 'errors': return `${fmt(v)} errors`;
    case 'deadLettered': return `${fmt(v)} messages dead-lettered`;
    case 'cacheHitRatio': return `hit ratio ${Math.round(v * 1000) / 10} %`;
    case 'oversoldUnits': return `${fmt(v)} units sold that did not exist`;
  }
}

/** A whole-run figure in words, never by its field name ("p95Ms: 4,849,000 ms"). */
function describeTotal(total: (typeof TOTAL_METRICS)[number], v: number): string {
  switch (total) {
    case 'uptimePct': return `${fmt(v)} % of all requests answered well`;
    case 'p95Ms': return `p95 latency over the whole run ${duration(v)}`;
    case 'costPerMonth': return `the design costs $${fmt(v)} a month`;
    case 'oversoldUnits': return v > 0 ? `${fmt(v)} units sold that did not exist` : 'no units oversold';
  }
}

function describeWorkloadMetric(metric: (typeof WORKLOAD_METRICS)[number], v: number): string {
  switch (metric) {
    case 'uptimePct': return `${fmt(v)} % answered well`;
    case 'p95Ms': return `p95 ${duration(v)}`;
    case 'errorRatePct': return `${fmt(v)} % errors`;
    case 'timeoutRatePct': return `${fmt(v)} % timed out`;
    case 'lateRatePct': return `${fmt(v)} % answered after the deadline`;
    case 'retryAmplification': return `${fmt(v)} attempts per user request`;
    case 'deadLettered': return `${fmt(v)} messages dead-lettered`;
    case 'asyncBacklog': return `${fmt(v)} background jobs never finished`;
    case 'backgroundLatePct': return `${fmt(v)} % of background jobs late or lost`;
    case 'duplicates': return `${fmt(v)} side effects done twice by retries`;
    case 'fallbackPct': return `${fmt(v)} % answered with the fallback`;
  }
}
