import { openProgress } from './progress/recovery';
import { createHandlers, type AppContext } from './api/handlers/index';
import { createDispatch, type Dispatch } from './api/dispatch';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SimulationPool } from './simPool/pool';

export interface BackendOptions {
  transport: AppContext['transport'];
  databaseFile: string;
  lessonsFolder: string;
  scenariosFolder: string;
  version: string;
  nativeBinding?: string;
  now?: () => Date;
  /** Where the simulation worker lives: the built simWorker.js; defaults to the source run through tsx. */
  simWorker?: string;
}

// Plain path joins, not new URL(..., import.meta.url), which bundlers rewrite into assets.
const sourceWorker = () => join(dirname(fileURLToPath(import.meta.url)), 'simPool', 'simWorker.ts');

export interface Backend {
  dispatch: Dispatch;
  context: AppContext;
  close(): void;
}

/** Everything behind the API, shared by the Electron entry and browser mode. */
export function startBackend(options: BackendOptions): Backend {
  // A damaged file is moved aside and replaced (from a backup when there is one); other refusals stop here.
  const { db, recovery } = openProgress(options.databaseFile, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const context: AppContext = {
    db,
    databaseFile: options.databaseFile,
    lessonsFolder: options.lessonsFolder,
    scenariosFolder: options.scenariosFolder,
    transport: options.transport,
    version: options.version,
    now: options.now ?? (() => new Date()),
    recovery,
  };
  // Workers start on the first simulation, so the app and tests that never simulate pay nothing.
  let pool: SimulationPool | null = null;
  const simulationPool = () => {
    pool ??= new SimulationPool({
      workerFile: options.simWorker ?? sourceWorker(),
      size: Math.max(1, Math.min(3, availableParallelism() - 1)),
    });
    return pool;
  };
  const dispatch = createDispatch(createHandlers(context, simulationPool));
  return {
    dispatch,
    context,
    close: () => {
      void pool?.close();
      db.close();
    },
  };
}
