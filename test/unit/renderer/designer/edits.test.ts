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
  it('centres the node on an empty spot', () => {
    expect(freeSpot(emptyDesign('s'), {}, { x: 100, y: 100 })).toEqual({ x: 100 - NODE_WIDTH / 2, y: 100 - NODE_HEIGHT / 2 });
  });

  it('steps down and right past components and pinned nodes already there', () => {
    const centre = { x: NODE_WIDTH / 2, y: NODE_HEIGHT / 2 };
    const one: Design = { ...emptyDesign('s'), components: [design().components[0]!] };
    // Steps are 28 px; a node blocks within 0.8 of a node's height, so two steps clear one.
    expect(freeSpot(one, {}, centre)).toEqual({ x: 56, y: 56 });
    expect(freeSpot(one, { users: { x: 28, y: 28 } }, centre)).toEqual({ x: 84, y: 84 });
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
  const doc = { fixed: [{ id: 'payments', kind: 'external', label: 'Payment provider', purpose: '' }] } as never;

  it('prefers a component label, then its id, then the fixed label, then the id', () => {
    expect(nameOf(doc, design(), 'lb')).toBe('Front door');
    expect(nameOf(doc, design(), 'app')).toBe('app');
    expect(nameOf(doc, design(), 'payments')).toBe('Payment provider');
    expect(nameOf(doc, null, 'users')).toBe('users');
  });
});
