// The designer's node names and the names hints and problems use come from two files (the renderer
// may import nothing from src-main but the API contract); this holds them to one rule.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { nameOf } from '../../../../src-renderer/scenarios/designer/edits';
import { componentNames } from '../../../../src-main/scenarios/componentNames';
import { loadScenarios } from '../../../../src-main/scenarios/loadScenarios';
import { scenarioDocument } from '../../../../src-main/scenarios/scenarioDocument';
import { templateDesign } from '../../../../src-main/scenarios/designs';
import type { Design } from '../../../../src-main/scenarios/types';

const shipped = loadScenarios(resolve(import.meta.dirname, '../../../../scenarios')).scenarios;

describe('component names', () => {
  it('are the same in the designer and in the hints, for every shipped design and one with repeats', () => {
    for (const s of shipped) {
      const doc = scenarioDocument(s, () => null);
      const reference = templateDesign(s, 'reference');
      const repeats: Design = {
        ...reference,
        components: [
          ...reference.components,
          { id: 'extra1', kind: reference.components[0]!.kind, x: 0, y: 0, instances: 1, options: {} },
          { id: 'extra2', kind: reference.components[0]!.kind, x: 0, y: 0, instances: 1, options: {}, label: 'Spare' },
        ],
      };
      for (const design of [templateDesign(s, 'starting'), reference, repeats]) {
        const names = componentNames(s, design);
        for (const id of ['users', ...design.components.map((c) => c.id), ...(s.fixed ?? []).map((f) => f.id)]) {
          expect(names.get(id), `${s.id} ${id}`).toBe(nameOf(doc, design, id));
        }
      }
    }
  });

  it('number unnamed components of one kind and keep a learner\'s own name', () => {
    const s = shipped.find((x) => x.id === 'checkout-contention')!;
    const design = templateDesign(s, 'reference');
    const app = design.components.find((c) => c.kind === 'server')!;
    const two: Design = { ...design, components: [...design.components, { ...app, id: 'app2' }, { ...app, id: 'mine', label: 'Checkout API' }] };
    const names = componentNames(s, two);
    expect([names.get(app.id), names.get('app2'), names.get('mine')]).toEqual(['App server 1', 'App server 2', 'Checkout API']);
  });
});
