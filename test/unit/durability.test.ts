import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../src-main/progress/db';
import { tempDir } from './helpers/tempBackend';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('durability', () => {
  it('keeps every committed row when the writer is killed with SIGKILL mid-stream', async () => {
    const t = tempDir('bp-durable-');
    cleanups.push(t.cleanup);
    const file = join(t.dir, 'progress.db');
    const writer = resolve(import.meta.dirname, 'helpers/progressWriter.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', writer, file], { stdio: ['ignore', 'pipe', 'pipe'] });

    let lastCommitted = -1;
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    await new Promise<void>((done, fail) => {
      let buffer = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) lastCommitted = Number(line);
        // Kill it mid-write, well into its run.
        if (lastCommitted >= 300 && child.exitCode === null) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? done() : fail(new Error(`writer exited on its own: ${stderr}`))));
    });

    const db = openDatabase(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = (db.prepare('SELECT lesson_id FROM lesson_progress').all() as { lesson_id: string }[]).map((r) => Number(r.lesson_id.slice(7)));
    const have = new Set(rows);
    for (let i = 0; i <= lastCommitted; i++) expect(have.has(i), `lesson-${i} was committed`).toBe(true);
    // Nothing half-written: rows are a prefix 0..n with no gaps.
    expect(Math.max(...rows)).toBe(rows.length - 1);
    db.close();
  });
});
