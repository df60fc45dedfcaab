import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startBackend, type Backend } from '../../../src-main/backend';

export const fixtureLessons = resolve(import.meta.dirname, '../../fixtures/lessons');
export const realScenarios = resolve(import.meta.dirname, '../../../scenarios');

export function tempDir(prefix = 'bp-unit-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A real backend (handlers, SQLite) on a temporary database and the fixture lessons. */
export function tempBackend(options: { lessonsFolder?: string; scenariosFolder?: string; now?: () => Date } = {}): Backend & { dir: string; dispose: () => void } {
  const { dir, cleanup } = tempDir();
  const backend = startBackend({
    transport: 'http',
    databaseFile: join(dir, 'progress.db'),
    lessonsFolder: options.lessonsFolder ?? fixtureLessons,
    scenariosFolder: options.scenariosFolder ?? realScenarios,
    version: '0.0.0-test',
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    ...backend,
    dir,
    dispose: () => {
      backend.close();
      cleanup();
    },
  };
}
