import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const sources = ['src-main', 'src-renderer', 'electron.vite.config.ts', 'svelte.config.js', 'package.json'];
const outputs = ['out/main/index.js', 'out/main/web.js', 'out/main/simWorker.js', 'out/preload/preload.cjs', 'out/renderer/index.html'];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when an output is missing or any source is newer than the oldest output. */
export function buildIsStale() {
  const paths = outputs.map((o) => join(root, o));
  if (paths.some((p) => !existsSync(p))) return true;
  const oldestOutput = Math.min(...paths.map((p) => statSync(p).mtimeMs));
  const newestSource = Math.max(...sources.map((s) => join(root, s)).filter(existsSync).map(newestMtime));
  return newestSource > oldestOutput;
}

export function ensureBuild({ force = false } = {}) {
  if (!force && !buildIsStale()) return;
  console.log('Building Backpressure (electron-vite build)...');
  const result = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) {
    console.error('The build failed; see the errors above.');
    process.exit(result.status ?? 1);
  }
}
