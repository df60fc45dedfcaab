/**
 * Opening the learner's progress so that a damaged file never blocks them and is never lost:
 * it is moved aside under a name that says so, the newest good backup takes its place (or a
 * fresh database when there is none), and the learner is told in one sentence. Every other
 * refusal (a newer version, another program's file, a read-only folder) still stops, untouched.
 */
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseOpenError, openDatabase, schemaVersion, type OpenOptions, type ProgressDb } from './db';
import { fileStamp, listBackups, takeDailyBackupIfDue, type BackupFile } from './backups';
import { identifyFile } from './fileIdentity';
import { latestSchemaVersion } from './migrations/index';

/** What was done with a damaged file: where it went, and which backup (if any) took its place. */
export interface Recovery {
  damagedFile: string;
  restoredFrom: BackupFile | null;
}

export interface OpenedProgress {
  db: ProgressDb;
  /** Set when the file was damaged and had to be replaced; null when it opened as it was. */
  recovery: Recovery | null;
}

export function openProgress(file: string, options: OpenOptions = {}): OpenedProgress {
  const now = options.now ?? (() => new Date());
  // SQLite removes a WAL when its last connection closes, even after refusing the main file,
  // so the log is read first: a damaged file's last writes are kept with it.
  const wal = file === ':memory:' ? null : readIfPresent(`${resolve(file)}-wal`);
  let db: ProgressDb;
  try {
    db = openDatabase(file, options);
  } catch (err) {
    if (!(err instanceof DatabaseOpenError) || err.reason !== 'damaged' || file === ':memory:') throw err;
    return recoverDamaged(resolve(file), options, now(), wal);
  }
  if (file !== ':memory:') takeDailyBackupIfDue(db, resolve(file), now());
  return { db, recovery: null };
}

/** `progress.db` → `progress.damaged-2026-12-02T17-10-00-000Z.db`, with its WAL and shared-memory files beside it. */
export function moveAside(file: string, at: Date, wal: Buffer | null = null): string {
  const ext = extname(file);
  const aside = join(dirname(file), `${basename(file, ext)}.damaged-${fileStamp(at)}${ext}`);
  renameSync(file, aside);
  for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  if (wal && !existsSync(`${aside}-wal`)) writeFileSync(`${aside}-wal`, wal);
  return aside;
}

function readIfPresent(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/** A backup is good when it opens, passes SQLite's quick check, and is ours at a version we know. */
export function isGoodBackup(backup: string, nativeBinding?: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(backup, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    if (db.pragma('quick_check', { simple: true }) !== 'ok') return false;
    return identifyFile(db).kind === 'ours' && schemaVersion(db) <= latestSchemaVersion;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

function recoverDamaged(file: string, options: OpenOptions, at: Date, wal: Buffer | null): OpenedProgress {
  const damagedFile = moveAside(file, at, wal);
  const good = listBackups(file).find((b) => isGoodBackup(b.file, options.nativeBinding));
  // The backup itself stays in backups/, so a restore that goes wrong can be tried again.
  if (good) copyFileSync(good.file, file);
  return { db: openDatabase(file, options), recovery: { damagedFile, restoredFrom: good ?? null } };
}

/**
 * The one sentence the learner is told. `showPath` is false for a browser page, which is never
 * told where progress is kept: it names the file beside the database instead.
 */
export function describeRecovery(recovery: Recovery, showPath: boolean): string {
  const where = showPath ? `at ${recovery.damagedFile}` : `beside your progress database as ${basename(recovery.damagedFile)}`;
  const b = recovery.restoredFrom;
  return b
    ? `Your progress database was damaged, so Backpressure restored the backup taken ${b.at.slice(0, 16).replace('T', ' at ')} UTC; the damaged file is kept ${where}.`
    : `Your progress database was damaged and there was no good backup, so Backpressure started a fresh one; the damaged file is kept ${where}.`;
}
