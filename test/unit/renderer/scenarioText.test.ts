import { describe, expect, it } from 'vitest';
import {
  categoryLabel,
  contractChips,
  contractTerms,
  failureOneIn,
  groupByCategory,
  nextScenario,
  paragraphs,
} from '../../../src-renderer/scenarios/briefing/scenarioText';
import type { Difficulty } from '../../../src-main/api/contract';

const nbsp = '\u00a0';

describe('contract wording', () => {
  it('reads the uptime as one failure in N', () => {
    expect(failureOneIn(99.9)).toBe(1000);
    expect(failureOneIn(99.95)).toBe(2000);
    expect(failureOneIn(99.5)).toBe(200);
    expect(failureOneIn(99.85)).toBe(667);
    expect(failureOneIn(99)).toBe(100);
    expect(failureOneIn(90)).toBe(10);
    expect(failureOneIn(100)).toBeNull();
  });

  it('gives every term, extras included, a value and a one-line meaning', () => {
    const terms = contractTerms({ uptimePct: 99.9, p95Ms: 250, budgetPerMonth: 1800, extra: [{ id: 'no-oversell', label: 'Oversold seats', comparison: 'max', target: 0, unit: 'seats' }] });
    expect(terms.map((t) => t.id)).toEqual(['uptime', 'p95', 'budget', 'no-oversell']);
    expect(terms[0]!.meaning).toBe(`At most 0.1${nbsp}% of user requests (1 in 1,000) may fail over the run.`);
    expect(contractTerms({ uptimePct: 99.85, p95Ms: 1, budgetPerMonth: 1, extra: [] })[0]!.meaning).toContain(`0.15${nbsp}% of user requests (1 in 667)`);
    expect(terms[1]!.meaning).toContain(`250${nbsp}ms`);
    expect(terms[2]!.value).toBe('$1,800/month');
    expect(terms[3]!.value).toBe('Oversold seats: none');
    expect(terms[3]!.meaning).toBe('Must not happen even once over the run.');
    for (const term of terms) expect(term.meaning).not.toContain('\n');
    expect(contractTerms({ uptimePct: 100, p95Ms: 1, budgetPerMonth: 1, extra: [] })[0]!.meaning).toBe('Every user request must succeed over the run.');
  });

  it('words the chips', () => {
    expect(contractChips({ uptimePct: 99.9, p95Ms: 250, budgetPerMonth: 1800, extra: [{ id: 'x', label: 'Units sold', comparison: 'min', target: 18000, unit: 'units' }] })).toEqual([
      `99.9${nbsp}% uptime`,
      `p95${nbsp}≤${nbsp}250${nbsp}ms`,
      `≤${nbsp}$1,800/month`,
      `Units sold ≥${nbsp}18,000${nbsp}units`,
    ]);
    // Nothing allowed reads as words, not "≤ 0 units".
    expect(contractChips({ uptimePct: 99.9, p95Ms: 250, budgetPerMonth: 1800, extra: [{ id: 'x', label: 'Oversold units', comparison: 'max', target: 0, unit: 'units' }] })[3]).toBe('Oversold units: none');
  });
});

describe('grouping the list', () => {
  const s = (id: string, category: string, difficulty: Difficulty) => ({ id, category, difficulty });

  it('keeps categories in first-seen order and sorts each by difficulty, ties in order', () => {
    const groups = groupByCategory([
      s('a', 'caching', 'hard'),
      s('b', 'Contention', 'medium'),
      s('c', 'caching', 'intro'),
      s('d', 'caching', 'hard'),
      s('e', 'Caching', 'medium'),
    ]);
    expect(groups.map((g) => g.label)).toEqual(['Caching', 'Contention']);
    expect(groups[0]!.items.map((i) => i.id)).toEqual(['c', 'e', 'a', 'd']);
    expect(groups[1]!.items.map((i) => i.id)).toEqual(['b']);
  });

  it('returns nothing for nothing', () => {
    expect(groupByCategory([])).toEqual([]);
  });

  it('labels categories for reading', () => {
    expect(categoryLabel('long-running-tasks')).toBe('Long running tasks');
    expect(categoryLabel('Real-time updates')).toBe('Real-time updates');
    expect(categoryLabel('  ')).toBe('Other');
  });
});

describe('story text', () => {
  it('splits paragraphs on blank lines and joins wrapped lines', () => {
    expect(paragraphs('One line\nwrapped.\n\n  Two.  \n\n\n')).toEqual(['One line wrapped.', 'Two.']);
    expect(paragraphs('')).toEqual([]);
  });
});

describe('the scenario after a pass', () => {
  const entry = (id: string, category: string, difficulty: Difficulty, passed = false) => ({ id, category, difficulty, passed });
  // Listed as the Scenarios page shows them: caching intro (c), caching hard (a), contention medium (b).
  const list = [entry('a', 'caching', 'hard'), entry('b', 'contention', 'medium'), entry('c', 'caching', 'intro')];

  it('is the next one on the page the learner has not passed', () => {
    expect(nextScenario(list, 'c')?.id).toBe('a');
    expect(nextScenario(list, 'a')?.id).toBe('b');
  });

  it('skips passed ones and wraps round to the start', () => {
    expect(nextScenario(list, 'b')?.id).toBe('c');
    expect(nextScenario([entry('a', 'caching', 'hard', true), entry('b', 'contention', 'medium'), entry('c', 'caching', 'intro')], 'c')?.id).toBe('b');
  });

  it('offers none once every other one is passed', () => {
    expect(nextScenario([entry('a', 'caching', 'hard', true), entry('c', 'caching', 'intro')], 'c')).toBeNull();
    expect(nextScenario([entry('c', 'caching', 'intro')], 'c')).toBeNull();
  });
});
