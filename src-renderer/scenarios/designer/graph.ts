// Design -> Svelte Flow nodes and edges. Users and fixed components are not in the
// design's components; their places on the canvas come from `places`.
import { MarkerType } from '@xyflow/svelte';
import type { Design, ScenarioDocument } from '../../../src-main/api/contract';
import { formatCount } from '../../lib/format';
import type { DesignerNode, WireEdge } from './flowTypes';
import { NODE_HEIGHT, NODE_WIDTH } from './flowTypes';
import { USERS, wireKey } from './model';
import type { Positions } from './layout';
import { LAYOUT_GAPS, freeSpot, nameOf } from './edits';

/**
 * Where users and fixed components go when nothing placed them (their places live in
 * this browser, not in the design): users just left of the first component they wire
 * to, a fixed component just right of the first component wiring into it, each in
 * the nearest free spot; with no such wire, users left of everything and fixed right.
 */
export function defaultPlaces(doc: ScenarioDocument, design: Design): Positions {
  const xs = design.components.map((c) => c.x);
  const ys = design.components.map((c) => c.y);
  const minX = xs.length ? Math.min(...xs) : 0;
  const maxX = xs.length ? Math.max(...xs) : 0;
  const midY = ys.length ? (Math.min(...ys) + Math.max(...ys)) / 2 : 0;
  const at = (id: string) => design.components.find((c) => c.id === id);
  const places: Positions = {};
  const beside = (neighbour: { x: number; y: number }, side: -1 | 1) =>
    freeSpot(design, places, { x: neighbour.x + side * LAYOUT_GAPS.columnGap + NODE_WIDTH / 2, y: neighbour.y + NODE_HEIGHT / 2 });

  const first = design.wires.map((w) => (w.from === USERS ? at(w.to) : undefined)).find(Boolean);
  places[USERS] = first ? beside(first, -1) : { x: minX - NODE_WIDTH - 60, y: midY };
  doc.fixed.forEach((f, i) => {
    const source = design.wires.map((w) => (w.to === f.id ? at(w.from) : undefined)).find(Boolean);
    places[f.id] = source ? beside(source, 1) : { x: maxX + NODE_WIDTH + 60, y: midY + (i - (doc.fixed.length - 1) / 2) * (NODE_HEIGHT + 48) };
  });
  return places;
}

export function buildNodes(doc: ScenarioDocument, design: Design, places: Positions): DesignerNode[] {
  // The kind's learner-facing name; a fixed component's kind is often not on the palette.
  const kindName = (kind: string) => doc.palette.find((p) => p.kind === kind)?.label ?? (kind === 'external' ? 'External service' : kind);
  const peak = formatCount(doc.traffic.peakUsers);
  const nodes: DesignerNode[] = [
    {
      id: USERS,
      type: 'designer',
      position: places[USERS] ?? { x: -300, y: 0 },
      deletable: false,
      data: { role: 'users', kind: 'users', label: 'Users', caption: `Up to ${peak} at peak`, instances: null },
    },
  ];
  for (const f of doc.fixed) {
    nodes.push({
      id: f.id,
      type: 'designer',
      position: places[f.id] ?? { x: 400, y: 0 },
      deletable: false,
      data: { role: 'fixed', kind: f.kind, label: f.label, caption: kindName(f.kind), instances: null },
    });
  }
  for (const c of design.components) {
    nodes.push({
      id: c.id,
      type: 'designer',
      position: { x: c.x, y: c.y },
      data: { role: 'component', kind: c.kind, label: nameOf(doc, design, c.id), caption: kindName(c.kind), instances: c.instances },
    });
  }
  return nodes;
}

export function buildEdges(design: Design): WireEdge[] {
  return design.wires.map((w) => ({
    id: wireKey(w),
    type: 'wire',
    source: w.from,
    target: w.to,
    markerEnd: { type: MarkerType.ArrowClosed, width: 7, height: 7 },
    data: { workloads: w.workloads },
  }));
}
