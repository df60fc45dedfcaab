/**
 * Turns a learner's design into a simulator model under the scenario's
 * traffic: follows each workload's wires from the users to find its path,
 * hands each piece of work (a step) to the first component on the path that
 * can do it, and reports every problem in words a learner can act on.
 */
import type { ModelInput, ServiceTimeSpec } from '../sim/types';
import type { ComponentKind } from '../sim/models/componentKind';
import { KINDS, kindsWith } from '../sim/models/index';
import { checkOptions, kindLabel, optionsToModel, paletteEntry } from './palette';
import type { ScenarioDrillSpec, ScenarioSpec, ScenarioStepSpec, ScenarioWorkloadSpec } from './scenarioSchema';
import { USERS_NODE, type Design, type DesignProblem } from './types';
import { componentNames } from './componentNames';
import type { ModelBuild, StepAssignment } from './modelBuild';
import { withArticle } from './article';

/** Kinds after which the rest of a path runs in the background: the user is answered on acceptance. */
export const ASYNC_KINDS: ReadonlySet<string> = new Set(kindsWith('asynchronous'));
const CACHE_KINDS: ReadonlySet<string> = new Set(kindsWith('cache'));
/** Compute instances whose CPU is their size (the default threads), whatever threads the learner sets. */
const INSTANCE_KINDS: ReadonlySet<string> = new Set(kindsWith('sizedInstance'));
const LOCKING_KINDS: ReadonlySet<string> = new Set(kindsWith('rowLocks'));
const SHARDED_KINDS: ReadonlySet<string> = new Set(kindsWith('scalesByShards'));
const RELAY_SERVICE: ServiceTimeSpec = { distribution: 'exponential', meanMs: 1 };

interface Node {
  id: string;
  kind: ComponentKind;
  label: string;
}

function nodesOf(scenario: ScenarioSpec, design: Design, names: Map<string, string>): Map<string, Node> {
  const nodes = new Map<string, Node>();
  for (const f of scenario.fixed ?? []) nodes.set(f.id, { id: f.id, kind: f.kind as ComponentKind, label: f.label });
  for (const c of design.components) if (!nodes.has(c.id)) nodes.set(c.id, { id: c.id, kind: c.kind, label: names.get(c.id) ?? c.id });
  return nodes;
}

function checkComponents(scenario: ScenarioSpec, design: Design, names: Map<string, string>, problems: DesignProblem[]): void {
  const fixedIds = new Set((scenario.fixed ?? []).map((f) => f.id));
  const seen = new Set<string>();
  for (const c of design.components) {
    if (c.id === USERS_NODE || fixedIds.has(c.id)) problems.push({ severity: 'error', component: c.id, message: `"${c.id}" is a name the scenario already uses; rename this ${kindLabel(c.kind)}` });
    if (seen.has(c.id)) problems.push({ severity: 'error', component: c.id, message: `two components are called "${c.id}"; names must be unique` });
    seen.add(c.id);
    if (!scenario.offered.includes(c.kind)) {
      problems.push({ severity: 'error', component: c.id, message: `this scenario does not offer ${withArticle(kindLabel(c.kind))} ("${c.id}"); it offers: ${scenario.offered.map(kindLabel).join(', ')}` });
      continue;
    }
    const entry = paletteEntry(c.kind);
    if (c.instances > entry.maxInstances) problems.push({ severity: 'error', component: c.id, message: `${names.get(c.id) ?? c.id}: at most ${entry.maxInstances} instances of ${withArticle(entry.label)}, got ${c.instances}` });
    for (const p of checkOptions(c.kind, c.options)) problems.push({ severity: 'error', component: c.id, message: `${names.get(c.id) ?? c.id}: ${p}` });
  }
}

