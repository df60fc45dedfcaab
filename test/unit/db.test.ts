import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { backpressureApplicationId, DatabaseOpenError, openDatabase, schemaVersion } from '../../src-main/progress/db';
import { latestSchemaVersion, migrations } from '../../src-main/progress/migrations/index';
import { appendEvent, recentEvents } from '../../src-main/progress/events';
import { refusal } from './helpers/openOutcome';
import { tempDir } from './helpers/tempBackend';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function dir() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

/** A file made directly with SQLite, as another program (or a hand edit) would leave it. */
function rawFile(file: string, sql: string, pragmas: Record<string, number> = {}): Buffer {
  const raw = new Database(file);
  raw.exec(sql);
  for (const [name, value] of Object.entries(pragmas)) raw.pragma(`${name} = ${value}`);
  raw.close();
  return readFileSync(file);
}

describe('the progress database', () => {
  it('reads the activity record newest first by when it happened, whatever order it was written in', () => {
    const db = openDatabase(join(dir(), 'progress.db'));
    // Events merged in from an export arrive after the learner's own, with higher ids but older times.
    appendEvent(db, new Date('2026-12-02T10:00:00Z'), 'lesson.opened', 'mine');
    appendEvent(db, new Date('2026-11-20T09:00:00Z'), 'lesson.opened', 'imported-old');
    appendEvent(db, new Date('2026-12-01T09:00:00Z'), 'lesson.opened', 'imported-newer');
    expect(recentEvents(db, 10).map((e) => e.subject)).toEqual(['mine', 'imported-newer', 'imported-old']);
    db.close();
  });

  it('creates the schema on a new file with WAL and foreign keys on', () => {
    const file = join(dir(), 'nested', 'progress.db');
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(latestSchemaVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['lesson_progress', 'events']));
    db.close();
  });

  it('keeps data and does not re-run migrations when reopened', () => {
    const file = join(dir(), 'progress.db');
    const first = openDatabase(file);
    appendEvent(first, new Date('2026-01-01T00:00:00Z'), 'test.kept', 'x');
    first.close();
    const again = openDatabase(file);
    expect(again.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 1 });
    again.close();
  });

  it('applies only the migrations a database is missing, in order', () => {
    const file = join(dir(), 'progress.db');
    const v1 = openDatabase(file, { migrations: migrations.filter((m) => m.version === 1) });
    v1.close();
    const extra = { version: latestSchemaVersion + 1, name: 'test column', sql: 'ALTER TABLE events ADD COLUMN note TEXT;' };
    const db = openDatabase(file, { migrations: [...migrations, extra] });
    expect(schemaVersion(db)).toBe(extra.version);
    expect(db.prepare("SELECT count(*) AS n FROM pragma_table_info('events') WHERE name = 'note'").get()).toEqual({ n: 1 });
    db.close();
  });

  it('rolls back a migration that fails, leaving the earlier schema intact', () => {
    const file = join(dir(), 'progress.db');
    openDatabase(file).close();
    const broken = { version: latestSchemaVersion + 1, name: 'broken', sql: 'CREATE TABLE half (a); THIS IS NOT SQL;' };
    expect(() => openDatabase(file, { migrations: [...migrations, broken] })).toThrow(DatabaseOpenError);
    const raw = new Database(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    raw.close();
  });

  it('refuses a database from a newer version of the app without touching it', () => {
    const file = join(dir(), 'progress.db');
    const before = rawFile(file, '', { user_version: latestSchemaVersion + 5, application_id: backpressureApplicationId });
    expect(() => openDatabase(file)).toThrow(/newer version of Backpressure/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('names a damaged file in a clear error and leaves its bytes as they were', () => {
    const file = join(dir(), 'progress.db');
    const garbage = Buffer.from('this is not a database, it is a shopping list\n'.repeat(200));
    writeFileSync(file, garbage);
    let error: unknown;
    try {
      openDatabase(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(/damaged|not a Backpressure database/);
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });

  it('stamps a new file with the Backpressure application id', () => {
    const file = join(dir(), 'progress.db');
    openDatabase(file).close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('application_id', { simple: true })).toBe(backpressureApplicationId);
    raw.close();
  });

  it('adopts a Backpressure file made before the application id, keeping its data', () => {
    const file = join(dir(), 'progress.db');
    const db = openDatabase(file);
    appendEvent(db, new Date('2026-01-01T00:00:00Z'), 'test.kept', 'x');
    db.pragma('application_id = 0');
    db.close();
    const again = openDatabase(file);
    expect(again.pragma('application_id', { simple: true })).toBe(backpressureApplicationId);
    expect(again.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 1 });
    again.close();
  });

  it("refuses another program's SQLite file untouched: no tables added, no switch to WAL", () => {
    const file = join(dir(), 'notes.db');
    const before = rawFile(file, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('milk');");
    const error = refusal(file);
    expect(error.reason).toBe('foreign');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/not a Backpressure progress database/);
    expect(error.message).not.toMatch(/damaged/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(['notes']);
    raw.close();
  });

  it('refuses a file stamped with another application id even when it is empty', () => {
    const file = join(dir(), 'other.db');
    const before = rawFile(file, '', { application_id: 0x1234_5678 });
    expect(refusal(file).reason).toBe('foreign');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file whose user_version matches but whose tables are missing, naming what is missing', () => {
    const file = join(dir(), 'progress.db');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.exec('DROP TABLE attempts');
    raw.close();
    const before = readFileSync(file);
    const error = refusal(file);
    expect(error.reason).toBe('incomplete');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/missing.*attempts/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file whose tables lack columns its user_version promises', () => {
    const file = join(dir(), 'progress.db');
    rawFile(
      file,
      'CREATE TABLE lesson_progress (lesson_id TEXT PRIMARY KEY, status TEXT); CREATE TABLE events (id INTEGER PRIMARY KEY, at TEXT, kind TEXT, subject TEXT, data TEXT);',
      { user_version: 1, application_id: backpressureApplicationId },
    );
    const error = refusal(file);
    expect(error.reason).toBe('incomplete');
    expect(error.message).toMatch(/lesson_progress\.first_opened_at/);
  });

  it('says a newer file was made by a newer version, and leaves it untouched', () => {
    const file = join(dir(), 'progress.db');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${latestSchemaVersion + 1}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = readFileSync(file);
    const error = refusal(file);
    expect(error.reason).toBe('newer');
    expect(error.message).toMatch(/made by a newer version of Backpressure/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('keeps the event log append-only', () => {
    const db = openDatabase(join(dir(), 'progress.db'));
    appendEvent(db, new Date(), 'test.event', null, { a: 1 });
    expect(() => db.prepare("UPDATE events SET kind = 'edited'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT kind FROM events').get()).toEqual({ kind: 'test.event' });
    db.close();
  });
});
