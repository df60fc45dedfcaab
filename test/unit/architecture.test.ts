/**
 * The shape of the house, checked: no import circles in the main process, no
 * source file a newcomer cannot read in one sitting, and a renderer that
 * reaches the main process only through the API contract.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { importCycles, importGraph } from '../../scripts/importCycles.mjs';

const root = path.resolve(__dirname, '../..');
const MAX_LINES = 400;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('the shape of the source', () => {
  it('has no import circle in src-main', () => {
    expect(importCycles(path.join(root, 'src-main'))).toEqual([]);
  });

  it(`has no src-main file over ${MAX_LINES} lines`, () => {
    const long = sourceFiles(path.join(root, 'src-main'))
      .map((f) => ({ file: path.relative(root, f), lines: fs.readFileSync(f, 'utf8').split('\n').length }))
      .filter((f) => f.lines > MAX_LINES);
    expect(long).toEqual([]);
  });

  it('lets the renderer import from src-main only the API contract', () => {
    const contract = path.join(root, 'src-main/api/contract.ts');
    const graph: Map<string, string[]> = importGraph(root);
    const reaches: string[] = [];
    for (const [file, deps] of graph) {
      if (!file.startsWith(path.join(root, 'src-renderer'))) continue;
      for (const dep of deps) {
        if (dep.startsWith(path.join(root, 'src-main')) && dep !== contract) reaches.push(`${path.relative(root, file)} -> ${path.relative(root, dep)}`);
      }
    }
    expect(reaches).toEqual([]);
  });
});