function followPaths(scenario: ScenarioSpec, design: Design, nodes: Map<string, Node>, problems: DesignProblem[]): ModelBuild['paths'] {
  const workloadIds = new Set(scenario.workloads.map((w) => w.id));
  const wires = design.wires.filter((w, i) => {
    const where = `wire ${i + 1} (${nodes.get(w.from)?.label ?? (w.from === USERS_NODE ? 'Users' : w.from)} → ${nodes.get(w.to)?.label ?? w.to})`;
    if (w.from !== USERS_NODE && !nodes.has(w.from)) return problems.push({ severity: 'error', message: `${where} starts at "${w.from}", which is not on the canvas` }), false;
    if (!nodes.has(w.to)) return problems.push({ severity: 'error', message: `${where} ends at "${w.to}", which is not on the canvas` }), false;
    for (const id of w.workloads) if (!workloadIds.has(id)) problems.push({ severity: 'error', message: `${where} carries "${id}", which is not a workload of this scenario` });
    return true;
  });
  const paths: ModelBuild['paths'] = {};
  for (const w of scenario.workloads) {
    const hops: string[] = [];
    let at = USERS_NODE;
    const name = (id: string) => (id === USERS_NODE ? 'Users' : (nodes.get(id)?.label ?? id));
    for (;;) {
      const out = wires.filter((x) => x.from === at && x.workloads.includes(w.id));
      if (out.length > 1) {
        problems.push({ severity: 'error', workload: w.id, component: at, message: `${w.label}: ${out.length} wires carry it out of ${name(at)} (to ${out.map((x) => name(x.to)).join(' and ')}); a request follows one path, so untick it on all but one` });
        break;
      }
      const next = out[0]?.to;
      if (next === undefined) break;
      if (hops.includes(next)) {
        problems.push({ severity: 'error', workload: w.id, component: next, message: `${w.label}: its wires loop back to ${name(next)}` });
        break;
      }
      hops.push(next);
      at = next;
    }
    if (hops.length === 0) problems.push({ severity: 'error', workload: w.id, message: `${w.label} has no path yet: wire Users to the first component it needs and tick "${w.label}" on that wire` });
    const asyncAt = hops.findIndex((h) => ASYNC_KINDS.has(nodes.get(h)?.kind ?? ''));
    paths[w.id] = { hops, asyncFrom: asyncAt >= 0 && asyncAt < hops.length - 1 ? asyncAt + 1 : null };
  }
  const used = new Set(Object.values(paths).flatMap((p) => p.hops));
  for (const c of design.components) if (!used.has(c.id)) problems.push({ severity: 'warning', component: c.id, message: `${nodes.get(c.id)?.label ?? c.id} is on no workload's path: it costs money and does nothing` });
  return paths;
}

const canDo = (step: ScenarioStepSpec, node: Node) => step.doneBy.includes(node.kind) || step.doneBy.includes(node.id);

/**
 * Hands the steps, in order, to the hops. A hop does the next step if it can. If it cannot and
 * nothing later on the path can either, an earlier hop on the same side of the queue may (the app
 * server renders after the database answers: the request returns through it). A cache never does
 * a step itself: on a miss the component behind it still must.
 */
function assignSteps(steps: ScenarioStepSpec[], path: Node[], asyncFrom: number | null): ScenarioStepSpec[][] {
  const taken: ScenarioStepSpec[][] = path.map(() => []);
  const side = (i: number) => (asyncFrom !== null && i >= asyncFrom ? 1 : 0);
  const able = (step: ScenarioStepSpec, i: number) => !CACHE_KINDS.has(path[i]!.kind) && canDo(step, path[i]!);
  let next = 0;
  for (let i = 0; i < path.length && next < steps.length; i++) {
    while (next < steps.length) {
      const step = steps[next]!;
      if (able(step, i)) {
        taken[i]!.push(step);
        next++;
        continue;
      }
      if (path.some((_, k) => k > i && able(step, k))) break;
      let back = -1;
      for (let j = i - 1; j >= 0 && side(j) === side(i); j--) {
        if (able(step, j)) {
          back = j;
          break;
        }
      }
      if (back < 0) break;
      taken[back]!.push(step);
      next++;
    }
  }
  return taken;
}

function serviceOf(steps: ScenarioStepSpec[]): ServiceTimeSpec | undefined {
  const timed = steps.filter((s) => s.serviceMs !== undefined);
  if (timed.length === 0) return undefined;
  const meanMs = timed.reduce((sum, s) => sum + (s.serviceMs ?? 0), 0);
  const distribution = timed[0]?.distribution ?? 'exponential';
  if (distribution === 'uniform') return { distribution, minMs: meanMs * 0.5, maxMs: meanMs * 1.5 };
  return { distribution, meanMs };
}

/** Background work must be done within this unless the scenario says otherwise. */
export const DEFAULT_BACKGROUND_WITHIN_MINUTES = 5;
export const backgroundWithinMinutes = (w: ScenarioWorkloadSpec): number => w.backgroundWithinMinutes ?? DEFAULT_BACKGROUND_WITHIN_MINUTES;

/** How many hops after the cache at hop i a hit may skip: those whose steps are all reads a cache can keep. */
function cacheableRun(taken: ScenarioStepSpec[][], i: number): number {
  let n = 0;
  for (let k = i + 1; k < taken.length; k++) {
    const steps = taken[k]!;
    if (steps.length === 0 || !steps.every((st) => st.cacheable === true)) break;
    n++;
  }
  return n;
}

