import { afterEach, describe, expect, it } from 'vitest';
import { tempBackend } from './helpers/tempBackend';

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

function clockedBackend() {
  let t = Date.parse('2026-03-01T09:00:00Z');
  const b = tempBackend({ now: () => new Date(t) });
  dispose = b.dispose;
  return { ...b, advance: (seconds: number) => (t += seconds * 1000) };
}

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

describe('lesson progress', () => {
  it('reports a lesson nobody opened as not started', async () => {
    const b = clockedBackend();
    const overview = await ok<{ lessons: unknown[]; lessonsRead: number }>(b.dispatch('getProgress', {}));
    expect(overview.lessons).toEqual([]);
    expect(overview.lessonsRead).toBe(0);
  });

  it('stamps the first and the last visit', async () => {
    const b = clockedBackend();
    const first = await ok<{ status: string; firstOpenedAt: string }>(b.dispatch('recordProgress', { lessonId: 'queues-101', event: 'opened' }));
    expect(first.status).toBe('opened');
    b.advance(3600);
    const second = await ok<{ firstOpenedAt: string; lastOpenedAt: string }>(b.dispatch('recordProgress', { lessonId: 'queues-101', event: 'opened' }));
    expect(second.firstOpenedAt).toBe('2026-03-01T09:00:00.000Z');
    expect(second.lastOpenedAt).toBe('2026-03-01T10:00:00.000Z');
  });

  it('remembers the reading position and adds up reading time', async () => {
    const b = clockedBackend();
    await b.dispatch('recordProgress', { lessonId: 'queues-101', event: 'opened' });
    await b.dispatch('recordProgress', { lessonId: 'queues-101', event: 'position', position: 0.3, secondsSpent: 40 });
    const now = await ok<{ readingPosition: number; secondsSpent: number }>(
      b.dispatch('recordProgress', { lessonId: 'queues-101', event: 'position', position: 0.55, secondsSpent: 25 }),
    );
    expect(now.readingPosition).toBe(0.55);
    expect(now.secondsSpent).toBe(65);
  });

  it('does not count a lesson read while one of its checks is unanswered', async () => {
    const b = clockedBackend();
    const atEnd = await ok<{ status: string; endReached: boolean }>(b.dispatch('recordProgress', { lessonId: 'queues-101', event: 'completed', position: 1 }));
    expect(atEnd).toMatchObject({ status: 'opened', endReached: true });
    await b.dispatch('recordCheckAnswer', { lessonId: 'queues-101', checkId: 'check-1', optionIndex: 0 });
    const state = await ok<{ progress: { status: string } }>(b.dispatch('getLessonState', { lessonId: 'queues-101' }));
    expect(state.progress.status).toBe('read');
  });

  it('counts a lesson read when the last check is answered after the end was reached, whatever the answer', async () => {
    const b = clockedBackend();
    await b.dispatch('recordCheckAnswer', { lessonId: 'queues-101', checkId: 'check-1', optionIndex: 0 });
    const before = await ok<{ progress: { status: string } }>(b.dispatch('getLessonState', { lessonId: 'queues-101' }));
    expect(before.progress.status).toBe('opened');
    await b.dispatch('recordProgress', { lessonId: 'queues-101', event: 'completed' });
    const after = await ok<{ progress: { status: string } }>(b.dispatch('getLessonState', { lessonId: 'queues-101' }));
    expect(after.progress.status).toBe('read');
  });

  it('scores each lesson by its latest answer per check and its judged predictions', async () => {
    const b = clockedBackend();
    const scores = async () => (await ok<{ scores: unknown[] }>(b.dispatch('getProgress', {}))).scores;
    expect(await scores()).toEqual([]);
    await b.dispatch('recordCheckAnswer', { lessonId: 'queues-101', checkId: 'check-1', optionIndex: 0 });
    const prediction = { lessonId: 'queues-101', widget: 'cache-aside', metric: 'cacheHitRatio', choiceIndex: 0, choiceLabel: 'low' };
    // A prediction the run has not judged yet counts as made, not as right or wrong.
    await ok(b.dispatch('recordPrediction', { ...prediction, widgetId: 'queue-burst-1', measured: null, correct: null }));
    expect(await scores()).toEqual([{ lessonId: 'queues-101', checksAnswered: 1, checksRight: 0, predictions: 1, predictionsRight: 0, predictionsJudged: 0 }]);
    await ok(b.dispatch('recordPrediction', { ...prediction, widgetId: 'queue-burst-1', measured: 0.7, correct: false }));
    expect(await scores()).toEqual([{ lessonId: 'queues-101', checksAnswered: 1, checksRight: 0, predictions: 1, predictionsRight: 0, predictionsJudged: 1 }]);
    // Answering again replaces the answer: the score follows the latest.
    await b.dispatch('recordCheckAnswer', { lessonId: 'queues-101', checkId: 'check-1', optionIndex: 1 });
    await ok(b.dispatch('recordPrediction', { ...prediction, widgetId: 'queue-burst-1', measured: 0.7, correct: true }));
    expect(await scores()).toEqual([{ lessonId: 'queues-101', checksAnswered: 1, checksRight: 1, predictions: 1, predictionsRight: 1, predictionsJudged: 1 }]);
  });

  it('marks a lesson read when completed, and never back to merely opened', async () => {
    const b = clockedBackend();
    await b.dispatch('recordCheckAnswer', { lessonId: 'queues-101', checkId: 'check-1', optionIndex: 1 });
    await b.dispatch('recordProgress', { lessonId: 'queues-101', event: 'completed', position: 1 });
    const reopened = await ok<{ status: string }>(b.dispatch('recordProgress', { lessonId: 'queues-101', event: 'opened' }));
    expect(reopened.status).toBe('read');
    const overview = await ok<{ lessonsRead: number; recentEvents: { kind: string; subject: string }[] }>(b.dispatch('getProgress', {}));
    expect(overview.lessonsRead).toBe(1);
    expect(overview.recentEvents.map((e) => e.kind)).toEqual(['lesson.opened', 'lesson.completed', 'check.answered']);
  });

  it('logs completion once however often the end is reached', async () => {
    const b = clockedBackend();
    await b.dispatch('recordCheckAnswer', { lessonId: 'queues-101', checkId: 'check-1', optionIndex: 1 });
    for (let i = 0; i < 3; i++) await b.dispatch('recordProgress', { lessonId: 'queues-101', event: 'completed' });
    const overview = await ok<{ recentEvents: { kind: string }[] }>(b.dispatch('getProgress', {}));
    expect(overview.recentEvents.filter((e) => e.kind === 'lesson.completed')).toHaveLength(1);
  });

  it('refuses progress for a lesson that does not exist', async () => {
    const b = clockedBackend();
    const result = await b.dispatch('recordProgress', { lessonId: 'ghost', event: 'opened' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('check answers and predictions', () => {
  it('decides whether an answer is right from the lesson, not from the caller', async () => {
    const b = clockedBackend();
    const wrong = await ok<{ correct: boolean }>(b.dispatch('recordCheckAnswer', { lessonId: 'queues-101', checkId: 'check-1', optionIndex: 0 }));
    const right = await ok<{ correct: boolean }>(b.dispatch('recordCheckAnswer', { lessonId: 'queues-101', checkId: 'check-1', optionIndex: 1 }));
    expect([wrong.correct, right.correct]).toEqual([false, true]);
    const state = await ok<{ checkAnswers: { optionIndex: number }[] }>(b.dispatch('getLessonState', { lessonId: 'queues-101' }));
    expect(state.checkAnswers.map((a) => a.optionIndex)).toEqual([1]);
  });

  it('refuses an answer to a check or option the lesson does not have', async () => {
    const b = clockedBackend();
    expect(await b.dispatch('recordCheckAnswer', { lessonId: 'queues-101', checkId: 'check-9', optionIndex: 0 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await b.dispatch('recordCheckAnswer', { lessonId: 'queues-101', checkId: 'check-1', optionIndex: 2 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('optionIndex') },
    });
  });

  it('keeps the latest prediction per widget with whether the simulation agreed', async () => {
    const b = clockedBackend();
    const base = { lessonId: 'queues-101', widgetId: 'queue-burst-1', widget: 'queue-burst', metric: 'queueDepth', choiceLabel: 'grows' };
    await b.dispatch('recordPrediction', { ...base, choiceIndex: 0, measured: null, correct: null });
    await b.dispatch('recordPrediction', { ...base, choiceIndex: 1, measured: 200, correct: true });
    const state = await ok<{ predictions: { choiceIndex: number; measured: number; correct: boolean }[] }>(b.dispatch('getLessonState', { lessonId: 'queues-101' }));
    expect(state.predictions).toEqual([expect.objectContaining({ choiceIndex: 1, measured: 200, correct: true })]);
    expect(await b.dispatch('recordPrediction', { ...base, widgetId: 'nope', choiceIndex: 0, measured: null, correct: null })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
