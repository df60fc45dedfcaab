// Scenarios as a learner reads them: contract terms with their meaning, difficulty,
// prices, and the list grouped by category. Pure, so the list, the shell and the
// briefing word things the same way (and the unit tests can check it).
import type { ContractView, Difficulty, ScenarioSummary } from '../../../src-main/api/contract';
import { formatCount, formatMoney, formatMonthly, formatMs, formatPercent, formatTermValue } from '../../lib/format';

const nbsp = '\u00a0';

export const difficultyLabel: Record<Difficulty, string> = {
  intro: 'Intro',
  medium: 'Medium',
  hard: 'Hard',
};

const difficultyRank: Record<Difficulty, number> = { intro: 0, medium: 1, hard: 2 };

/**
 * How many requests the uptime term lets fail, as "1 in N": 99.9 -> 1,000, 99.85 -> 667.
 * Null for 100 % (none may fail) and for nonsense.
 */
export function failureOneIn(uptimePct: number): number | null {
  const failing = 100 - uptimePct;
  if (!Number.isFinite(failing) || failing <= 0 || failing >= 100) return null;
  return Math.round(100 / failing);
}

export interface ContractTerm {
  id: string;
  label: string;
  value: string;
  /** One line: what the term asks of the design. */
  meaning: string;
}

/** The contract's terms in reading order, each with its figure and a one-line meaning. */
export function contractTerms(contract: ContractView): ContractTerm[] {
  const oneIn = failureOneIn(contract.uptimePct);
  return [
    {
      id: 'uptime',
      label: 'Uptime',
      value: formatPercent(contract.uptimePct / 100),
      meaning:
        oneIn === null
          ? 'Every user request must succeed over the run.'
          : `At most ${formatPercent(Math.max(0, 100 - contract.uptimePct) / 100)} of user requests (1 in ${formatCount(oneIn)}) may fail over the run.`,
    },
    {
      id: 'p95',
      label: 'p95 latency',
      value: formatMs(contract.p95Ms),
      meaning: `95 of every 100 answers must arrive within ${formatMs(contract.p95Ms)}; only the slowest 5 % may take longer.`,
    },
    {
      id: 'budget',
      label: 'Budget',
      value: formatMonthly(contract.budgetPerMonth),
      meaning: `Everything you place, at the instance counts you choose, must cost at most ${formatMoney(contract.budgetPerMonth)} a month.`,
    },
    ...contract.extra.map((term) => ({
      id: term.id,
      label: 'Also checked',
      value: extraTermText(term),
      meaning: term.comparison === 'max' && term.target === 0 ? 'Must not happen even once over the run.' : `Checked on every run: ${term.comparison === 'max' ? 'at most' : 'at least'} ${extraAmount(term)}.`,
    })),
  ];
}

type ExtraTerm = ContractView['extra'][number];

function extraAmount(term: ExtraTerm): string {
  return formatTermValue(term.target, term.unit);
}

/** "≤ 12 %", "≥ 18,000 units", or "none" (not "≤ 0 units"): the limit an extra term must stay within. */
export function extraRequirement(term: ExtraTerm): string {
  if (term.comparison === 'max' && term.target === 0) return 'none';
  return `${term.comparison === 'max' ? '≤' : '≥'}${nbsp}${extraAmount(term)}`;
}

/** "Units sold ≥ 18,000 units", "Oversold units: none". */
function extraTermText(term: ExtraTerm): string {
  const limit = extraRequirement(term);
  return limit === 'none' ? `${term.label}: none` : `${term.label} ${limit}`;
}

/** Short chips for a header or a card: "99.9 % uptime", "p95 ≤ 300 ms", "≤ $1,200/month", extras. */
export function contractChips(contract: ContractView): string[] {
  return [
    `${formatPercent(contract.uptimePct / 100)} uptime`,
    `p95${nbsp}≤${nbsp}${formatMs(contract.p95Ms)}`,
    `≤${nbsp}${formatMonthly(contract.budgetPerMonth)}`,
    ...contract.extra.map(extraTermText),
  ];
}

/** "read-heavy" -> "Read heavy"; a category already worded ("Caching", "Real time") is kept. */
export function categoryLabel(category: string): string {
  const trimmed = category.trim();
  if (!trimmed) return 'Other';
  if (/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/.test(trimmed)) {
    const words = trimmed.replace(/[-_]+/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  return trimmed;
}

export interface CategoryGroup<T> {
  category: string;
  label: string;
  items: T[];
}

/**
 * Scenarios grouped by category: categories in the order they first appear (the
 * backend's order), and inside each, intro before medium before hard, ties kept in order.
 */
export function groupByCategory<T extends Pick<ScenarioSummary, 'category' | 'difficulty'>>(items: T[]): CategoryGroup<T>[] {
  const groups = new Map<string, CategoryGroup<T>>();
  for (const item of items) {
    const label = categoryLabel(item.category);
    const key = label.toLowerCase();
    let group = groups.get(key);
    if (!group) {
      group = { category: item.category, label, items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  const result = [...groups.values()];
  for (const group of result) {
    group.items = group.items
      .map((item, index) => ({ item, index }))
      .sort((a, b) => difficultyRank[a.item.difficulty] - difficultyRank[b.item.difficulty] || a.index - b.index)
      .map(({ item }) => item);
  }
  return result;
}

/** Story text as paragraphs: blank lines split them, single newlines are spaces. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
}

/**
 * The scenario to try after this one, in the order the Scenarios page lists them: the next one
 * not yet passed, wrapping round to the start; null once every other one is passed.
 */
export function nextScenario<T extends Pick<ScenarioSummary, 'id' | 'category' | 'difficulty'> & { passed: boolean }>(items: T[], currentId: string): T | null {
  const ordered = groupByCategory(items).flatMap((g) => g.items);
  const at = ordered.findIndex((s) => s.id === currentId);
  const after = [...ordered.slice(at + 1), ...ordered.slice(0, Math.max(0, at))];
  return after.find((s) => s.id !== currentId && !s.passed) ?? null;
}