/** Steps placed where they cannot do what the learner meant: said before the run, in a learner's words. */
function placementProblems(w: ScenarioWorkloadSpec, path: Node[], taken: ScenarioStepSpec[][], asyncFrom: number | null): DesignProblem[] {
  const problems: DesignProblem[] = [];
  const queue = asyncFrom !== null ? path[asyncFrom - 1] : undefined;
  taken.forEach((steps, i) => {
    const inBackground = asyncFrom !== null && i >= asyncFrom;
    for (const st of steps) {
      if (inBackground && st.answers && queue) {
        problems.push({ severity: 'error', workload: w.id, component: queue.id, message: `${w.label}: "${st.label}" is what the user is waiting for, and ${queue.label} would answer before it is done: ${withArticle(kindLabel(queue.kind))} cannot answer a read. Take ${w.label} off the wire into ${queue.label}, or put ${queue.label} after that step` });
      } else if (inBackground && st.mustFinishFirst && queue) {
        problems.push({ severity: 'warning', workload: w.id, component: queue.id, message: `${w.label}: "${st.label}" must be done before the user is told it worked, but it runs after ${queue.label}, once the user has been answered` });
      }
    }
  });
  path.forEach((node, i) => {
    if (!CACHE_KINDS.has(node.kind)) return;
    if (cacheableRun(taken, i) > 0) return;
    const next = taken.slice(i + 1).flat()[0];
    if (next) problems.push({ severity: 'warning', workload: w.id, component: node.id, message: `${w.label} goes through ${node.label}, but a cache cannot "${next.label}": every ${w.label} request goes on past it, so it only adds a hop` });
  });
  return problems;
}

/**
 * A workload wired on past the hop that does its last step: the hops after it do nothing for it,
 * yet every request (or message) still goes through them, waits on them and can fail in them.
 */
function pastLastStep(w: ScenarioWorkloadSpec, path: Node[], taken: ScenarioStepSpec[][]): DesignProblem | null {
  let last = -1;
  taken.forEach((steps, i) => {
    if (steps.length > 0) last = i;
  });
  const extra = path[last + 1];
  if (last < 0 || !extra) return null;
  const from = path[last]!;
  const lastStep = taken[last]!.at(-1)!;
  return {
    severity: 'error',
    workload: w.id,
    component: extra.id,
    message: `${w.label} is sent on from ${from.label} to ${extra.label} after its last step ("${lastStep.label}"), and nothing there is left to do for it: untick ${w.label} on the wire from ${from.label} to ${extra.label}`,
  };
}

/** The scenario's traffic in the model language. */
export function trafficOf(scenario: ScenarioSpec): ModelInput['traffic'] {
  const t = scenario.traffic;
  return {
    baselineUsers: t.baselineUsers,
    peakUsers: t.peakUsers,
    requestsPerUserPerSec: t.requestsPerUserPerSec,
    shape: t.shape,
    durationHours: t.hours,
    ...(t.startHour !== undefined ? { startSec: t.startHour * 3600 } : {}),
    ...(t.rampMinutes !== undefined ? { rampSec: t.rampMinutes * 60 } : {}),
    ...(t.holdHours !== undefined ? { holdSec: t.holdHours * 3600 } : {}),
  };
}

