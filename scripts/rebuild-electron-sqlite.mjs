// Builds better-sqlite3 against Electron's headers into native/electron/, beside the
// Node build that tests and browser mode use. The app loads it via nativeBinding.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { root } from './lib/build.mjs';

const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const electronAbi = readFileSync(join(root, 'node_modules/electron/abi_version'), 'utf8').trim();
const target = join(root, 'native', 'electron', 'better_sqlite3.node');
const nodeGyp = [join(process.execPath, '..', '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')].find(existsSync);

function fail(message) {
  console.error(`Could not build SQLite for Electron ${electronVersion}: ${message}`);
  process.exit(1);
}

if (!nodeGyp) fail('node-gyp was not found beside npm.');
const work = mkdtempSync(join(tmpdir(), 'bp-sqlite-electron-'));
cpSync(join(root, 'node_modules/better-sqlite3'), work, { recursive: true, filter: (p) => !p.includes(`${join('better-sqlite3', 'build')}`) });
const headers = join(work, '.electron-gyp');
console.log(`Building better-sqlite3 for Electron ${electronVersion} (ABI ${electronAbi})...`);
const result = spawnSync(
  process.execPath,
  [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers', `--devdir=${headers}`],
  // npm's nodedir=/usr would silently build against Node's headers: clear it.
  { cwd: work, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: '', NODEDIR: '' } },
);
if (result.status !== 0) fail("node-gyp failed (Electron's headers are downloaded from electronjs.org; that needs the network).");

const built = join(work, 'build', 'Release', 'better_sqlite3.node');
// A correct build refuses to load in Node and names Electron's ABI; one that loads was built for Node.
try {
  createRequire(import.meta.url)(built);
  fail('the result loads in Node, so it was built against Node\'s headers, not Electron\'s.');
} catch (err) {
  if (!String(err.message).includes(`NODE_MODULE_VERSION ${electronAbi}`)) fail(`unexpected result: ${err.message}`);
}
mkdirSync(join(root, 'native', 'electron'), { recursive: true });
copyFileSync(built, target);
rmSync(work, { recursive: true, force: true });
console.log(`Built ${target} for Electron's ABI ${electronAbi}.`);
