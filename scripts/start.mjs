// npm start: the desktop app when Electron's binary can be had; otherwise one clear
// line saying so, and browser mode in the default browser instead.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { ensureBuild, root } from './lib/build.mjs';

ensureBuild();

const electronDir = join(root, 'node_modules', 'electron');
const electronSqlite = join(root, 'native', 'electron', 'better_sqlite3.node');

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function tryInstallElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return false;
  console.log('Fetching the Electron binary...');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: root, stdio: 'ignore', timeout: 120_000 });
  return result.status === 0;
}

/** Opens the address in the default browser, and says in one line whether that worked. */
function openInBrowser(url) {
  const openYourself = (why) => console.log(`${why} Open the address above in a browser on this computer.`);
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return openYourself('No desktop to open a browser on.');
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => openYourself(`Could not open a browser (${opener} is missing).`));
  // explorer exits 1 even when it worked; xdg-open and open exit 0 only when they did.
  child.on('exit', (code) => {
    if (code === 0 || process.platform === 'win32') console.log('Opened it in your default browser.');
    else openYourself('Could not open a browser.');
  });
  child.unref();
}

function browserMode(reason) {
  console.log(`${reason} Starting browser mode instead.`);
  const child = spawn(process.execPath, [join(root, 'out/main/web.js'), ...process.argv.slice(2)], { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] });
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    // The whole address, token included: the page needs it to call the API.
    const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(chunk.toString());
    if (match) openInBrowser(match[1]);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

let binary = electronBinary();
if (!binary && tryInstallElectron()) binary = electronBinary();
if (!binary) {
  browserMode("Electron's binary is not installed and could not be downloaded (offline?).");
} else {
  if (!existsSync(electronSqlite)) {
    const rebuilt = spawnSync(process.execPath, [join(root, 'scripts/rebuild-electron-sqlite.mjs')], { cwd: root, stdio: 'inherit' });
    if (rebuilt.status !== 0) {
      browserMode('SQLite could not be built for Electron (see above).');
      binary = null;
    }
  }
  if (binary) {
    const child = spawn(binary, [root], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