export function designToModel(scenario: ScenarioSpec, design: Design, drill?: ScenarioDrillSpec): ModelBuild {
  const problems: DesignProblem[] = [];
  const names = componentNames(scenario, design);
  checkComponents(scenario, design, names, problems);
  const nodes = nodesOf(scenario, design, names);
  const paths = followPaths(scenario, design, nodes, problems);
  const assignments: StepAssignment[] = [];
  const workloads: ModelInput['workloads'] = {};

  for (const w of scenario.workloads) {
    const { hops, asyncFrom } = paths[w.id] ?? { hops: [], asyncFrom: null };
    const taken = assignSteps(w.steps, hops.map((id) => nodes.get(id)!), asyncFrom);
    for (const [i, steps] of taken.entries()) {
      const node = nodes.get(hops[i]!)!;
      for (const st of steps) assignments.push({ workload: w.id, step: st.label, componentId: node.id, kind: node.kind, mustFinishFirst: st.mustFinishFirst ?? false, inBackground: asyncFrom !== null && i >= asyncFrom });
    }
    const modelPath = hops.map((id, i) => {
      const node = nodes.get(id)!;
      const mine = taken[i] ?? [];
      // A compute instance with no step of its own only relays the call (a worker calling the provider): about a millisecond.
      const serviceTime = serviceOf(mine) ?? (INSTANCE_KINDS.has(node.kind) ? RELAY_SERVICE : undefined);
      const locksRow = mine.some((st) => st.locksRow) && LOCKING_KINDS.has(node.kind);
      const sideEffect = mine.some((st) => st.sideEffect !== undefined);
      // A hit answers only the reads a cache can keep: it never skips saving an order or charging a card.
      const skipOnHit = CACHE_KINDS.has(node.kind) ? cacheableRun(taken, i) : undefined;
      const options = { ...(serviceTime ? { serviceTime } : {}), ...(locksRow ? { locksRow: true } : {}), ...(sideEffect ? { sideEffect: true } : {}), ...(skipOnHit !== undefined ? { skipOnHit } : {}) };
      return Object.keys(options).length > 0 ? { component: id, ...options } : id;
    });
    problems.push(...placementProblems(w, hops.map((id) => nodes.get(id)!), taken, asyncFrom));
    const next = taken.reduce((n, list) => n + list.length, 0);
    const beyond = next === w.steps.length ? pastLastStep(w, hops.map((id) => nodes.get(id)!), taken) : null;
    if (beyond) problems.push(beyond);
    if (hops.length > 0 && next < w.steps.length) {
      const step = w.steps[next]!;
      const after = next > 0 ? ` after "${w.steps[next - 1]!.label}"` : '';
      problems.push({ severity: 'error', workload: w.id, message: `${w.label}: nothing on its path can "${step.label}"${after}; it needs ${step.doneBy.map((d) => (nodes.get(d)?.label ?? withArticle(kindLabel(d)))).join(' or ')} on the path` });
    }
    const policy = design.policies[w.id];
    workloads[w.id] = {
      share: w.share,
      ...(w.part ? { part: w.part } : {}),
      deadlineMs: w.deadlineMs,
      path: modelPath.length > 0 ? modelPath : [USERS_NODE],
      ...(policy?.timeoutMs ? { timeoutMs: policy.timeoutMs } : {}),
      ...(policy && policy.retry !== 'none' ? { retry: { policy: policy.retry, maxAttempts: policy.maxAttempts, jitter: policy.retry === 'exponential' } } : {}),
      // What a fallback gives the user is the scenario's to say: a cached page counts as up, a checkout that took no order does not.
      ...(policy?.fallback ? { fallback: { latencyMs: 5, acceptable: w.fallback?.acceptable === true } } : {}),
      ...(policy?.idempotencyKey ? { idempotencyKey: true } : {}),
      ...(asyncFrom !== null ? { backgroundDeadlineMs: backgroundWithinMinutes(w) * 60_000 } : {}),
    };
  }

  if (problems.some((p) => p.severity === 'error')) return { model: null, problems, paths, assignments, names };

  const components: ModelInput['components'] = {};
  for (const f of scenario.fixed ?? []) components[f.id] = { kind: f.kind, label: f.label, ...(scenario.settings?.[f.kind] ?? {}), ...(f.model ?? {}) } as ModelInput['components'][string];
  for (const c of design.components) {
    const cache = CACHE_KINDS.has(c.kind) && scenario.data ? { keyCount: scenario.data.keyCount, zipfExponent: scenario.data.zipfExponent } : {};
    // A stock counter scales by shards (its own setting), not instances.
    // A priced instance has the CPU of its size: more threads than that help only while they wait on calls.
    const cpu = INSTANCE_KINDS.has(c.kind) ? { cpuCores: KINDS[c.kind].defaults.concurrency.value } : {};
    components[c.id] = { kind: c.kind, ...(c.label ? { label: c.label } : {}), ...(SHARDED_KINDS.has(c.kind) ? {} : { instances: c.instances }), ...cache, ...cpu, ...(scenario.settings?.[c.kind] ?? {}), ...optionsToModel(c.kind, c.options) } as ModelInput['components'][string];
  }
  const faults = drill ? faultsOf(scenario, design, drill) : [];
  const model: ModelInput = {
    name: scenario.title,
    traffic: trafficOf(scenario),
    components,
    workloads,
    ...(faults.length ? { faults } : {}),
  };
  return { model, problems, paths, assignments, names };
}

function faultsOf(scenario: ScenarioSpec, design: Design, drill: ScenarioDrillSpec): NonNullable<ModelInput['faults']> {
  const { target, effect, factor, errorRate, fromHour, toHour } = drill.fault;
  const ids = [...(scenario.fixed ?? []).filter((f) => f.id === target || f.kind === target).map((f) => f.id), ...design.components.filter((c) => c.kind === target).map((c) => c.id)];
  return ids.map((component) => ({ component, effect, fromSec: fromHour * 3600, toSec: toHour * 3600, ...(factor !== undefined ? { factor } : {}), ...(errorRate !== undefined ? { errorRate } : {}) }));
}
