// The activity record on Progress: rows are grouped only when they say the same thing, outcome included.
import { describe, expect, it } from 'vitest';
import { describeEvent, groupEvents, scoreLine } from '../../../src-renderer/lib/words';
import type { LearnerEvent } from '../../../src-main/api/contract';

let id = 0;
const ev = (kind: string, subject: string, data: Record<string, unknown> = {}): LearnerEvent => ({ id: ++id, at: '2026-12-02T10:00:00Z', kind, subject, data });
const titles = (x: string) => ({ checkout: 'Checkout under a partner launch', caching: 'Caching' })[x];
const rows = (events: LearnerEvent[]) => groupEvents(events, titles).map((r) => `${describeEvent(r.event, titles)}${r.times > 1 ? ` × ${r.times}` : ''}`);

describe('the activity record', () => {
  it('never merges runs that passed with runs that failed, and counts each exactly', () => {
    const runs = [true, false, false, true, true, false, false].map((pass) => ev('scenario.attempted', 'checkout', { pass }));
    expect(rows(runs)).toEqual([
      'Passed Checkout under a partner launch',
      'Ran Checkout under a partner launch (not passed yet) × 2',
      'Passed Checkout under a partner launch × 2',
      'Ran Checkout under a partner launch (not passed yet) × 2',
    ]);
  });

  it('keeps right and wrong answers apart, and says a wrong one was wrong', () => {
    const answers = [...Array(11).fill(true), false].map((correct) => ev('check.answered', 'caching', { correct }));
    expect(rows(answers)).toEqual(['Answered a check correctly in Caching × 11', 'Answered a check wrongly in Caching']);
  });

  it('says when a run was of the loaded reference, not the learner’s own design', () => {
    expect(rows([ev('scenario.attempted', 'checkout', { pass: true, reference: true }), ev('scenario.attempted', 'checkout', { pass: true })])).toEqual([
      'Ran the reference design of Checkout under a partner launch (it passed)',
      'Passed Checkout under a partner launch',
    ]);
  });

  it('shows predictions, with what the simulation said', () => {
    expect(rows([ev('widget.predicted', 'caching', { correct: false })])).toEqual(['Made a prediction in Caching (the simulation disagreed)']);
  });
});

describe('a lesson\'s score line on Progress', () => {
  const score = (checksRight: number, checksAnswered: number, predictionsRight: number, predictionsJudged: number) => ({ checksRight, checksAnswered, predictionsRight, predictionsJudged });
  it('counts right answers against every check of the lesson, and predictions the simulation judged', () => {
    expect(scoreLine(score(5, 6, 3, 4), { checkCount: 12 })).toBe('5 of 12 checks right · 3 of 4 predictions right');
    expect(scoreLine(score(12, 12, 0, 0), { checkCount: 12 })).toBe('All 12 checks right');
    expect(scoreLine(score(0, 1, 1, 1), { checkCount: 1 })).toBe('0 of 1 check right · 1 of 1 prediction right');
  });
  it('says nothing before the learner has answered or predicted anything', () => {
    expect(scoreLine(undefined, { checkCount: 12 })).toBeNull();
    expect(scoreLine(score(0, 0, 0, 0), { checkCount: 12 })).toBeNull();
  });
});
