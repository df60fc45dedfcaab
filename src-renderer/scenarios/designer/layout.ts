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
 * nodes wiring into them (so wires cross less), then by their order in `nodeIds`;
 * each layer is centred on y = 0.
 */
export function layeredLayout(nodeIds: string[], wires: { from: string; to: string }[], options: Partial<LayoutOptions> = {}): Positions {
  const { root, columnGap, rowGap } = { ...DEFAULT_LAYOUT, ...options };
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

  const layers: string[][] = [];
  for (const id of ids) (layers[layer.get(id)!] ??= []).push(id);

  const row = new Map<string, number>();
  const positions: Positions = {};
  layers.forEach((members, depth) => {
    if (!members) return;
    const weight = (id: string) => {
      const from = edges.filter((w) => w.to === id && row.has(w.from)).map((w) => row.get(w.from)!);
      return from.length ? from.reduce((a, b) => a + b, 0) / from.length : Number.POSITIVE_INFINITY;
    };
    const ordered = members
      .map((id, index) => ({ id, index, weight: weight(id) }))
      .sort((a, b) => (a.weight === b.weight ? a.index - b.index : a.weight - b.weight));
    ordered.forEach(({ id }, i) => {
      const offset = i - (ordered.length - 1) / 2;
      row.set(id, offset);
      positions[id] = { x: depth * columnGap, y: Math.round(offset * rowGap) };
    });
  });
  return positions;
}
