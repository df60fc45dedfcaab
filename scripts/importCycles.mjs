/**
 * Import circles among a folder's TypeScript files (type-only imports count:
 * a circle of types is still a house with no front door). Each circle is a
 * strongly connected component of the import graph, found by Tarjan's method.
 *   node scripts/importCycles.mjs src-main     (exit 1 when there is a circle)
 */
import ts from 'typescript';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SKIPPED = new Set(['node_modules', 'out', '.git']);

function sourceFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name)) out.push(...sourceFiles(full));
    } else if ((entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) || entry.name.endsWith('.svelte')) out.push(full);
  }
  return out;
}

/** The code of a file: a Svelte component's imports sit in its script blocks. */
function codeOf(file) {
  const text = fs.readFileSync(file, 'utf8');
  if (!file.endsWith('.svelte')) return text;
  const blocks = [];
  let at = text.indexOf('<script');
  while (at >= 0) {
    const open = text.indexOf('>', at);
    const close = text.indexOf('</script>', open);
    if (open < 0 || close < 0) break;
    blocks.push(text.slice(open + 1, close));
    at = text.indexOf('<script', close);
  }
  return blocks.join('\n');
}

function resolveLocal(from, specifier) {
  const base = path.resolve(path.dirname(from), specifier).replace(/\.js$/, '');
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** The import graph of `root`: file -> the local files it imports. */
export function importGraph(root) {
  const graph = new Map();
  for (const file of sourceFiles(root)) {
    const { importedFiles } = ts.preProcessFile(codeOf(file), true, true);
    const deps = importedFiles
      .filter((i) => i.fileName.startsWith('.'))
      .map((i) => resolveLocal(file, i.fileName))
      .filter((f) => f !== undefined);
    graph.set(file, deps);
  }
  return graph;
}

/** Every circle (two or more files that import each other, directly or not), as paths relative to `root`. */
export function importCycles(root) {
  const graph = importGraph(path.resolve(root));
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const circles = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) !== index.get(v)) return;
    const members = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      members.push(path.relative(path.resolve(root), w));
    } while (w !== v);
    if (members.length > 1) circles.push(members.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return circles;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const circles = importCycles(process.argv[2] ?? 'src-main');
  for (const c of circles) console.log(`${c.length} files: ${c.join(' -> ')}`);
  console.log(`${circles.length} import circle(s)`);
  process.exitCode = circles.length > 0 ? 1 : 0;
}
