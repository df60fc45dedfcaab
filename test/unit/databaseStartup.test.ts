// What the learner is told when the progress database's file or folder cannot be used:
// a sentence naming the file and what to do, never "damaged" for a permission and never a raw code.
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src-main/progress/db';
import { startBackend } from '../../src-main/backend';
import { openAsLearner, refusal } from './helpers/openOutcome';
import { tempDir } from './helpers/tempBackend';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A folder an ordinary user may enter; its mode is restored before it is removed. */
function openFolder(): string {
  const t = tempDir('bp-startup-');
  chmodSync(t.dir, 0o777);
  cleanups.push(() => {
    chmodSync(t.dir, 0o777);
    t.cleanup();
  });
  return t.dir;
}

const rawCode = /\b(E[A-Z]{3,}|SQLITE_[A-Z_]+)\b/;

describe('starting on a database the app cannot write', () => {
  it('says a read-only file is read-only, not damaged, and names it', () => {
    const dir = openFolder();
    const file = join(dir, 'progress.db');
    openDatabase(file).close();
    chmodSync(file, 0o444);
    const outcome = openAsLearner(file);
    expect(outcome.ok).toBe(false);
    expect(outcome.reason).toBe('read-only');
    expect(outcome.message).toContain(file);
    expect(outcome.message).toMatch(/read-only/);
    expect(outcome.message).not.toMatch(/damaged/);
    expect(outcome.message).not.toMatch(rawCode);
  });

  it('says a read-only folder is read-only, naming the folder', () => {
    const dir = openFolder();
    const folder = join(dir, 'locked');
    mkdirSync(folder);
    const file = join(folder, 'progress.db');
    openDatabase(file).close();
    chmodSync(file, 0o666);
    chmodSync(folder, 0o555);
    cleanups.unshift(() => chmodSync(folder, 0o777));
    const outcome = openAsLearner(file);
    expect(outcome.ok).toBe(false);
    expect(outcome.reason).toBe('read-only');
    expect(outcome.message).toContain(folder);
    expect(outcome.message).toMatch(/folder .* read-only/);
    expect(outcome.message).not.toMatch(/damaged/);
  });

  it('explains a path that runs through a file (ENOTDIR) in words', () => {
    const dir = openFolder();
    writeFileSync(join(dir, 'notes.txt'), 'a file, not a folder');
    const file = join(dir, 'notes.txt', 'progress.db');
    const error = refusal(file);
    expect(error.reason).toBe('unusable-path');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/is a file, not a folder/);
    expect(error.message).not.toMatch(rawCode);
  });

  it('explains a folder the app may not enter (EACCES) in words', () => {
    const dir = openFolder();
    const closed = join(dir, 'closed');
    mkdirSync(closed, { mode: 0o700 });
    chmodSync(closed, 0o700);
    const outcome = openAsLearner(join(closed, 'inner', 'progress.db'));
    expect(outcome.ok).toBe(false);
    expect(outcome.reason).toBe('unusable-path');
    expect(outcome.message).toMatch(/not allowed/);
    expect(outcome.message).not.toMatch(rawCode);
  });

  it('explains a database path that is a folder', () => {
    const dir = openFolder();
    const error = refusal(dir);
    expect(error.reason).toBe('unusable-path');
    expect(error.message).toMatch(/is a folder, not a file/);
    expect(error.message).not.toMatch(rawCode);
  });
});

describe('the startup route', () => {
  it('hands the refusal to whoever starts the backend, as the error both entries show', () => {
    const dir = openFolder();
    // Electron's dialog and browser mode's console both print this error's message as it is.
    expect(() => startBackend({ transport: 'http', databaseFile: dir, lessonsFolder: dir, scenariosFolder: dir, version: 'test' })).toThrow(
      expect.objectContaining({ name: 'DatabaseOpenError', message: expect.stringContaining(`${dir} is a folder, not a file`) }),
    );
  });
});
