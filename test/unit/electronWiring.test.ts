// The Electron entry, run against a stand-in for the electron module (the real
// binary cannot be downloaded here): window security, IPC reach, navigation rules.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { contract, type MethodName } from '../../src-main/api/contract';
import { fixtureLessons, realScenarios, tempDir } from './helpers/tempBackend';
import { loadScenarios } from '../../src-main/scenarios/loadScenarios';
import { templateDesign } from '../../src-main/scenarios/designs';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const appListeners = new Map<string, Listener[]>();
  const state = {
    windows: [] as { options: Record<string, unknown>; loaded: string[] }[],
    ipcHandlers: new Map<string, Listener>(),
    opened: [] as string[],
    quitCalls: 0,
    userData: '',
    headersHook: undefined as Listener | undefined,
    permissionHook: undefined as Listener | undefined,
    permissionCheckHook: undefined as Listener | undefined,
    protocolHandler: undefined as Listener | undefined,
    privileged: [] as unknown[],
    menuTemplate: [] as { label?: string; role?: string; submenu?: { label: string; click?: () => void }[] }[],
    singleInstance: true,
    emit(event: string, ...args: unknown[]) {
      for (const l of appListeners.get(event) ?? []) l(...args);
    },
  };
  class BrowserWindow {
    static getAllWindows = () => state.windows;
    record: { options: Record<string, unknown>; loaded: string[] };
    webContents = { loadURL: async (url: string) => void this.record.loaded.push(url) };
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [] };
      state.windows.push(this.record);
    }
    once() {}
    on() {}
    maximize() {}
    show() {}
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 820 });
    loadURL = async (url: string) => void this.record.loaded.push(url);
  }
  const electron = {
    app: {
      setName: () => {},
      getPath: (name: string) => (name === 'userData' ? state.userData : '/tmp'),
      requestSingleInstanceLock: () => state.singleInstance,
      quit: () => void state.quitCalls++,
      on: (event: string, listener: Listener) => void appListeners.set(event, [...(appListeners.get(event) ?? []), listener]),
      whenReady: () => Promise.resolve(),
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, handler: Listener) => void state.ipcHandlers.set(channel, handler) },
    Menu: {
      buildFromTemplate: (template: typeof state.menuTemplate) => {
        state.menuTemplate = template;
        return {};
      },
      setApplicationMenu: () => {},
    },
    nativeTheme: { shouldUseDarkColors: false },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void state.privileged.push(...schemes),
      handle: (_scheme: string, handler: Listener) => void (state.protocolHandler = handler),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => void (state.permissionHook = h),
        setPermissionCheckHandler: (h: Listener) => void (state.permissionCheckHook = h),
        webRequest: { onHeadersReceived: (h: Listener) => void (state.headersHook = h) },
      },
    },
    shell: { openExternal: async (url: string) => void state.opened.push(url) },
    dialog: { showErrorBox: (title: string, body: string) => { throw new Error(`${title}: ${body}`); } },
    net: { fetch: async () => new Response('') },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { state } = fake;
const temp = tempDir('bp-electron-');
const saved = { db: process.env.BACKPRESSURE_DB, lessons: process.env.BACKPRESSURE_LESSONS };

beforeAll(async () => {
  state.userData = join(temp.dir, 'userData');
  delete process.env.BACKPRESSURE_DB;
  process.env.BACKPRESSURE_LESSONS = fixtureLessons;
  await import('../../src-main/index');
  await vi.waitFor(() => expect(state.windows).toHaveLength(1));
});

afterAll(() => {
  state.emit('will-quit');
  process.env.BACKPRESSURE_LESSONS = saved.lessons;
  if (saved.db !== undefined) process.env.BACKPRESSURE_DB = saved.db;
  temp.cleanup();
});

const mmcModel = parseYaml(readFileSync(resolve(import.meta.dirname, '../fixtures/models/mmc.yaml'), 'utf8')) as unknown;

const checkout = loadScenarios(realScenarios).scenarios.find((s) => s.id === 'checkout-contention')!;
const startingDesign = templateDesign(checkout, 'starting');

const ownFrame = { senderFrame: { url: 'app://backpressure/index.html#/library' } };

const emptyProgressFile = JSON.stringify({ format: 'backpressure-progress', version: 1, exportedAt: '2026-12-02T10:00:00.000Z', lessons: [], checkAnswers: [], predictions: [], attempts: [], drafts: [], events: [] });

/** One valid input per method; a method added to the contract without one here is a type error. */
const sampleInputs: { [M in MethodName]: unknown } = {
  appInfo: {},
  listLessons: {},
  getLesson: { id: 'queues-101' },
  recordProgress: { lessonId: 'queues-101', event: 'opened' },
  getProgress: {},
  simulate: { model: mmcModel, seed: 1, level: 'horizon' },
  simulationProgress: { requestKey: 'nothing-running' },
  listExperiments: {},
  runExperiment: { widget: 'cache-aside', controls: {}, seed: 1 },
  recordPrediction: {
    lessonId: 'queues-101',
    widgetId: 'queue-burst-1',
    widget: 'queue-burst',
    metric: 'queueDepth',
    choiceIndex: 0,
    choiceLabel: 'It grows',
    measured: null,
    correct: null,
  },
  recordCheckAnswer: { lessonId: 'queues-101', checkId: 'check-1', optionIndex: 1 },
  getLessonState: { lessonId: 'queues-101' },
  search: { query: 'queue' },
  listScenarios: {},
  getScenario: { id: 'checkout-contention' },
  getDraft: { scenarioId: 'checkout-contention' },
  saveDraft: { scenarioId: 'checkout-contention', design: startingDesign },
  getTemplate: { scenarioId: 'checkout-contention', which: 'reference' },
  checkDesign: { scenarioId: 'checkout-contention', design: startingDesign },
  importDesign: { scenarioId: 'checkout-contention', text: JSON.stringify(startingDesign) },
  runScenario: { scenarioId: 'checkout-contention', design: startingDesign, seed: 1 },
  listAttempts: { scenarioId: 'checkout-contention' },
  getAttempt: { id: 1 },
  exportProgress: {},
  previewImport: { text: emptyProgressFile },
  importProgress: { text: emptyProgressFile },
  countProgress: {},
  resetProgress: { confirm: true },
};

