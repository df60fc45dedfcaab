// The canvas's node and edge shapes (Svelte Flow's), built from a Design.
import type { ColorMode, Edge, Node } from '@xyflow/svelte';
import type { Positions } from './layout';
import type { Design, ScenarioDocument } from '../../../src-main/api/contract';

export type NodeRole = 'users' | 'fixed' | 'component';

export interface DesignerNodeData extends Record<string, unknown> {
  role: NodeRole;
  kind: string;
  label: string;
  /** The kind's name (a component's palette label), or the users' peak. */
  caption: string;
  instances: number | null;
}

export type DesignerNode = Node<DesignerNodeData, 'designer'>;

export interface WireData extends Record<string, unknown> {
  workloads: string[];
}

export type WireEdge = Edge<WireData, 'wire'>;

/** Node size on the canvas; auto-layout and "add" placement use it too. */
export const NODE_WIDTH = 172;
export const NODE_HEIGHT = 56;

/**
 * The least zoom the canvas fits a design at: node text is 12 px or more in the
 * canvas's own units, so at this zoom a learner reads it at 12 px or more.
 */
export const READABLE_ZOOM = 1;

/**
 * Room the fit leaves around a design, in screen pixels: the "fixed" tag above a
 * node, and the zoom buttons and legend along the bottom. `x` and `y` are totals.
 */
export const FIT_PADDING = { top: 28, bottom: 56, side: 20, x: 40, y: 84 };

/** What is selected on the canvas: node ids and wire keys ("from->to"). */
export interface Selection {
  nodes: string[];
  edges: string[];
}

export const NOTHING_SELECTED: Selection = { nodes: [], edges: [] };

/** The canvas's props: Canvas takes them and hands them all on to Flow. */
export interface CanvasProps {
  doc: ScenarioDocument;
  design: Design;
  places: Positions;
  colorMode: ColorMode;
  onmove: (positions: Positions) => void;
  onconnect: (from: string, to: string) => void;
  onselect: (selection: Selection) => void;
}
