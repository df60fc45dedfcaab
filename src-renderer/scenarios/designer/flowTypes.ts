// The canvas's node and edge shapes (Svelte Flow's), built from a Design.
import type { ColorMode, Edge, Node } from '@xyflow/svelte';
import type { Positions } from './layout';
import type { Design, ScenarioDocument } from '../../../src-main/api/contract';

export type NodeRole = 'users' | 'fixed' | 'component';

export interface DesignerNodeData extends Record<string, unknown> {
  role: NodeRole;
  kind: string;
  label: string;
  /** The kind's name on the palette, or a fixed component's purpose. */
  caption: string;
  instances: number | null;
}

export type DesignerNode = Node<DesignerNodeData, 'designer'>;

export interface WireData extends Record<string, unknown> {
  workloads: string[];
}

export type WireEdge = Edge<WireData, 'wire'>;

/** Node size on the canvas; auto-layout and "add" placement use it too. */
export const NODE_WIDTH = 148;
export const NODE_HEIGHT = 52;

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
