// Progress that survives: backups before a migration and once a day (rotated), migrations from
// every earlier schema keeping what the learner did, and a damaged file moved aside and replaced.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseOpenError, openDatabase, schemaVersion } from '../../src-main/progress/db';
import { latestSchemaVersion, migrations } from '../../src-main/progress/migrations/index';
import { backupsKept, listBackups, takeBackup } from '../../src-main/progress/backups';
import { describeRecovery, openProgress } from '../../src-main/progress/recovery';
import { appendEvent } from '../../src-main/progress/events';
import { recordLessonEvent } from '../../src-main/progress/lessonProgress';
import { tempDir } from './helpers/tempBackend';
import { startBackend } from '../../src-main/backend';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function dir() {
  const t = tempDir('bp-backups-');
  cleanups.push(t.cleanup);
  return t.dir;
}

const at = (iso: string) => () => new Date(iso);

/** A database as an earlier Backpressure left it: migrations up to `version`, with a lesson read and an event. */
function databaseAt(file: string, version: number): void {
  const db = openDatabase(file, { migrations: migrations.filter((m) => m.version <= version), now: at('2026-11-01T09:00:00Z') });
  db.prepare("INSERT INTO lesson_progress (lesson_id, status, first_opened_at, last_opened_at, seconds_spent, reading_position) VALUES ('caching', 'read', '2026-11-01T09:00:00.000Z', '2026-11-01T09:30:00.000Z', 420, 1)").run();
  appendEvent(db, new Date('2026-11-01T09:30:00Z'), 'lesson.completed', 'caching');
  if (version >= 2) db.prepare("INSERT INTO check_answers VALUES ('caching', 'c1', 2, 1, '2026-11-01T09:20:00.000Z')").run();
  if (version >= 3) {
    db.prepare("INSERT INTO attempts (scenario_id, created_at, seed, drill, pass, terms_passed, terms_total, uptime_pct, p95_ms, cost_per_month, design, run) VALUES ('checkout', '2026-11-01T10:00:00.000Z', 7, NULL, 1, 3, 3, 99.9, 120, 400, '{}', '{}')").run();
  }
  db.close();
}

describe('migrations from every earlier schema', () => {
  for (const version of [1, 2, 3]) {
    it(`brings a schema ${version} database to ${latestSchemaVersion}, keeping the learner's progress, after a backup of the old file`, () => {
      const file = join(dir(), 'progress.db');
      databaseAt(file, version);
      const db = openDatabase(file, { now: at('2026-12-02T08:00:00Z') });
      expect(schemaVersion(db)).toBe(latestSchemaVersion);
      expect(db.prepare("SELECT status, seconds_spent FROM lesson_progress WHERE lesson_id = 'caching'").get()).toEqual({ status: 'read', seconds_spent: 420 });
      expect(db.prepare('SELECT kind FROM events').pluck().all()).toEqual(['lesson.completed']);
      // Version 2 marks lessons already read as having reached their end.
      if (version === 1) expect(db.prepare("SELECT end_reached FROM lesson_progress WHERE lesson_id = 'caching'").pluck().get()).toBe(1);
      if (version >= 2) expect(db.prepare('SELECT option_index FROM check_answers').pluck().get()).toBe(2);
      // Attempts made before "from the reference" was recorded count as the learner's own.
      if (version >= 3) expect(db.prepare('SELECT pass, from_reference FROM attempts').get()).toEqual({ pass: 1, from_reference: 0 });
      db.close();

      const [backup, ...more] = listBackups(file);
      expect(more).toEqual([]);
      expect(backup!.reason).toBe('before-migration');
      expect(backup!.at).toBe('2026-12-02T08:00:00.000Z');
      const old = new Database(backup!.file, { readonly: true });
      expect(schemaVersion(old)).toBe(version);
      expect(old.prepare('SELECT seconds_spent FROM lesson_progress').pluck().get()).toBe(420);
      old.close();
    });
  }

  it('takes no migration backup for a new file or one already up to date', () => {
    const file = join(dir(), 'progress.db');
    openDatabase(file).close();
    openDatabase(file).close();
    expect(listBackups(file)).toEqual([]);
  });
});

describe('backups', () => {
  it(`keeps only the newest ${backupsKept}, named with their time and reason`, () => {
    const file = join(dir(), 'progress.db');
    const db = openDatabase(file);
    for (let day = 1; day <= 8; day++) takeBackup(db, file, day % 2 ? 'before-import' : 'before-reset', new Date(`2026-11-0${day}T12:00:00Z`));
    db.close();
    const names = readdirSync(join(file, '..', 'backups')).sort();
    expect(names).toHaveLength(backupsKept);
    expect(names[0]).toBe('progress-2026-11-04T12-00-00-000Z-before-reset.db');
    expect(names.at(-1)).toBe('progress-2026-11-08T12-00-00-000Z-before-reset.db');
  });

  it('takes a daily backup at open only when the newest is more than a day old and there is progress', () => {
    const file = join(dir(), 'progress.db');
    openProgress(file, { now: at('2026-12-01T08:00:00Z') }).db.close();
    expect(listBackups(file)).toEqual([]); // nothing to keep yet

    const db = openDatabase(file);
    recordLessonEvent(db, 'caching', { event: 'opened' }, new Date('2026-12-01T08:05:00Z'));
    db.close();
    openProgress(file, { now: at('2026-12-01T09:00:00Z') }).db.close();
    openProgress(file, { now: at('2026-12-02T08:59:00Z') }).db.close(); // under a day later
    expect(listBackups(file).map((b) => [b.reason, b.at])).toEqual([['daily', '2026-12-01T09:00:00.000Z']]);
    openProgress(file, { now: at('2026-12-02T09:01:00Z') }).db.close();
    expect(listBackups(file).map((b) => b.at)).toEqual(['2026-12-02T09:01:00.000Z', '2026-12-01T09:00:00.000Z']);
  });
});

