// Electron entry: the few wiring lines that only the Electron binary exercises.
// Everything else lives in plain modules that browser mode and the tests share.
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session, shell, net } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startBackend, type Backend } from './backend';
import { DatabaseOpenError } from './progress/openProblems';
import { appVersion, databaseFile, findAppRoot, lessonsFolder, scenariosFolder } from './paths';
import { contentSecurityPolicy } from './security';
import { appEntryUrl, appScheme, isAppUrl, isExternalWebUrl, mimeFor, resolveAppFile } from './electron/appProtocol';
import { loadWindowBounds, saveWindowBounds } from './electron/windowState';
import { menuTemplate } from './electron/menu';

const here = dirname(fileURLToPath(import.meta.url));
const root = findAppRoot(here);
const rendererDir = join(root, 'out', 'renderer');
const preloadFile = join(root, 'out', 'preload', 'preload.cjs');
// The Node build of better-sqlite3 serves tests and browser mode; Electron needs one built for its ABI.
const electronSqlite = join(root, 'native', 'electron', 'better_sqlite3.node');

app.setName('Backpressure');
protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

function createWindow(): BrowserWindow {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const bounds = loadWindowBounds(stateFile, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds.width,
    height: bounds.height,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Backpressure',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#111418' : '#fbfbfa',
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // Middle-click would open a link in a new window without passing the window-open rules.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (bounds.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  const remember = () => saveWindowBounds(stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() });
  win.on('close', remember);
  void win.loadURL(appEntryUrl);
  return win;
}

function lockDownContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isExternalWebUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

function go(route: string): void {
  // A fragment-only change is an in-page navigation: the renderer's hash router picks it up.
  if (mainWindow) void mainWindow.webContents.loadURL(`${appEntryUrl}${route}`);
}

async function ready(): Promise<void> {
  // The app needs no permission: requests are refused, and checks (clipboard, sensors, ...) say no without asking.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
  protocol.handle(appScheme, async (request) => {
    const file = resolveAppFile(request.url, rendererDir);
    if (!file || !existsSync(file)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    return new Response(response.body, {
      headers: { 'Content-Type': mimeFor(file), 'Content-Security-Policy': contentSecurityPolicy },
    });
  });

  try {
    backend = startBackend({
      transport: 'ipc',
      databaseFile: databaseFile(app.getPath('userData')),
      lessonsFolder: lessonsFolder(root),
      scenariosFolder: scenariosFolder(root),
      version: appVersion(root),
      // Built: simWorker.js sits beside this file. From source (tests), the backend's default applies.
      ...(existsSync(join(here, 'simWorker.js')) ? { simWorker: join(here, 'simWorker.js') } : {}),
      ...(existsSync(electronSqlite) ? { nativeBinding: electronSqlite } : {}),
    });
  } catch (err) {
    // The rebuild hint fits only a SQLite that failed to load, not a file the app refused for a reason it already says.
    const refused = err instanceof DatabaseOpenError && err.reason !== 'failed';
    const hint = refused || existsSync(electronSqlite) ? '' : '\n\nIf SQLite failed to load, run "npm run rebuild:electron" to build it for Electron.';
    dialog.showErrorBox('Backpressure could not open its progress database', `${(err as Error).message}${hint}`);
    app.quit();
    return;
  }

  const dispatch = backend.dispatch;
  ipcMain.handle('api', async (event, method: unknown, input: unknown) => {
    // Only our own pages may call the API; a stray frame gets a typed refusal.
    if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) {
      return { ok: false, error: { code: 'internal', message: 'Refused: the caller is not a Backpressure page.' } };
    }
    return dispatch(typeof method === 'string' ? method : String(method), input);
  });

  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform === 'darwin', go)));
  mainWindow = createWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  lockDownContents();
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && backend) mainWindow = createWindow();
  });
  app.on('will-quit', () => backend?.close());
  void app.whenReady().then(ready);
}

