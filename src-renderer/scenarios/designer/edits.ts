// Designer edits that take the whole canvas into account (users and fixed components
// as well as the design): pure functions of a Design and the fixed ids, so the
// Designer only applies their results to the history, the places and the selection.
import type { Design, ScenarioDocument } from '../../../src-main/api/contract';
import { NODE_HEIGHT, NODE_WIDTH, READABLE_ZOOM, type Selection } from './flowTypes';
import { layeredLayout, shapedLayout, type Positions } from './layout';
import { USERS, moveComponents, removeItems, wireKey } from './model';

/** Users and fixed components are on every canvas but not in the design; their places are stored apart. */
export function isPinned(id: string, fixedIds: readonly string[]): boolean {
  return id === USERS || fixedIds.includes(id);
}

/** Every node id on the canvas, users first and fixed components last. */
export function canvasIds(design: Design, fixedIds: readonly string[]): string[] {
  return [USERS, ...design.components.map((c) => c.id), ...fixedIds];
}

type Box = { x: number; y: number; w: number; h: number };

/** Every node's box on the canvas: components from the design, users and fixed components from `places`. */
function nodeBoxes(design: Design, places: Positions): Map<string, Box> {
  const boxes = new Map<string, Box>();
  for (const [id, p] of Object.entries(places)) boxes.set(id, { x: p.x, y: p.y, w: NODE_WIDTH, h: NODE_HEIGHT });
  for (const c of design.components) boxes.set(c.id, { x: c.x, y: c.y, w: NODE_WIDTH, h: NODE_HEIGHT });
  return boxes;
}

function inside(box: Box, x: number, y: number): boolean {
  return x >= box.x && x <= box.x + box.w && y >= box.y && y <= box.y + box.h;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Whether a wire, taken as the straight line between its handles, passes through a box (sampled; wires curve gently). */
function crosses(box: Box, from: Box, to: Box): boolean {
  const x1 = from.x + from.w;
  const y1 = from.y + from.h / 2;
  const x2 = to.x;
  const y2 = to.y + to.h / 2;
  for (let i = 0; i <= 32; i++) if (inside(box, x1 + ((x2 - x1) * i) / 32, y1 + ((y2 - y1) * i) / 32)) return true;
  return false;
}

/** Room kept around a new node, so it does not touch what is there and its wires have length. */
const MARGIN = 20;

/**
 * Where a new component goes: the free spot nearest `centre` (the drop point, or the
 * middle of the view for a click), clear of every node and wire by a margin.
 */
export function freeSpot(design: Design, places: Positions, centre: { x: number; y: number }): { x: number; y: number } {
  const boxes = nodeBoxes(design, places);
  const links = design.wires.map((w) => [boxes.get(w.from), boxes.get(w.to)] as const).filter((l): l is readonly [Box, Box] => Boolean(l[0] && l[1]));
  const free = (x: number, y: number) => {
    const room = { x: x - MARGIN, y: y - MARGIN, w: NODE_WIDTH + 2 * MARGIN, h: NODE_HEIGHT + 2 * MARGIN };
    return ![...boxes.values()].some((b) => overlaps(room, b)) && !links.some(([a, b]) => crosses(room, a, b));
  };
  const x0 = centre.x - NODE_WIDTH / 2;
  const y0 = centre.y - NODE_HEIGHT / 2;
  // Candidates on a grid of half-node steps, nearest first.
  const stepX = NODE_WIDTH / 2;
  const stepY = NODE_HEIGHT / 2;
  const candidates: { x: number; y: number; d: number }[] = [];
  for (let i = -16; i <= 16; i++) {
    for (let j = -16; j <= 16; j++) candidates.push({ x: x0 + i * stepX, y: y0 + j * stepY, d: Math.hypot(i * stepX, j * stepY) });
  }
  candidates.sort((a, b) => a.d - b.d);
  const spot = candidates.find((c) => free(c.x, c.y));
  return spot ? { x: spot.x, y: spot.y } : { x: x0, y: y0 };
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

/** Gaps auto-layout leaves between nodes: wide enough that a wire is long enough to click. */
export const LAYOUT_GAPS = { root: USERS, columnGap: NODE_WIDTH + 64, rowGap: NODE_HEIGHT + 40 };

/**
 * Auto-layout: the moved design, and the new places of users and fixed components.
 * Given the canvas's size, the layers wrap into bands to suit its shape.
 */
export function layOut(design: Design, fixedIds: readonly string[], canvas?: { width: number; height: number }): { design: Design; pinned: Positions } {
  const ids = canvasIds(design, fixedIds);
  const laid = canvas
    ? shapedLayout(ids, design.wires, { ...canvas, nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT }, { ...LAYOUT_GAPS, zoom: READABLE_ZOOM })
    : layeredLayout(ids, design.wires, LAYOUT_GAPS);
  const pinned: Positions = {};
  const components: Positions = {};
  for (const [id, p] of Object.entries(laid)) (isPinned(id, fixedIds) ? pinned : components)[id] = p;
  return { design: moveComponents(design, components), pinned };
}

/**
 * A node's name as the learner reads it everywhere in the designer: the name they
 * gave a component, else its kind's name on the palette (numbered when several
 * unnamed components share it); a fixed component's label; "Users".
 */
export function nameOf(doc: Pick<ScenarioDocument, 'fixed' | 'palette'>, design: Design | null, id: string): string {
  if (id === USERS) return 'Users';
  const c = design?.components.find((x) => x.id === id);
  if (c) {
    if (c.label) return c.label;
    const kindName = doc.palette.find((p) => p.kind === c.kind)?.label ?? c.kind;
    const unnamed = design!.components.filter((x) => x.kind === c.kind && !x.label);
    return unnamed.length > 1 ? `${kindName} ${unnamed.indexOf(c) + 1}` : kindName;
  }
  return doc.fixed.find((f) => f.id === id)?.label ?? id;
}