describe('when a backup cannot be taken', () => {
  it('still opens (and migrates) at startup, but refuses an import or a reset, changing nothing', async () => {
    const folder = dir();
    const file = join(folder, 'progress.db');
    databaseAt(file, 3);
    writeFileSync(join(folder, 'backups'), 'a file where the backups folder should be');
    const backend = startBackend({ transport: 'http', databaseFile: file, lessonsFolder: folder, scenariosFolder: folder, version: 'test', now: at('2026-12-02T09:00:00Z') });
    try {
      expect(schemaVersion(backend.context.db)).toBe(latestSchemaVersion);
      const exported = await backend.dispatch('exportProgress', {});
      const text = exported.ok ? (exported.value as { text: string }).text : '';
      const reset = await backend.dispatch('resetProgress', { confirm: true });
      expect(reset).toMatchObject({ ok: false, error: { message: expect.stringMatching(/could not save a backup of your progress first .*so nothing was reset\.$/) } });
      const imported = await backend.dispatch('importProgress', { text });
      expect(imported).toMatchObject({ ok: false, error: { message: expect.stringMatching(/so nothing was imported\.$/) } });
      expect(backend.context.db.prepare('SELECT COUNT(*) FROM lesson_progress').pluck().get()).toBe(1);
    } finally {
      backend.close();
    }
  });
});

describe('a damaged progress database', () => {
  function damage(file: string): void {
    writeFileSync(file, 'this is not a database, just some bytes '.repeat(200));
  }

  it('is moved aside and replaced by the newest good backup, and the learner is told where it went', () => {
    const folder = dir();
    const file = join(folder, 'progress.db');
    const db = openDatabase(file);
    recordLessonEvent(db, 'caching', { event: 'opened' }, new Date('2026-12-01T08:05:00Z'));
    takeBackup(db, file, 'daily', new Date('2026-12-01T09:00:00Z'));
    db.close();
    // The newest backup is itself damaged: the one before it is used.
    writeFileSync(join(folder, 'backups', 'progress-2026-12-02T09-00-00-000Z-daily.db'), 'garbage');
    damage(file);
    const damagedBytes = readFileSync(file);

    const opened = openProgress(file, { now: at('2026-12-02T17:10:00Z') });
    expect(opened.db.prepare('SELECT lesson_id FROM lesson_progress').pluck().all()).toEqual(['caching']);
    opened.db.close();
    const aside = join(folder, 'progress.damaged-2026-12-02T17-10-00-000Z.db');
    expect(readFileSync(aside)).toEqual(damagedBytes);
    expect(opened.recovery).toEqual({ damagedFile: aside, restoredFrom: expect.objectContaining({ at: '2026-12-01T09:00:00.000Z' }) });
    expect(describeRecovery(opened.recovery!, true)).toBe(
      `Your progress database was damaged, so Backpressure restored the backup taken 2026-12-01 at 09:00 UTC; the damaged file is kept at ${aside}.`,
    );
    // A browser page is never told the full path; it hears the file's name.
    expect(describeRecovery(opened.recovery!, false)).toMatch(/kept beside your progress database as progress\.damaged-2026-12-02T17-10-00-000Z\.db\.$/);
  });

  it('starts fresh when there is no backup, keeping the damaged file and its WAL beside it', () => {
    const folder = dir();
    const file = join(folder, 'progress.db');
    damage(file);
    writeFileSync(`${file}-wal`, 'a stray write-ahead log');
    const opened = openProgress(file, { now: at('2026-12-02T17:10:00Z') });
    expect(schemaVersion(opened.db)).toBe(latestSchemaVersion);
    expect(opened.db.prepare('SELECT COUNT(*) FROM lesson_progress').pluck().get()).toBe(0);
    opened.db.close();
    expect(existsSync(join(folder, 'progress.damaged-2026-12-02T17-10-00-000Z.db'))).toBe(true);
    expect(readFileSync(join(folder, 'progress.damaged-2026-12-02T17-10-00-000Z.db-wal'), 'utf8')).toBe('a stray write-ahead log');
    expect(describeRecovery(opened.recovery!, true)).toMatch(/^Your progress database was damaged and there was no good backup, so Backpressure started a fresh one; the damaged file is kept at .*progress\.damaged-/);
  });

  it('still refuses a database from a newer version, untouched, with nothing moved', () => {
    const file = join(dir(), 'progress.db');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${latestSchemaVersion + 1}`);
    raw.close();
    const before = readFileSync(file);
    expect(() => openProgress(file)).toThrow(DatabaseOpenError);
    expect(() => openProgress(file)).toThrow(/newer version of Backpressure/);
    expect(readFileSync(file)).toEqual(before);
    expect(readdirSync(join(file, '..')).filter((n) => n.includes('damaged'))).toEqual([]);
  });

  it('never stops the app: the backend starts, and the page is told in one sentence', async () => {
    const folder = dir();
    const file = join(folder, 'progress.db');
    damage(file);
    const backend = startBackend({ transport: 'http', databaseFile: file, lessonsFolder: folder, scenariosFolder: folder, version: 'test', now: at('2026-12-02T17:10:00Z') });
    const info = await backend.dispatch('appInfo', {});
    backend.close();
    expect(info).toMatchObject({ ok: true, value: { startupNotice: expect.stringMatching(/^Your progress database was damaged .* as progress\.damaged-2026-12-02T17-10-00-000Z\.db\.$/) } });
  });
});
