// Design -> Svelte Flow nodes and edges. Users and fixed components are not in the
// design's components; their places on the canvas come from `places`.
import { MarkerType } from '@xyflow/svelte';
import type { Design, ScenarioDocument } from '../../../src-main/api/contract';
import { formatCount } from '../../lib/format';
import type { DesignerNode, WireEdge } from './flowTypes';
import { NODE_HEIGHT, NODE_WIDTH } from './flowTypes';
import { USERS, wireKey } from './model';
import type { Positions } from './layout';
import { nameOf } from './edits';

/** Where users and fixed components go when nothing placed them: users left of everything, fixed right. */
export function defaultPlaces(doc: ScenarioDocument, design: Design): Positions {
  const xs = design.components.map((c) => c.x);
  const ys = design.components.map((c) => c.y);
  const minX = xs.length ? Math.min(...xs) : 0;
  const maxX = xs.length ? Math.max(...xs) : 0;
  const midY = ys.length ? (Math.min(...ys) + Math.max(...ys)) / 2 : 0;
  const places: Positions = { [USERS]: { x: minX - NODE_WIDTH - 60, y: midY } };
  doc.fixed.forEach((f, i) => {
    places[f.id] = { x: maxX + NODE_WIDTH + 60, y: midY + (i - (doc.fixed.length - 1) / 2) * (NODE_HEIGHT + 48) };
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
