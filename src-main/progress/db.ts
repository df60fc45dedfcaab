import { mkdirSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { migrations, latestSchemaVersion, type Migration } from './migrations/index';

export type ProgressDb = Database.Database;

/** Opening failed for a reason the learner can act on; the file was left as it was. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron needs its own ABI). */
  nativeBinding?: string;
  /** Only for tests of the migration runner. */
  migrations?: Migration[];
}

export function openDatabase(file: string, options: OpenOptions = {}): ProgressDb {
  const path = file === ':memory:' ? file : resolve(file);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const existed = path !== ':memory:' && existsSync(path);

  let db: ProgressDb;
  try {
    db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (err) {
    throw new DatabaseOpenError(path, `Could not open the progress database ${path}: ${(err as Error).message}`);
  }
  try {
    // The first statement is where SQLite notices a damaged or foreign file.
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check reported: ${String(check)}`);
    const list = options.migrations ?? migrations;
    refuseNewerSchema(db, list, path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, list);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof DatabaseOpenError) throw err;
    const what = existed ? 'is damaged or is not a Backpressure database' : 'could not be created';
    throw new DatabaseOpenError(
      path,
      `The progress database ${path} ${what} (SQLite: ${(err as Error).message}). ` +
        'It has been left untouched so nothing is lost; move it aside (or point BACKPRESSURE_DB elsewhere) to start a new one.',
    );
  }
}

export function schemaVersion(db: ProgressDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Checked before any pragma writes, so a newer app's file is left byte for byte as it was. */
function refuseNewerSchema(db: ProgressDb, list: Migration[], path: string): void {
  const current = schemaVersion(db);
  const latest = list === migrations ? latestSchemaVersion : list.reduce((m, x) => Math.max(m, x.version), 0);
  if (current > latest) {
    throw new DatabaseOpenError(
      path,
      `The progress database ${path} was written by a newer Backpressure (schema ${current}; this version knows up to ${latest}). ` +
        'It has been left untouched; update the app to open it.',
    );
  }
}

function migrate(db: ProgressDb, list: Migration[]): void {
  const current = schemaVersion(db);
  for (const migration of [...list].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    // Each step and its version bump commit together, so a crash never leaves a half-applied schema.
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
