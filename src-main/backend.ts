import { openDatabase } from './progress/db';
import { createHandlers, type AppContext } from './api/handlers/index';
import { createDispatch, type Dispatch } from './api/dispatch';

export interface BackendOptions {
  transport: AppContext['transport'];
  databaseFile: string;
  lessonsFolder: string;
  version: string;
  nativeBinding?: string;
  now?: () => Date;
}

export interface Backend {
  dispatch: Dispatch;
  context: AppContext;
  close(): void;
}

/** Everything behind the API, shared by the Electron entry and browser mode. */
export function startBackend(options: BackendOptions): Backend {
  const db = openDatabase(options.databaseFile, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const context: AppContext = {
    db,
    databaseFile: options.databaseFile,
    lessonsFolder: options.lessonsFolder,
    transport: options.transport,
    version: options.version,
    now: options.now ?? (() => new Date()),
  };
  const dispatch = createDispatch(createHandlers(context));
  return {
    dispatch,
    context,
    close: () => db.close(),
  };
}
