import { describe, expect, it } from 'vitest';
import { layeredLayout } from '../../../../src-renderer/scenarios/designer/layout';

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
