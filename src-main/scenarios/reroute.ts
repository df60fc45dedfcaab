/**
 * The structural change a hint's remedy can make: put new components on one
 * workload's path, just before one of its hops (an auth service where logins
 * hashed on the app servers, a queue and workers before the payment provider,
 * a cache before the database), optionally in place of that hop. Only that
 * workload's wires change, so the learner sees one idea applied, not a whole
 * other design.
 */
import type { ComponentKind } from '../sim/defaults';
import { kindLabel } from './palette';
import { USERS_NODE, type Design, type DesignComponent, type OptionValues } from './types';

export interface RerouteSpec {
  workload: string;
  /** The hop to insert before: a component kind, or a fixed component's id. */
  at: string;
  insert: { kind: ComponentKind; instances?: number | undefined; options?: OptionValues | undefined }[];
  /** Take the `at` hop off this workload's path (the inserted components do its work). */
  replace?: boolean | undefined;
}

const article = (label: string): string => (/^[AEIOU]/.test(label) ? 'an' : 'a');

/** The workload's path from Users, following its wires (the first wire out of each node). */
function pathOf(design: Design, workload: string): string[] {
  const hops: string[] = [];
  let at = USERS_NODE;
  for (;;) {
    const next = design.wires.find((w) => w.from === at && w.workloads.includes(workload))?.to;
    if (next === undefined || hops.includes(next)) return hops;
    hops.push(next);
    at = next;
  }
}

function untick(design: Design, from: string, to: string, workload: string): void {
  const wire = design.wires.find((w) => w.from === from && w.to === to);
  if (!wire) return;
  wire.workloads = wire.workloads.filter((w) => w !== workload);
  if (wire.workloads.length === 0) design.wires.splice(design.wires.indexOf(wire), 1);
}

function tick(design: Design, from: string, to: string, workload: string): void {
  const wire = design.wires.find((w) => w.from === from && w.to === to);
  if (wire) {
    if (!wire.workloads.includes(workload)) wire.workloads.push(workload);
  } else design.wires.push({ from, to, workloads: [workload] });
}

function freeId(design: Design, kind: string): string {
  const base = kind.replace(/[A-Z]/g, (c) => c.toLowerCase()).slice(0, 20);
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}${n}`;
    if (!design.components.some((c) => c.id === id)) return id;
  }
}

/**
 * Applies the reroute to a copy of the design; returns it and the changes in words. `fixedKinds` maps
 * a fixed component's id to its kind, so `at` may name either. A path without the hop is left alone.
 */
export function reroute(design: Design, spec: RerouteSpec, labels: { workload: string; fixedKinds: Record<string, string> }): { design: Design; changes: string[] } {
  const next: Design = structuredClone(design);
  const path = pathOf(next, spec.workload);
  const kindOf = (id: string) => next.components.find((c) => c.id === id)?.kind ?? labels.fixedKinds[id];
  const k = path.findIndex((id) => id === spec.at || kindOf(id) === spec.at);
  if (k < 0) return { design: next, changes: [`${labels.workload} has no ${kindLabel(spec.at)} on its path to change`] };
  const at = path[k]!;
  const before = k > 0 ? path[k - 1]! : USERS_NODE;
  const after = k + 1 < path.length ? path[k + 1]! : null;
  const anchor = next.components.find((c) => c.id === at);
  const added: DesignComponent[] = spec.insert.map((c, i) => {
    // A component of that kind off this path already (a worker pool for other jobs) is reused; otherwise a new one.
    const existing = next.components.find((x) => x.kind === c.kind && !path.includes(x.id));
    if (existing) return existing;
    const made: DesignComponent = { id: freeId(next, c.kind), kind: c.kind, x: (anchor?.x ?? 400) + 40 * i, y: (anchor?.y ?? 200) + 160, instances: c.instances ?? 1, options: { ...(c.options ?? {}) } };
    next.components.push(made);
    return made;
  });
  untick(next, before, at, spec.workload);
  const chain = [before, ...added.map((c) => c.id), ...(spec.replace ? (after ? [after] : []) : [at])];
  if (spec.replace && after) untick(next, at, after, spec.workload);
  for (let i = 0; i + 1 < chain.length; i++) tick(next, chain[i]!, chain[i + 1]!, spec.workload);
  const names = added.map((c) => `${article(kindLabel(c.kind))} ${kindLabel(c.kind)}`).join(' and ');
  const where = spec.replace ? `in place of ${at}` : `before ${at}`;
  return { design: next, changes: [`${labels.workload}: ${names} on its path, ${where}`] };
}
