import { describe, expect, it } from 'vitest';
import {
  addComponent,
  connect,
  emptyDesign,
  nextComponentId,
  removeItems,
  setWireWorkload,
  workloadPath,
} from '../../../../src-renderer/scenarios/designer/model';
import type { Design, PaletteEntry } from '../../../../src-main/api/contract';

const all = ['browse', 'login', 'checkout'];

function design(wires: Design['wires'], ids: string[] = ['lb', 'app', 'auth', 'db']): Design {
  return {
    ...emptyDesign('s'),
    components: ids.map((id) => ({ id, kind: 'server', x: 0, y: 0, instances: 1, options: {} })),
    wires,
  };
}

describe('new wires', () => {
  it('a new wire carries nothing until the learner ticks it, whatever reaches its source', () => {
    const d = design([
      { from: 'users', to: 'lb', workloads: all },
      { from: 'lb', to: 'app', workloads: ['browse', 'checkout'] },
    ]);
    for (const [from, to] of [['users', 'auth'], ['lb', 'auth'], ['app', 'db']] as const) {
      const result = connect(d, from, to);
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.wire.workloads).toEqual([]);
    }
  });

  it('connect refuses self, back-to-users and duplicate wires, and leaves the existing wire as it was', () => {
    let d = design([{ from: 'users', to: 'lb', workloads: all }]);
    const first = connect(d, 'lb', 'app');
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    d = setWireWorkload(first.design, 'lb->app', 'login', true, all);
    expect(connect(d, 'lb', 'lb').ok).toBe(false);
    expect(connect(d, 'app', 'users').ok).toBe(false);
    const dup = connect(d, 'lb', 'app');
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.existing?.workloads).toEqual(['login']);
  });
});

describe('paths', () => {
  it('follows the wire carrying the workload out of each node and stops at a cycle', () => {
    const d = design([
      { from: 'users', to: 'lb', workloads: all },
      { from: 'lb', to: 'auth', workloads: ['login'] },
      { from: 'lb', to: 'app', workloads: ['browse'] },
      { from: 'app', to: 'db', workloads: ['browse'] },
      { from: 'db', to: 'app', workloads: ['browse'] },
    ]);
    expect(workloadPath(d, 'browse')).toEqual(['lb', 'app', 'db']);
    expect(workloadPath(d, 'login')).toEqual(['lb', 'auth']);
    expect(workloadPath(d, 'checkout')).toEqual(['lb']);
  });
});

describe('edits', () => {
  const entry: PaletteEntry = {
    kind: 'redisCache',
    label: 'Cache',
    purpose: 'p',
    costPerInstancePerMonth: 10,
    maxInstances: 4,
    options: [{ key: 'capacityKeys', label: 'Keys', help: '', type: 'number', unit: 'keys', min: 1, max: 10, step: 1, default: 5 }],
  };

  it('new components get readable unique ids and default options', () => {
    const a = addComponent(emptyDesign('s'), entry, { x: 10.4, y: 20.6 });
    expect(a.id).toBe('redis-cache');
    expect(a.design.components[0]).toMatchObject({ x: 10, y: 21, instances: 1, options: { capacityKeys: 5 } });
    const b = addComponent(a.design, entry, { x: 0, y: 0 });
    expect(b.id).toBe('redis-cache-2');
    expect(nextComponentId(emptyDesign('s'), ['payments'], 'payments')).toBe('payments-2');
  });

  it('removing a component removes its wires; users and fixed ids are ignored', () => {
    const d = design([
      { from: 'users', to: 'lb', workloads: all },
      { from: 'lb', to: 'app', workloads: all },
      { from: 'app', to: 'payments', workloads: ['checkout'] },
    ]);
    const next = removeItems(d, ['app', 'users', 'payments'], []);
    expect(next.components.map((c) => c.id)).toEqual(['lb', 'auth', 'db']);
    expect(next.wires).toEqual([{ from: 'users', to: 'lb', workloads: all }]);
    expect(removeItems(d, ['users'], [])).toBe(d);
    expect(removeItems(d, [], ['lb->app']).wires).toHaveLength(2);
  });

  it('ticking workloads on a wire keeps the scenario order', () => {
    const d = design([{ from: 'users', to: 'lb', workloads: ['checkout'] }]);
    const next = setWireWorkload(d, 'users->lb', 'browse', true, all);
    expect(next.wires[0]!.workloads).toEqual(['browse', 'checkout']);
    expect(setWireWorkload(next, 'users->lb', 'checkout', false, all).wires[0]!.workloads).toEqual(['browse']);
  });
});
