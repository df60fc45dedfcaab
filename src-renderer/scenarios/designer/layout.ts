// Auto-layout: layered left to right by distance from the users along wires.
// Pure: ids and wires in, top-left positions out.
export interface LayoutOptions {
  /** The node every path starts at (layer 0). */
  root: string;
  /** Horizontal distance between layers. */
  columnGap: number;
  /** Vertical distance between nodes of one layer. */
  rowGap: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = { root: 'users', columnGap: 250, rowGap: 120 };

export type Positions = Record<string, { x: number; y: number }>;

/**
 * Layer = shortest number of wires from the root. Nodes the root cannot reach go in
 * one layer after the last. Within a layer, nodes are ordered by the mean row of the
 * nodes wiring into them (so wires cross less), then by their order in `nodeIds`.
 */
export function layersOf(nodeIds: string[], wires: { from: string; to: string }[], root: string): string[][] {
  const ids = [...new Set(nodeIds)];
  const known = new Set(ids);
  const edges = wires.filter((w) => known.has(w.from) && known.has(w.to) && w.from !== w.to);

  const layer = new Map<string, number>();
  if (known.has(root)) {
    layer.set(root, 0);
    const queue = [root];
    while (queue.length) {
      const at = queue.shift()!;
      const depth = layer.get(at)!;
      for (const w of edges) {
        if (w.from === at && !layer.has(w.to)) {
          layer.set(w.to, depth + 1);
          queue.push(w.to);
        }
      }
    }
  }
  const deepest = Math.max(-1, ...layer.values());
  for (const id of ids) if (!layer.has(id)) layer.set(id, deepest + 1);

  const grouped: string[][] = [];
  for (const id of ids) (grouped[layer.get(id)!] ??= []).push(id);

  const row = new Map<string, number>();
  return grouped
    .filter((members) => members !== undefined)
    .map((members) => {
      const weight = (id: string) => {
        const from = edges.filter((w) => w.to === id && row.has(w.from)).map((w) => row.get(w.from)!);
        return from.length ? from.reduce((a, b) => a + b, 0) / from.length : Number.POSITIVE_INFINITY;
      };
      const ordered = members
        .map((id, index) => ({ id, index, weight: weight(id) }))
        .sort((a, b) => (a.weight === b.weight ? a.index - b.index : a.weight - b.weight))
        .map(({ id }) => id);
      ordered.forEach((id, i) => row.set(id, i - (ordered.length - 1) / 2));
      return ordered;
    });
}

/** Layers in one row, left to right; each layer is centred on y = 0. */
export function layeredLayout(nodeIds: string[], wires: { from: string; to: string }[], options: Partial<LayoutOptions> = {}): Positions {
  const { root, columnGap, rowGap } = { ...DEFAULT_LAYOUT, ...options };
  return placeBands(layersOf(nodeIds, wires, root), Number.POSITIVE_INFINITY, columnGap, rowGap).positions;
}

/**
 * Puts `perBand` layers side by side, then starts a new band of layers below, so a
 * long chain can fill a tall canvas instead of shrinking to fit a wide one.
 */
function placeBands(layers: string[][], perBand: number, columnGap: number, rowGap: number): { positions: Positions; columns: number; rows: number } {
  const positions: Positions = {};
  let top = 0;
  let columns = 0;
  for (let start = 0; start < layers.length; start += perBand) {
    const band = layers.slice(start, start + perBand);
    const tallest = Math.max(...band.map((members) => members.length));
    const middle = top + ((tallest - 1) / 2) * rowGap;
    band.forEach((members, column) => {
      members.forEach((id, i) => {
        positions[id] = { x: column * columnGap, y: Math.round(middle + (i - (members.length - 1) / 2) * rowGap) };
      });
    });
    columns = Math.max(columns, band.length);
    top += tallest * rowGap;
  }
  // Centre the whole drawing on y = 0, as a single band is.
  const shift = Math.round((top - rowGap) / 2);
  for (const p of Object.values(positions)) p.y -= shift;
  return { positions, columns, rows: Math.round(top / rowGap) };
}

export interface LayoutBox {
  /** The canvas's size in screen pixels, at the zoom the layout is drawn for. */
  width: number;
  height: number;
  /** A node's size. */
  nodeWidth: number;
  nodeHeight: number;
}

/**
 * A layered layout shaped to the canvas. Wires read best left to right, so it keeps
 * as many layers in a row as fit the box at `zoom`, and starts a new band below for
 * the rest. When no arrangement fits at `zoom`, it takes the one that fits at the
 * largest zoom, so a narrow, tall canvas gets several bands and a wide one one row.
 */
export function shapedLayout(
  nodeIds: string[],
  wires: { from: string; to: string }[],
  box: LayoutBox,
  options: Partial<LayoutOptions> & { zoom?: number } = {},
): Positions {
  const { root, columnGap, rowGap, zoom: wanted = 1 } = { ...DEFAULT_LAYOUT, ...options };
  const layers = layersOf(nodeIds, wires, root);
  let best: { positions: Positions; zoom: number } | null = null;
  for (let perBand = Math.max(1, layers.length); perBand >= 1; perBand--) {
    const placed = placeBands(layers, perBand, columnGap, rowGap);
    const width = (placed.columns - 1) * columnGap + box.nodeWidth;
    const height = (placed.rows - 1) * rowGap + box.nodeHeight;
    const zoom = Math.min(box.width / width, box.height / height);
    if (zoom >= wanted) return placed.positions;
    if (!best || zoom > best.zoom + 1e-9) best = { positions: placed.positions, zoom };
  }
  return best?.positions ?? {};
}
