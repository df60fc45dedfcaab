/** Scenario drafts (autosaved designs) and attempts (every graded run), in SQLite. */
import type { AttemptSummary, Design, GradedRun, ScenarioRunResult } from '../scenarios/types';
import type { ProgressDb } from './db';
import { appendEvent } from './events';

export interface AttemptRow {
  id: number;
  scenario_id: string;
  created_at: string;
  seed: number;
  drill: string | null;
  pass: number;
  terms_passed: number;
  terms_total: number;
  uptime_pct: number;
  p95_ms: number;
  cost_per_month: number;
  silent_failures: number;
  from_reference: number;
}

const SUMMARY_COLUMNS = 'id, scenario_id, created_at, seed, drill, pass, terms_passed, terms_total, uptime_pct, p95_ms, cost_per_month, silent_failures, from_reference';

export const toSummary = (r: AttemptRow): AttemptSummary => ({
  id: r.id,
  scenarioId: r.scenario_id,
  at: r.created_at,
  seed: r.seed,
  drill: r.drill,
  pass: r.pass === 1,
  termsPassed: r.terms_passed,
  termsTotal: r.terms_total,
  uptimePct: r.uptime_pct,
  p95Ms: r.p95_ms,
  costPerMonth: r.cost_per_month,
  silentFailures: r.silent_failures,
  fromReference: r.from_reference === 1,
});

export function saveDraft(db: ProgressDb, design: Design, at: Date): string {
  const savedAt = at.toISOString();
  db.prepare('INSERT INTO scenario_drafts (scenario_id, design, saved_at) VALUES (?, ?, ?) ON CONFLICT (scenario_id) DO UPDATE SET design = excluded.design, saved_at = excluded.saved_at').run(design.scenarioId, JSON.stringify(design), savedAt);
  return savedAt;
}

export function loadDraft(db: ProgressDb, scenarioId: string): { design: unknown; savedAt: string } | null {
  const row = db.prepare('SELECT design, saved_at FROM scenario_drafts WHERE scenario_id = ?').get(scenarioId) as { design: string; saved_at: string } | undefined;
  if (!row) return null;
  try {
    return { design: JSON.parse(row.design) as unknown, savedAt: row.saved_at };
  } catch {
    return null;
  }
}

/** Stores a graded run and returns its id; one transaction with its event. */
export function recordAttempt(db: ProgressDb, run: GradedRun, design: Design, at: Date, fromReference = false): { id: number; at: string } {
  const created = at.toISOString();
  const insert = db.transaction(() => {
    const uptime = run.terms.find((t) => t.term === 'uptime')?.measured ?? run.result.totals.uptimePct;
    const info = db
      .prepare(
        `INSERT INTO attempts (scenario_id, created_at, seed, drill, pass, terms_passed, terms_total, uptime_pct, p95_ms, cost_per_month, silent_failures, from_reference, design, run)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(run.scenarioId, created, run.seed, run.drill, run.pass ? 1 : 0, run.terms.filter((t) => t.pass).length, run.terms.length, uptime, run.result.totals.p95Ms, run.result.totals.costPerMonth, run.silentFailures.length, fromReference ? 1 : 0, JSON.stringify(design), JSON.stringify(run));
    const id = Number(info.lastInsertRowid);
    // A run of the loaded reference is not the learner's own pass: the activity record says which it was.
    appendEvent(db, at, 'scenario.attempted', run.scenarioId, { attemptId: id, pass: run.pass, drill: run.drill, ...(fromReference ? { reference: true } : {}) });
    return id;
  });
  return { id: insert(), at: created };
}

export function listAttempts(db: ProgressDb, scenarioId: string): AttemptSummary[] {
  const rows = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM attempts WHERE scenario_id = ? ORDER BY id DESC`).all(scenarioId) as AttemptRow[];
  return rows.map(toSummary);
}

export function getAttempt(db: ProgressDb, id: number): { run: ScenarioRunResult; design: Design } | null {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS}, design, run FROM attempts WHERE id = ?`).get(id) as (AttemptRow & { design: string; run: string }) | undefined;
  if (!row) return null;
  const run = JSON.parse(row.run) as GradedRun;
  return { run: { ...run, attemptId: row.id, at: row.created_at }, design: JSON.parse(row.design) as Design };
}

/** Per scenario: how many attempts, and the best one (a pass at the lowest cost, else the most terms passed). */
export interface AttemptStats {
  attempts: number;
  best: AttemptSummary;
  /** The learner's own design passed. */
  passed: boolean;
  /** A run of the reference design passed (which is not the learner passing). */
  referencePassed: boolean;
}

const isBetter = (a: AttemptSummary, b: AttemptSummary): boolean =>
  a.pass !== b.pass ? a.pass : a.pass ? a.costPerMonth < b.costPerMonth : a.termsPassed !== b.termsPassed ? a.termsPassed > b.termsPassed : a.uptimePct > b.uptimePct;

/** Per scenario: how many runs, the best one (the learner's own when there is one), and what passed. */
export function attemptStats(db: ProgressDb): Map<string, AttemptStats> {
  const rows = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM attempts ORDER BY id`).all() as AttemptRow[];
  const out = new Map<string, AttemptStats>();
  for (const row of rows) {
    const a = toSummary(row);
    const cur = out.get(a.scenarioId);
    if (!cur) {
      out.set(a.scenarioId, { attempts: 1, best: a, passed: a.pass && !a.fromReference, referencePassed: a.pass && a.fromReference });
      continue;
    }
    cur.attempts++;
    if (a.pass) cur[a.fromReference ? 'referencePassed' : 'passed'] = true;
    // The learner's own runs outrank the reference's, whatever their figures.
    const b = cur.best;
    if (a.fromReference !== b.fromReference ? !a.fromReference : isBetter(a, b)) cur.best = a;
  }
  return out;
}
