/**
 * Backup copies of the progress database, in a `backups/` folder beside it: taken before a
 * migration, an import or a reset, and once a day; only the newest few are kept.
 * Copies are made with SQLite's VACUUM INTO, which reads a consistent snapshot of a live WAL
 * database (a file copy could catch the main file and its WAL out of step).
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type Database from 'better-sqlite3';

export type BackupReason = 'before-migration' | 'before-import' | 'before-reset' | 'daily';

export interface BackupFile {
  file: string;
  reason: BackupReason;
  /** When it was taken, as an ISO timestamp. */
  at: string;
}

/** How many backups are kept; older ones are deleted as new ones are taken. */
export const backupsKept = 5;

const dayMs = 24 * 60 * 60 * 1000;
const reasons: readonly BackupReason[] = ['before-migration', 'before-import', 'before-reset', 'daily'];

export function backupFolder(databaseFile: string): string {
  return join(dirname(databaseFile), 'backups');
}

/** "2026-12-02T17:10:00.123Z" as a file-name-safe "2026-12-02T17-10-00-123Z" (sorts the same way). */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

function parseStamp(stamp: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(stamp);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : null;
}

/** The backups of this database, newest first. Files that do not follow our naming are left alone. */
export function listBackups(databaseFile: string): BackupFile[] {
  const folder = backupFolder(databaseFile);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return []; // no folder yet, or something else in its place: there are no backups to list
  }
  const stem = basename(databaseFile, extname(databaseFile));
  const found: BackupFile[] = [];
  for (const name of names) {
    const m = new RegExp(`^${escape(stem)}-(.+Z)-(${reasons.join('|')})\\.db$`).exec(name);
    const at = m && parseStamp(m[1]!);
    if (m && at) found.push({ file: join(folder, name), reason: m[2] as BackupReason, at });
  }
  return found.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Copies the open database into a new backup, then deletes all but the newest `backupsKept`. */
export function takeBackup(db: Database.Database, databaseFile: string, reason: BackupReason, now: Date): BackupFile {
  const folder = backupFolder(databaseFile);
  mkdirSync(folder, { recursive: true });
  const stem = basename(databaseFile, extname(databaseFile));
  // Two backups in the same millisecond (an import right after a migration) must not collide.
  let at = now;
  let file = join(folder, `${stem}-${fileStamp(at)}-${reason}.db`);
  while (existsSync(file)) {
    at = new Date(at.getTime() + 1);
    file = join(folder, `${stem}-${fileStamp(at)}-${reason}.db`);
  }
  try {
    db.prepare('VACUUM INTO ?').run(file);
  } catch (err) {
    // A half-written copy (a full disk) must never be mistaken for a good backup later.
    rmSync(file, { force: true });
    throw err;
  }
  rotateBackups(databaseFile);
  return { file, reason, at: at.toISOString() };
}

export function rotateBackups(databaseFile: string, keep = backupsKept): void {
  for (const old of listBackups(databaseFile).slice(keep)) rmSync(old.file, { force: true });
}

/** The once-a-day backup, taken at open when the newest backup is more than a day old and there is progress to keep. */
export function takeDailyBackupIfDue(db: Database.Database, databaseFile: string, now: Date): BackupFile | null {
  const newest = listBackups(databaseFile)[0];
  if (newest && now.getTime() - Date.parse(newest.at) < dayMs) return null;
  const hasProgress = db.prepare('SELECT EXISTS (SELECT 1 FROM events) OR EXISTS (SELECT 1 FROM lesson_progress)').pluck().get() === 1;
  return hasProgress ? tryBackup(db, databaseFile, 'daily', now) : null;
}

/**
 * A backup that must not stop the app (at startup): when it fails (a full disk, a read-only
 * backups folder) the app still opens, and says why on its console. Each migration is its own
 * transaction, so going ahead without the copy loses nothing already committed.
 */
export function tryBackup(db: Database.Database, databaseFile: string, reason: BackupReason, now: Date): BackupFile | null {
  try {
    return takeBackup(db, databaseFile, reason, now);
  } catch (err) {
    console.warn(`Backpressure could not take a backup (${reason}) of ${databaseFile} in ${backupFolder(databaseFile)}: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}
