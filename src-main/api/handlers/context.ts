import type { Recovery } from '../../progress/recovery';
import type { ProgressDb } from '../../progress/db';

/** What handlers may touch. Built once by whichever entry starts the app (Electron or browser mode). */
export interface AppContext {
  db: ProgressDb;
  databaseFile: string;
  lessonsFolder: string;
  scenariosFolder: string;
  transport: 'ipc' | 'http';
  version: string;
  now: () => Date;
  /** Set when a damaged database was replaced at startup, so the learner is told. */
  recovery: Recovery | null;
}
