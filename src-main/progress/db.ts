import { accessSync, constants, mkdirSync, statSync, type Stats } from 'node:fs';
import { errorCode } from '../fsErrors';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { migrations, type Migration } from './migrations/index';
import { backpressureApplicationId, identifyFile } from './fileIdentity';
import { missingSchema } from './schemaCheck';
import { DatabaseOpenError, describeOpenFailure, refuse } from './openProblems';
import { tryBackup } from './backups';

export { DatabaseOpenError, type DatabaseProblem } from './openProblems';
export { backpressureApplicationId } from './fileIdentity';

export type ProgressDb = Database.Database;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron needs its own ABI). */
  nativeBinding?: string;
  /** Only for tests of the migration runner. */
  migrations?: Migration[];
  /** The clock that names backups; tests pass their own. */
  now?: () => Date;
}

/**
 * Opens the learner's progress, or refuses with a DatabaseOpenError saying why. Until the file is
 * known to be ours, at a version we know, with every table that version promises, nothing is
 * written to it: a foreign or newer file is left byte for byte as it was.
 */
export function openDatabase(file: string, options: OpenOptions = {}): ProgressDb {
  const path = file === ':memory:' ? file : resolve(file);
  const existed = path !== ':memory:' && prepareLocation(path);
  const list = options.migrations ?? migrations;

  let db: ProgressDb;
  try {
    db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (err) {
    throw describeOpenFailure(path, existed, err);
  }
  try {
    // The first read is where SQLite notices a damaged file.
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error(`integrity check reported: ${String(check)}`), { code: 'SQLITE_CORRUPT' });
    const identity = identifyFile(db);
    if (identity.kind === 'foreign') throw refuse.foreign(path);
    const version = schemaVersion(db);
    const latest = list.reduce((m, x) => Math.max(m, x.version), 0);
    if (version > latest) throw refuse.newer(path, version, latest);
    const missing = missingSchema(db, list, version, options.nativeBinding);
    if (missing.length > 0) throw refuse.incomplete(path, version, missing);

    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // An older file is copied before its schema changes, so a migration that goes wrong loses nothing.
    const pending = list.some((m) => m.version > version);
    if (path !== ':memory:' && version >= 1 && pending) tryBackup(db, path, 'before-migration', (options.now ?? (() => new Date()))());
    migrate(db, list);
    if (path !== ':memory:') probeWrite(db);
    return db;
  } catch (err) {
    db.close();
    throw describeOpenFailure(path, existed, err);
  }
}

export function schemaVersion(db: ProgressDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Makes the folder and checks that this user may write the file and the folder (SQLite creates its
 * journal beside the file). Says whether the file already existed.
 */
function prepareLocation(path: string): boolean {
  const folder = dirname(path);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (err) {
    throw describeOpenFailure(path, false, err);
  }
  let found: Stats | undefined;
  try {
    found = statSync(path);
  } catch (err) {
    if (errorCode(err) !== 'ENOENT') throw describeOpenFailure(path, true, err);
  }
  if (found?.isDirectory()) throw describeOpenFailure(path, true, Object.assign(new Error('is a folder'), { code: 'EISDIR' }));
  const existed = found !== undefined;
  if (!writable(folder)) throw refuse.readOnlyFolder(path);
  if (existed && !writable(path)) throw refuse.readOnlyFile(path);
  return existed;
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A write that is rolled back: the permissions looked right, but a read-only mount or lock says otherwise. */
function probeWrite(db: ProgressDb): void {
  try {
    db.exec('BEGIN IMMEDIATE; CREATE TABLE backpressure_write_probe (x); ROLLBACK;');
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

function migrate(db: ProgressDb, list: Migration[]): void {
  const current = schemaVersion(db);
  const stamp = () => db.pragma(`application_id = ${backpressureApplicationId}`);
  const pending = [...list].sort((a, b) => a.version - b.version).filter((m) => m.version > current);
  // Each step, its version bump and our stamp commit together, so a crash never leaves a half-applied schema.
  for (const migration of pending) {
    db.transaction(() => {
      stamp();
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  // A Backpressure file from before the stamp is adopted as it stands.
  if (pending.length === 0 && db.pragma('application_id', { simple: true }) !== backpressureApplicationId) db.transaction(stamp)();
}
