// Export, import as a merge, and reset, through the API a learner's buttons call.
import { afterEach, describe, expect, it } from 'vitest';
import { tempBackend } from './helpers/tempBackend';
import { listBackups } from '../../src-main/progress/backups';
import { join } from 'node:path';
import type { OutputOf, InputOf, MethodName } from '../../src-main/api/contract';

let clock = new Date('2026-12-01T10:00:00Z');
const backends: ReturnType<typeof tempBackend>[] = [];
afterEach(() => backends.splice(0).forEach((b) => b.dispose()));

function learner() {
  const b = tempBackend({ now: () => clock });
  backends.push(b);
  const call = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => {
    const result = await b.dispatch(method, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as OutputOf<M>;
  };
  return { ...b, call };
}

const at = (iso: string) => (clock = new Date(iso));
const kept = (n: number) => ({ added: 0, updated: 0, kept: n });

async function someProgress(l: ReturnType<typeof learner>) {
  at('2026-12-01T10:00:00Z');
  await l.call('recordProgress', { lessonId: 'queues-101', event: 'opened' });
  at('2026-12-01T10:05:00Z');
  await l.call('recordCheckAnswer', { lessonId: 'queues-101', checkId: 'check-1', optionIndex: 0 });
}

describe('export and import', () => {
  it('exports one versioned file that imports into an empty database as all added', async () => {
    const a = learner();
    await someProgress(a);
    const { fileName, text } = await a.call('exportProgress', {});
    expect(fileName).toBe('backpressure-progress-2026-12-01.json');
    const file = JSON.parse(text) as Record<string, unknown[]>;
    expect(file).toMatchObject({ format: 'backpressure-progress', version: 1, exportedAt: '2026-12-01T10:05:00.000Z' });
    expect(file.lessons).toHaveLength(1);
    expect(file.events).toHaveLength(2);

    const b = learner();
    const preview = await b.call('previewImport', { text });
    expect(preview.changes.lessons).toEqual({ added: 1, updated: 0, kept: 0 });
    expect(preview.changes.checkAnswers).toEqual({ added: 1, updated: 0, kept: 0 });
    expect(preview.changes.events).toEqual({ added: 2, updated: 0, kept: 0 });
    // The preview wrote nothing.
    expect(await b.call('countProgress', {})).toMatchObject({ lessons: 0, events: 0 });

    await b.call('importProgress', { text });
    const state = await b.call('getLessonState', { lessonId: 'queues-101' });
    expect(state.checkAnswers.map((c) => [c.checkId, c.optionIndex, c.at])).toEqual([['check-1', 0, '2026-12-01T10:05:00.000Z']]);
    expect(listBackups(join(b.dir, 'progress.db')).map((x) => x.reason)).toEqual(['before-import']);
  });

  it('never adds an attempt or an event twice: importing the same file again changes nothing', async () => {
    const a = learner();
    await someProgress(a);
    const { text } = await a.call('exportProgress', {});
    const again = await a.call('importProgress', { text });
    expect(again.changes).toEqual({ lessons: kept(1), checkAnswers: kept(1), predictions: kept(0), attempts: kept(0), drafts: kept(0), events: kept(2) });
    expect((await a.call('countProgress', {})).events).toBe(2);
  });

  it('lets the newer copy win per item, and keeps ours when the times are equal or ours is newer', async () => {
    const a = learner();
    await someProgress(a);
    const { text } = await a.call('exportProgress', {});
    const file = JSON.parse(text) as { checkAnswers: { optionIndex: number; at: string }[]; lessons: { lastOpenedAt: string; secondsSpent: number }[] };

    // The file's answer is newer: it replaces ours. Its lesson has the same time as ours but other figures: ours stays.
    file.checkAnswers[0] = { ...file.checkAnswers[0]!, optionIndex: 1, at: '2026-12-01T11:00:00.000Z' };
    file.lessons[0] = { ...file.lessons[0]!, secondsSpent: 999 };
    const newer = await a.call('importProgress', { text: JSON.stringify(file) });
    expect(newer.changes.checkAnswers).toEqual({ added: 0, updated: 1, kept: 0 });
    expect(newer.changes.lessons).toEqual({ added: 0, updated: 0, kept: 1 });
    const state = await a.call('getLessonState', { lessonId: 'queues-101' });
    expect(state.checkAnswers[0]!.optionIndex).toBe(1);
    expect(state.progress.secondsSpent).toBe(0);

    // Now ours is newer than the file's: nothing of it replaces ours.
    file.checkAnswers[0] = { ...file.checkAnswers[0]!, optionIndex: 2, at: '2026-12-01T10:30:00.000Z' };
    const older = await a.call('previewImport', { text: JSON.stringify(file) });
    expect(older.changes.checkAnswers).toEqual(kept(1));
  });

  it("points an imported run's activity entry at the run's id here, and counts it once on a second import", async () => {
    const run = { scenarioId: 'place-order', seed: 7, drill: null, pass: true, termsPassed: 3, termsTotal: 3, uptimePct: 99.9, p95Ms: 120, costPerMonth: 430, silentFailures: 0, fromReference: false, design: {}, run: {} };
    const file = {
      format: 'backpressure-progress', version: 1, exportedAt: '2026-12-01T12:00:00.000Z',
      lessons: [], checkAnswers: [], predictions: [], drafts: [],
      attempts: [{ id: 1, at: '2026-12-01T11:00:00.000Z', ...run }],
      events: [{ at: '2026-12-01T11:00:00.000Z', kind: 'scenario.attempted', subject: 'place-order', data: { attemptId: 1, pass: true, drill: null } }],
    };
    const a = learner();
    // A run of our own already holds id 1 here.
    a.context.db.prepare("INSERT INTO attempts (scenario_id, created_at, seed, pass, terms_passed, terms_total, uptime_pct, p95_ms, cost_per_month, design, run) VALUES ('place-order', '2026-11-30T09:00:00.000Z', 1, 0, 1, 3, 90, 900, 200, '{}', '{}')").run();
    await a.call('importProgress', { text: JSON.stringify(file) });
    const imported = a.context.db.prepare("SELECT id FROM attempts WHERE created_at = '2026-12-01T11:00:00.000Z'").pluck().get();
    expect(imported).toBe(2);
    const data = () => a.context.db.prepare("SELECT data FROM events WHERE kind = 'scenario.attempted'").pluck().all().map((d) => JSON.parse(d as string));
    expect(data()).toEqual([{ attemptId: 2, pass: true, drill: null }]);
    const again = await a.call('importProgress', { text: JSON.stringify(file) });
    expect(again.changes.attempts).toEqual(kept(1));
    expect(again.changes.events).toEqual(kept(1));
    expect(data()).toHaveLength(1);
  });

  it.each([
    ['not JSON', 'name,lesson\nq,1', /not JSON/],
    ['another format', JSON.stringify({ format: 'something-else', version: 1 }), /not a Backpressure progress file/],
    ['a newer version', JSON.stringify({ format: 'backpressure-progress', version: 2 }), /newer Backpressure \(progress file version 2; this one reads version 1\)/],
    ['missing a field', JSON.stringify({ format: 'backpressure-progress', version: 1 }), /not valid at exportedAt: it is missing\. Nothing was imported\./],
    ['over 100 MB', ' '.repeat(101 * 1024 * 1024), /larger than 100 MB/],
  ])('refuses a file that is %s, naming why, and changes nothing', async (_what, text, why) => {
    const a = learner();
    await someProgress(a);
    const before = await a.call('countProgress', {});
    await expect(a.call('previewImport', { text })).rejects.toThrow(why);
    await expect(a.call('importProgress', { text })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await a.call('countProgress', {})).toEqual(before);
    expect(listBackups(join(a.dir, 'progress.db'))).toEqual([]);
  });

  it('refuses a file with one bad item whole, naming the field, with nothing half-imported', async () => {
    const a = learner();
    await someProgress(a);
    const file = JSON.parse((await a.call('exportProgress', {})).text) as { lessons: { lessonId: string }[]; events: { at: string }[] };
    const b = learner();
    file.events.push({ ...file.events[0]!, at: 'yesterday' });
    await expect(b.call('importProgress', { text: JSON.stringify(file) })).rejects.toThrow(/not valid at events\.2\.at: expected an ISO date and time/);
    expect(await b.call('countProgress', {})).toMatchObject({ lessons: 0, checkAnswers: 0, events: 0 });
  });
});

describe('reset', () => {
  it('asks for a confirmation in the call itself, backs up, then deletes everything', async () => {
    const a = learner();
    await someProgress(a);
    await expect(a.call('resetProgress', {} as InputOf<'resetProgress'>)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await a.call('countProgress', {})).toEqual({ lessons: 1, checkAnswers: 1, predictions: 0, attempts: 0, drafts: 0, events: 2 });

    const { deleted, backup } = await a.call('resetProgress', { confirm: true });
    expect(deleted).toMatchObject({ lessons: 1, checkAnswers: 1, events: 2 });
    expect(backup).toMatch(/^progress-.*-before-reset\.db$/);
    expect(await a.call('countProgress', {})).toEqual({ lessons: 0, checkAnswers: 0, predictions: 0, attempts: 0, drafts: 0, events: 0 });
    expect((await a.call('getLessonState', { lessonId: 'queues-101' })).progress.status).toBe('not-started');
  });

  it('keeps the event log append-only after a reset', async () => {
    const a = learner();
    await someProgress(a);
    await a.call('resetProgress', { confirm: true });
    await someProgress(a);
    expect(() => a.context.db.exec('DELETE FROM events')).toThrow(/append-only/);
  });
});
