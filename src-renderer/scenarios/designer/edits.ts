// Designer edits that take the whole canvas into account (users and fixed components
// as well as the design): pure functions of a Design and the fixed ids, so the
// Designer only applies their results to the history, the places and the selection.
import type { Design, ScenarioDocument } from '../../../src-main/api/contract';
import { NODE_HEIGHT, NODE_WIDTH, type Selection } from './flowTypes';
import { layeredLayout, type Positions } from './layout';
import { USERS, moveComponents, removeItems, wireKey } from './model';

/** Users and fixed components are on every canvas but not in the design; their places are stored apart. */
export function isPinned(id: string, fixedIds: readonly string[]): boolean {
  return id === USERS || fixedIds.includes(id);
}

/** Every node id on the canvas, users first and fixed components last. */
export function canvasIds(design: Design, fixedIds: readonly string[]): string[] {
  return [USERS, ...design.components.map((c) => c.id), ...fixedIds];
}

function occupied(design: Design, places: Positions, x: number, y: number): boolean {
  const all = [...design.components.map((c) => ({ x: c.x, y: c.y })), ...Object.values(places)];
  return all.some((p) => Math.abs(p.x - x) < NODE_WIDTH * 0.6 && Math.abs(p.y - y) < NODE_HEIGHT * 0.8);
}

/**
 * Where a component added by click (not drop) goes: centred on `centre`, stepped
 * down and right past nodes already there so repeated adds do not stack unseen.
 */
export function freeSpot(design: Design, places: Positions, centre: { x: number; y: number }): { x: number; y: number } {
  let x = centre.x - NODE_WIDTH / 2;
  let y = centre.y - NODE_HEIGHT / 2;
  for (let i = 0; i < 30 && occupied(design, places, x, y); i++) {
    x += 28;
    y += 28;
  }
  return { x, y };
}

/** The dragged users and fixed components, rounded like component moves are. */
export function pinnedMoves(positions: Positions, fixedIds: readonly string[]): Positions {
  const out: Positions = {};
  for (const [id, p] of Object.entries(positions)) if (isPinned(id, fixedIds)) out[id] = { x: Math.round(p.x), y: Math.round(p.y) };
  return out;
}

/** Deletes the selected components and wires; users and fixed components stay. Returns `design` itself when nothing goes. */
export function removeSelection(design: Design, selection: Selection, fixedIds: readonly string[]): Design {
  const removable = selection.nodes.filter((id) => !isPinned(id, fixedIds));
  return removeItems(design, removable, selection.edges);
}

export function selectEverything(design: Design, fixedIds: readonly string[]): Selection {
  return { nodes: canvasIds(design, fixedIds), edges: design.wires.map(wireKey) };
}

export function sameSelection(a: Selection, b: Selection): boolean {
  return a.nodes.join() === b.nodes.join() && a.edges.join() === b.edges.join();
}

export function isEmptySelection(selection: Selection): boolean {
  return selection.nodes.length + selection.edges.length === 0;
}

/** Auto-layout: the moved design, and the new places of users and fixed components. */
export function layOut(design: Design, fixedIds: readonly string[]): { design: Design; pinned: Positions } {
  const laid = layeredLayout(canvasIds(design, fixedIds), design.wires, { root: USERS, columnGap: NODE_WIDTH + 72, rowGap: NODE_HEIGHT + 48 });
  const pinned: Positions = {};
  const components: Positions = {};
  for (const [id, p] of Object.entries(laid)) (isPinned(id, fixedIds) ? pinned : components)[id] = p;
  return { design: moveComponents(design, components), pinned };
}

/** A node's name for the cost meter: a component's label, a fixed component's, else the id. */
export function nameOf(doc: Pick<ScenarioDocument, 'fixed'>, design: Design | null, id: string): string {
  const c = design?.components.find((x) => x.id === id);
  if (c) return c.label || c.id;
  return doc.fixed.find((f) => f.id === id)?.label ?? id;
}