describe('the Electron main process', () => {
  it('opens one window with context isolation, the sandbox on and no Node in the page', () => {
    const prefs = state.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    // A middle click on a link would otherwise open it in a new window, around the window-open rules.
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    expect(String(prefs.preload)).toMatch(/out[\\/]preload[\\/]preload\.cjs$/);
    expect(state.windows[0]!.options.show).toBe(false);
    expect(state.windows[0]!.loaded).toEqual(['app://backpressure/index.html']);
  });

  it('keeps the progress database in the user-data folder', async () => {
    const handler = state.ipcHandlers.get('api')!;
    const info = (await handler(ownFrame, 'appInfo', {})) as { ok: boolean; value: { databaseFile: string; transport: string } };
    expect(info.value.databaseFile).toBe(join(state.userData, 'progress.db'));
    expect(info.value.transport).toBe('ipc');
  });

  it('reaches every API method through the one IPC handler', async () => {
    expect([...state.ipcHandlers.keys()]).toEqual(['api']);
    const handler = state.ipcHandlers.get('api')!;
    for (const method of Object.keys(contract) as MethodName[]) {
      const result = (await handler(ownFrame, method, sampleInputs[method])) as { ok: boolean; error?: unknown };
      expect(result, `${method}: ${JSON.stringify(result.error)}`).toMatchObject({ ok: true });
    }
  });

  it('answers bad calls over IPC with typed errors, never a throw', async () => {
    const handler = state.ipcHandlers.get('api')!;
    expect(await handler(ownFrame, 'noSuchMethod', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await handler(ownFrame, 'getLesson', { id: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await handler(ownFrame, { not: 'a string' }, null)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('refuses API calls from frames that are not ours', async () => {
    const handler = state.ipcHandlers.get('api')!;
    const result = await handler({ senderFrame: { url: 'https://evil.example/' } }, 'appInfo', {});
    expect(result).toMatchObject({ ok: false });
  });

  it('sends a strict Content-Security-Policy with every response', () => {
    let headers: Record<string, string[]> = {};
    state.headersHook!({ responseHeaders: {} }, (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders));
    const csp = headers['Content-Security-Policy']![0]!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|https?:/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('denies permission requests (camera, notifications, ...)', () => {
    let granted: boolean | undefined;
    state.permissionHook!({}, 'media', (allow: boolean) => (granted = allow));
    expect(granted).toBe(false);
  });

  it('answers every permission check with no (clipboard, notifications, sensors, ...)', () => {
    for (const permission of ['clipboard-read', 'notifications', 'media', 'geolocation', 'hid', 'serial']) {
      expect(state.permissionCheckHook!({}, permission, 'app://backpressure', {}), permission).toBe(false);
    }
  });

  it('denies navigation away and new windows, handing web links to the OS browser', () => {
    const listeners = new Map<string, Listener>();
    let openHandler: Listener = () => undefined;
    const contents = {
      on: (event: string, l: Listener) => void listeners.set(event, l),
      setWindowOpenHandler: (h: Listener) => void (openHandler = h),
    };
    state.emit('web-contents-created', {}, contents);

    const navigate = (url: string) => {
      let prevented = false;
      listeners.get('will-navigate')!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://backpressure/index.html#/progress')).toBe(false);

    expect(openHandler({ url: 'https://example.com/docs' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(state.opened).toEqual(['https://example.com/docs']);

    let webviewPrevented = false;
    listeners.get('will-attach-webview')!({ preventDefault: () => (webviewPrevented = true) });
    expect(webviewPrevented).toBe(true);
  });

  it('serves only files inside the built renderer on its app:// scheme', async () => {
    expect(state.privileged).toEqual([expect.objectContaining({ scheme: 'app' })]);
    const outside = (await state.protocolHandler!({ url: 'app://backpressure/../../package.json' })) as Response;
    expect(outside.status).toBe(404);
  });

  it('has a Go menu whose items move the window between views', () => {
    const go = state.menuTemplate.find((m) => m.label === 'Go');
    expect(go?.submenu?.map((i) => i.label)).toEqual(['Home', 'Library', 'Scenarios', 'Progress']);
    go!.submenu!.find((i) => i.label === 'Scenarios')!.click!();
    expect(state.windows[0]!.loaded.at(-1)).toBe('app://backpressure/index.html#/scenarios');
    const roles = state.menuTemplate.map((m) => m.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['editMenu', 'viewMenu', 'windowMenu']));
  });

  it('quits a second instance instead of opening another window', async () => {
    vi.resetModules();
    state.singleInstance = false;
    const quitsBefore = state.quitCalls;
    await import('../../src-main/index');
    expect(state.quitCalls).toBe(quitsBefore + 1);
    expect(state.windows).toHaveLength(1);
  });
});
