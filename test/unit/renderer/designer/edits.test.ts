import { describe, expect, it } from 'vitest';
import {
  freeSpot,
  isPinned,
  layOut,
  nameOf,
  pinnedMoves,
  removeSelection,
  sameSelection,
  selectEverything,
} from '../../../../src-renderer/scenarios/designer/edits';
import { NODE_HEIGHT, NODE_WIDTH } from '../../../../src-renderer/scenarios/designer/flowTypes';
import { emptyDesign } from '../../../../src-renderer/scenarios/designer/model';
import type { Design } from '../../../../src-main/api/contract';

const fixed = ['payments'];

function design(): Design {
  return {
    ...emptyDesign('s'),
    components: [
      { id: 'lb', kind: 'loadBalancer', label: 'Front door', x: 0, y: 0, instances: 1, options: {} },
      { id: 'app', kind: 'server', x: 200, y: 0, instances: 2, options: {} },
    ],
    wires: [
      { from: 'users', to: 'lb', workloads: ['browse'] },
      { from: 'lb', to: 'app', workloads: ['browse'] },
      { from: 'app', to: 'payments', workloads: ['browse'] },
    ],
  };
}

describe('pinned nodes', () => {
  it('users and fixed components are pinned, components are not', () => {
    expect(isPinned('users', fixed)).toBe(true);
    expect(isPinned('payments', fixed)).toBe(true);
    expect(isPinned('app', fixed)).toBe(false);
  });

  it('pinnedMoves keeps only users and fixed components, rounded', () => {
    expect(pinnedMoves({ users: { x: 1.4, y: 2.6 }, app: { x: 5, y: 5 }, payments: { x: -0.6, y: 0 } }, fixed)).toEqual({
      users: { x: 1, y: 3 },
      payments: { x: -1, y: 0 },
    });
  });
});

describe('removeSelection', () => {
  it('removes components with their wires, and selected wires', () => {
    const next = removeSelection(design(), { nodes: ['app'], edges: ['users->lb'] }, fixed);
    expect(next.components.map((c) => c.id)).toEqual(['lb']);
    expect(next.wires).toEqual([]);
  });

  it('returns the same design when only users and fixed components are selected', () => {
    const d = design();
    expect(removeSelection(d, { nodes: ['users', 'payments'], edges: [] }, fixed)).toBe(d);
  });
});

describe('selection', () => {
  it('everything: users, components, fixed components and every wire', () => {
    expect(selectEverything(design(), fixed)).toEqual({
      nodes: ['users', 'lb', 'app', 'payments'],
      edges: ['users->lb', 'lb->app', 'app->payments'],
    });
  });

  it('compares selections by their ids in order', () => {
    expect(sameSelection({ nodes: ['a'], edges: ['x->y'] }, { nodes: ['a'], edges: ['x->y'] })).toBe(true);
    expect(sameSelection({ nodes: ['a'], edges: [] }, { nodes: [], edges: ['a'] })).toBe(false);
  });
});

describe('freeSpot', () => {
  const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) =>
    Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT;

  it('centres the node on an empty spot', () => {
    expect(freeSpot(emptyDesign('s'), {}, { x: 100, y: 100 })).toEqual({ x: 100 - NODE_WIDTH / 2, y: 100 - NODE_HEIGHT / 2 });
  });

  it('moves off components and pinned nodes to the nearest clear spot', () => {
    const one: Design = { ...emptyDesign('s'), components: [design().components[0]!] };
    const places = { users: { x: -300, y: 0 } };
    const spot = freeSpot(one, places, { x: NODE_WIDTH / 2, y: NODE_HEIGHT / 2 });
    expect(overlaps(spot, { x: 0, y: 0 })).toBe(false);
    expect(overlaps(spot, places.users)).toBe(false);
    // Near, not flung away: within two node sizes of where it was asked for.
    expect(Math.hypot(spot.x, spot.y)).toBeLessThan(2 * NODE_WIDTH);
  });

  it('keeps off wires: a spot on the line between two wired nodes is not taken', () => {
    const d: Design = {
      ...emptyDesign('s'),
      components: [
        { id: 'a', kind: 'server', x: 0, y: 0, instances: 1, options: {} },
        { id: 'b', kind: 'server', x: 1200, y: 0, instances: 1, options: {} },
      ],
      wires: [{ from: 'a', to: 'b', workloads: [] }],
    };
    const spot = freeSpot(d, {}, { x: 600, y: NODE_HEIGHT / 2 });
    // The wire runs along y = NODE_HEIGHT / 2 between x = NODE_WIDTH and 1200.
    expect(spot.y > NODE_HEIGHT / 2 || spot.y + NODE_HEIGHT < NODE_HEIGHT / 2).toBe(true);
  });
});

describe('layOut', () => {
  it('moves components in the design and returns the pinned places apart', () => {
    const d = design();
    const { design: laid, pinned } = layOut(d, fixed);
    expect(Object.keys(pinned).sort()).toEqual(['payments', 'users']);
    expect(pinned.users!.x).toBeLessThan(laid.components.find((c) => c.id === 'lb')!.x);
    expect(laid.components.find((c) => c.id === 'lb')!.x).toBeLessThan(laid.components.find((c) => c.id === 'app')!.x);
    expect(laid.components.find((c) => c.id === 'app')!.x).toBeLessThan(pinned.payments!.x);
    expect(d.components[1]!.x).toBe(200);
  });
});

describe('nameOf', () => {
  const doc = {
    fixed: [{ id: 'payments', kind: 'external', label: 'Payment provider', purpose: '' }],
    palette: [
      { kind: 'server', label: 'App server' },
      { kind: 'loadBalancer', label: 'Load balancer' },
    ],
  } as never;

  it('names a node as the learner reads it: their name, else the kind, the fixed label, or Users; never the id', () => {
    expect(nameOf(doc, design(), 'lb')).toBe('Front door');
    expect(nameOf(doc, design(), 'app')).toBe('App server');
    expect(nameOf(doc, design(), 'payments')).toBe('Payment provider');
    expect(nameOf(doc, null, 'users')).toBe('Users');
  });

  it('numbers unnamed components of one kind so they can be told apart', () => {
    const d = design();
    const two: Design = { ...d, components: [...d.components, { id: 'app-2', kind: 'server', x: 0, y: 0, instances: 1, options: {} }] };
    expect(nameOf(doc, two, 'app')).toBe('App server 1');
    expect(nameOf(doc, two, 'app-2')).toBe('App server 2');
  });
});
