import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { DatabaseOpenError, openDatabase } from '../../../src-main/progress/db';

export interface OpenOutcome {
  ok: boolean;
  message?: string;
  reason?: string | null;
}

// Root writes through any permission bit, so a read-only file only stays read-only for an ordinary user:
// under root the child runs as "nobody", the way a learner's own account would meet the file.
const nobody = 65534;
export const runsAsRoot = process.getuid?.() === 0;

/** Opens the database in a child process as an ordinary user, and reports what happened. */
export function openAsLearner(file: string): OpenOutcome {
  const child = resolve(import.meta.dirname, 'openDatabaseChild.ts');
  const result = spawnSync(process.execPath, ['--import', 'tsx', child, file], {
    encoding: 'utf8',
    cwd: resolve(import.meta.dirname, '../../..'),
    ...(runsAsRoot ? { uid: nobody, gid: nobody } : {}),
  });
  const line = result.stdout.trim().split('\n').pop() ?? '';
  if (!line.startsWith('{')) throw new Error(`the child did not answer: ${result.stderr}`);
  return JSON.parse(line) as OpenOutcome;
}

/** What opening the file threw, for tests that expect a refusal. */
export function refusal(file: string): DatabaseOpenError {
  try {
    openDatabase(file).close();
  } catch (err) {
    if (err instanceof DatabaseOpenError) return err;
    throw err;
  }
  throw new Error(`${file} opened, but should have been refused`);
}
