// Reading the scenarios folder: files that cannot be trusted are named, never silently chosen between.
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadScenarios } from '../../../src-main/scenarios/loadScenarios';
import { tempDir } from '../helpers/tempBackend';

const fixtures = resolve(import.meta.dirname, '../../fixtures/scenarios');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function folder(): string {
  const t = tempDir('bp-scenarios-');
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('loading the scenarios folder', () => {
  it('refuses both files when two scenarios share an id, naming both', () => {
    const dir = folder();
    copyFileSync(join(fixtures, 'tiny-shop.yaml'), join(dir, 'tiny-shop.yaml'));
    copyFileSync(join(fixtures, 'tiny-shop.yaml'), join(dir, 'a-copy.yaml'));
    const { scenarios, problems } = loadScenarios(dir);
    expect(scenarios).toEqual([]);
    expect(problems.map((p) => p.file).sort()).toEqual(['a-copy.yaml', 'tiny-shop.yaml']);
    for (const problem of problems) {
      expect(problem.field).toBe('id');
      expect(problem.message).toContain('a-copy.yaml');
      expect(problem.message).toContain('tiny-shop.yaml');
      expect(problem.message).toMatch(/"tiny-shop"/);
    }
  });

  it('says in words that the scenarios folder is missing', () => {
    const gone = join(folder(), 'not-here');
    const { scenarios, problems } = loadScenarios(gone);
    expect(scenarios).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain(gone);
    expect(problems[0]?.message).toMatch(/scenarios folder/);
    expect(problems[0]?.message).not.toMatch(/ENOENT/);
  });
});
