// A broken scenario file is reported by file, field and what was expected; the others still load.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadScenarios, parseScenario } from '../../../src-main/scenarios/loadScenarios';

const tiny = readFileSync(resolve(import.meta.dirname, '../../fixtures/scenarios/tiny-shop.yaml'), 'utf8');

function problem(text: string): string {
  const out = parseScenario(text, 'edited.yaml');
  if (out.ok) throw new Error('expected the file to be refused');
  return out.problem.message;
}

describe('scenario files', () => {
  it('loads the fixture', () => {
    expect(parseScenario(tiny, 'tiny-shop.yaml').ok).toBe(true);
  });

  it('names the field and the rule for each kind of mistake', () => {
    expect(problem(tiny.replace('offered: [loadBalancer, server, postgres, queue]', 'offered: [loadBalancer, server, mainframe]'))).toMatch(/^edited\.yaml: offered\[2\]: expected a component kind \(one of: source, loadBalancer/);
    expect(problem(tiny.replace('    share: 1\n', '    share: 0.5\n'))).toBe('edited.yaml: workloads: expected workload shares adding up to 1, got 0.5');
    expect(problem(tiny.replace('difficulty: intro', 'difficulty: tricky'))).toBe('edited.yaml: difficulty: expected one of: intro, medium, hard, got "tricky"');
    expect(problem(tiny.replace('id: tiny-shop', 'id: tiny-shop\ncolour: blue'))).toMatch(/^edited\.yaml: colour: unknown field \(see scenarios\/README\.md/);
    expect(problem(tiny.replace("doneBy: [postgres]", 'doneBy: [printer]'))).toMatch(/^edited\.yaml: workloads\[0\]\.steps\[1\]\.doneBy\[0\]: expected a component kind or a fixed component id/);
    expect(problem(`${tiny}\n  : : :`)).toMatch(/^edited\.yaml: not valid YAML/);
  });

  it('refuses a reference design that cannot run, or uses a component the scenario does not offer', () => {
    const noDb = tiny.replace(/reference:[\s\S]*$/, 'reference:\n  components:\n    - { id: web, kind: server }\n  wires:\n    - { from: users, to: web, workloads: [view] }\n');
    expect(problem(noDb)).toBe('edited.yaml: reference: View: nothing on its path can "read" after "render"; it needs a Postgres on the path');
    const cdn = tiny.replace('    - { id: web, kind: server }\n    - { id: db, kind: postgres }', '    - { id: web, kind: server }\n    - { id: db, kind: postgres }\n    - { id: edge, kind: cdn }');
    expect(problem(cdn)).toMatch(/^edited\.yaml: starting: this scenario does not offer a CDN \("edge"\)/);
  });
});

describe('the scenarios folder', () => {
  it('picks up an edited file on the next load, and a file that breaks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-scenarios-'));
    try {
      const file = join(dir, 'tiny-shop.yaml');
      writeFileSync(file, tiny);
      expect(loadScenarios(dir).scenarios[0]!.title).toBe('A tiny shop');
      writeFileSync(file, tiny.replace('title: A tiny shop', 'title: A slightly bigger shop'));
      expect(loadScenarios(dir).scenarios[0]!.title).toBe('A slightly bigger shop');
      writeFileSync(file, tiny.replace('difficulty: intro', 'difficulty: tricky'));
      const broken = loadScenarios(dir);
      expect(broken.scenarios).toEqual([]);
      expect(broken.problems[0]!.message).toMatch(/^tiny-shop\.yaml: difficulty: expected one of/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
