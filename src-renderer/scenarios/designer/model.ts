// Pure operations on a Design: every edit the designer makes goes through one of
// these and returns a new Design (the old one stays in the undo history untouched).
import type {
  Design,
  DesignComponent,
  DesignWire,
  OptionSpec,
  OptionValues,
  PaletteEntry,
  WorkloadPolicy,
} from '../../../src-main/api/contract';

/** Mirrors USERS_NODE in the contract (the renderer imports only types from src-main). */
export const USERS = 'users';

export const DEFAULT_POLICY: WorkloadPolicy = { timeoutMs: null, retry: 'none', maxAttempts: 1, fallback: false, idempotencyKey: false };

export function emptyDesign(scenarioId: string): Design {
  return { format: 'backpressure-design', version: 1, scenarioId, components: [], wires: [], policies: {} };
}

export function wireKey(wire: Pick<DesignWire, 'from' | 'to'>): string {
  return `${wire.from}->${wire.to}`;
}

export function defaultOptions(specs: OptionSpec[]): OptionValues {
  return Object.fromEntries(specs.map((spec) => [spec.key, spec.default]));
}

/** The value an option has on a component: its own, else the spec's default. */
export function optionValue(component: DesignComponent, spec: OptionSpec): number | string | boolean {
  const value = component.options[spec.key];
  return value === undefined ? spec.default : value;
}

export function policyOf(design: Design, workloadId: string): WorkloadPolicy {
  return design.policies[workloadId] ?? DEFAULT_POLICY;
}

/**
 * A workload's path as the wires draw it: start at users and follow the wire
 * leaving each node that carries the workload. Node ids in order, users excluded;
 * stops at a node with no such wire or before revisiting a node.
 */
export function workloadPath(design: Design, workloadId: string): string[] {
  const path: string[] = [];
  const seen = new Set<string>([USERS]);
  let at = USERS;
  for (;;) {
    const next = design.wires.find((w) => w.from === at && w.workloads.includes(workloadId));
    if (!next || seen.has(next.to)) return path;
    path.push(next.to);
    seen.add(next.to);
    at = next.to;
  }
}

export type ConnectResult = { ok: true; design: Design; wire: DesignWire } | { ok: false; reason: string; existing?: DesignWire };

/**
 * Adds a wire from one node to another, carrying nothing: the learner ticks what it
 * carries, so no workload is ever routed somewhere nobody chose. Dragging a wire and
 * "Connect to..." both come here.
 */
export function connect(design: Design, from: string, to: string): ConnectResult {
  if (from === to) return { ok: false, reason: 'A component cannot be wired to itself.' };
  if (to === USERS) return { ok: false, reason: 'Wires start at the users; nothing can be wired back to them.' };
  const existing = design.wires.find((w) => w.from === from && w.to === to);
  if (existing) return { ok: false, reason: 'These two are already wired.', existing };
  const wire: DesignWire = { from, to, workloads: [] };
  return { ok: true, design: { ...design, wires: [...design.wires, wire] }, wire };
}

/** A fresh id for a new component of a kind: "server", then "server-2", ... */
export function nextComponentId(design: Design, taken: Iterable<string>, kind: string): string {
  const used = new Set<string>([USERS, ...taken, ...design.components.map((c) => c.id)]);
  const base = kind
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-');
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function addComponent(
  design: Design,
  entry: PaletteEntry,
  position: { x: number; y: number },
  taken: Iterable<string> = [],
): { design: Design; id: string } {
  const id = nextComponentId(design, taken, entry.kind);
  const component: DesignComponent = {
    id,
    kind: entry.kind,
    label: entry.label,
    x: Math.round(position.x),
    y: Math.round(position.y),
    instances: 1,
    options: defaultOptions(entry.options),
  };
  return { design: { ...design, components: [...design.components, component] }, id };
}

/** Removes learner components (and their wires) and wires; users and fixed ids are ignored. */
export function removeItems(design: Design, componentIds: Iterable<string>, wireKeys: Iterable<string>): Design {
  const ids = new Set(componentIds);
  const keys = new Set(wireKeys);
  const components = design.components.filter((c) => !ids.has(c.id));
  const removed = new Set(design.components.filter((c) => ids.has(c.id)).map((c) => c.id));
  const wires = design.wires.filter((w) => !keys.has(wireKey(w)) && !removed.has(w.from) && !removed.has(w.to));
  if (components.length === design.components.length && wires.length === design.wires.length) return design;
  return { ...design, components, wires };
}

export function updateComponent(design: Design, id: string, patch: Partial<Omit<DesignComponent, 'id' | 'kind'>>): Design {
  return { ...design, components: design.components.map((c) => (c.id === id ? { ...c, ...patch } : c)) };
}

export function setOption(design: Design, id: string, key: string, value: number | string | boolean): Design {
  return { ...design, components: design.components.map((c) => (c.id === id ? { ...c, options: { ...c.options, [key]: value } } : c)) };
}

export function moveComponents(design: Design, positions: Record<string, { x: number; y: number }>): Design {
  let changed = false;
  const components = design.components.map((c) => {
    const p = positions[c.id];
    if (!p) return c;
    const x = Math.round(p.x);
    const y = Math.round(p.y);
    if (x === c.x && y === c.y) return c;
    changed = true;
    return { ...c, x, y };
  });
  return changed ? { ...design, components } : design;
}

/** Ticks or unticks one workload on a wire, keeping the scenario's workload order. */
export function setWireWorkload(design: Design, key: string, workloadId: string, carried: boolean, order: string[]): Design {
  return {
    ...design,
    wires: design.wires.map((w) => {
      if (wireKey(w) !== key) return w;
      const set = new Set(w.workloads);
      if (carried) set.add(workloadId);
      else set.delete(workloadId);
      return { ...w, workloads: order.filter((id) => set.has(id)).concat([...set].filter((id) => !order.includes(id))) };
    }),
  };
}

export function setPolicy(design: Design, workloadId: string, patch: Partial<WorkloadPolicy>): Design {
  return { ...design, policies: { ...design.policies, [workloadId]: { ...policyOf(design, workloadId), ...patch } } };
}

/** An empty canvas: no learner components and no wires; policies stay. */
export function clearDesign(design: Design): Design {
  return { ...design, components: [], wires: [] };
}

/** Gives every workload a policy and every component all its options, so the inspector shows real values. */
export function completeDesign(design: Design, workloadIds: string[], palette: PaletteEntry[]): Design {
  const policies: Record<string, WorkloadPolicy> = { ...design.policies };
  for (const id of workloadIds) policies[id] ??= { ...DEFAULT_POLICY };
  const components = design.components.map((c) => {
    const entry = palette.find((p) => p.kind === c.kind);
    return entry ? { ...c, options: { ...defaultOptions(entry.options), ...c.options } } : c;
  });
  return { ...design, components, policies };
}
