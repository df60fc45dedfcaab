import { describe, expect, it } from 'vitest';
import { layeredLayout, shapedLayout } from '../../../../src-renderer/scenarios/designer/layout';

const opts = { columnGap: 100, rowGap: 50 };

describe('layeredLayout', () => {
  it('puts each node in the layer of its shortest distance from users, left to right', () => {
    const p = layeredLayout(
      ['users', 'lb', 'app', 'db', 'cache'],
      [
        { from: 'users', to: 'lb' },
        { from: 'lb', to: 'app' },
        { from: 'app', to: 'cache' },
        { from: 'cache', to: 'db' },
        { from: 'app', to: 'db' },
      ],
      opts,
    );
    expect(p.users!.x).toBe(0);
    expect(p.lb!.x).toBe(100);
    expect(p.app!.x).toBe(200);
    expect(p.cache!.x).toBe(300);
    expect(p.db!.x).toBe(300);
  });

  it('centres a layer on y = 0 and spaces it by rowGap', () => {
    const p = layeredLayout(['users', 'a', 'b', 'c'], [
      { from: 'users', to: 'a' },
      { from: 'users', to: 'b' },
      { from: 'users', to: 'c' },
    ], opts);
    expect([p.a!.y, p.b!.y, p.c!.y]).toEqual([-50, 0, 50]);
    expect(p.users!.y).toBe(0);
  });

  it('orders a layer by the rows of the nodes wiring into it', () => {
    const p = layeredLayout(['users', 'top', 'bottom', 'x', 'y'], [
      { from: 'users', to: 'top' },
      { from: 'users', to: 'bottom' },
      { from: 'bottom', to: 'x' },
      { from: 'top', to: 'y' },
    ], opts);
    expect(p.top!.y).toBeLessThan(p.bottom!.y);
    expect(p.y!.y).toBeLessThan(p.x!.y);
  });

  it('places nodes the users cannot reach in one layer after the last, and survives cycles', () => {
    const p = layeredLayout(['users', 'a', 'b', 'lonely', 'payments'], [
      { from: 'users', to: 'a' },
      { from: 'a', to: 'b' },
      { from: 'b', to: 'a' },
    ], opts);
    expect(p.b!.x).toBe(200);
    expect(p.lonely!.x).toBe(300);
    expect(p.payments!.x).toBe(300);
  });

  it('ignores wires to unknown nodes and self-wires; lays out without a root', () => {
    const p = layeredLayout(['a', 'b'], [{ from: 'a', to: 'a' }, { from: 'a', to: 'ghost' }], opts);
    expect(p.a).toEqual({ x: 0, y: -25 });
    expect(p.b).toEqual({ x: 0, y: 25 });
  });
});

describe('shapedLayout', () => {
  // A chain of six layers: users -> a -> b -> c -> d -> e.
  const ids = ['users', 'a', 'b', 'c', 'd', 'e'];
  const chain = ids.slice(1).map((id, i) => ({ from: ids[i]!, to: id }));
  const node = { nodeWidth: 80, nodeHeight: 40 };

  it('keeps one row on a canvas wide enough for it', () => {
    const p = shapedLayout(ids, chain, { width: 1000, height: 300, ...node }, opts);
    expect(new Set(ids.map((id) => p[id]!.y)).size).toBe(1);
    expect(ids.map((id) => p[id]!.x)).toEqual([0, 100, 200, 300, 400, 500]);
  });

  it('wraps the layers into bands below each other on a narrow, tall canvas, each band left to right', () => {
    const p = shapedLayout(ids, chain, { width: 280, height: 600, ...node }, opts);
    // Three layers fit across 280 px (2 gaps of 100 + one node of 80).
    expect(ids.map((id) => p[id]!.x)).toEqual([0, 100, 200, 0, 100, 200]);
    expect(p.c!.y).toBeGreaterThan(p.b!.y);
    expect(p.a!.y).toBe(p.users!.y);
  });

  it('when nothing fits at the wanted zoom, takes the arrangement that fits largest', () => {
    const p = shapedLayout(ids, chain, { width: 100, height: 100, ...node }, opts);
    const xs = ids.map((id) => p[id]!.x);
    const ys = ids.map((id) => p[id]!.y);
    const width = Math.max(...xs) + 80;
    const height = Math.max(...ys) - Math.min(...ys) + 40;
    // Two layers per band (180 × 140) fits a 100 × 100 box better than three (280 × 90), one row (580 × 40) or one column (80 × 290).
    expect([width, height]).toEqual([180, 140]);
  });
});
