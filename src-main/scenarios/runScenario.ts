/**
 * Grades a design against its scenario: builds the model, runs the horizon
 * simulation under the scenario's traffic (with a failure drill if asked),
 * checks every contract term, finds the hints whose conditions hold and
 * re-runs the design with each fired hint's remedy to show what it would fix.
 * Pure apart from the simulator's cancellation hooks: (scenario, design, seed).
 */
import { validateModel } from '../sim/parse';
import { simulate } from '../sim/simulate';
import { hasTrait } from '../sim/models/index';
import type { SimResult } from '../sim/types';
import { evaluate, asyncBacklog } from './conditions';
import { designToModel } from './designToModel';
import { nameIn, type ModelBuild } from './modelBuild';
import { outcomeHints } from './outcomeHints';
import { verdictOf } from './terms';
import { applyPatches } from './remedy';
import type { ScenarioSpec } from './scenarioSchema';
import { errorBudget } from './errorBudget';
import { trafficCurve } from './trafficCurve';
import type { Design, DesignProblem, FiredHint, GradedRun, RemedyOutcome, SilentFailure } from './types';

/** At most this many remedies are re-run per attempt (each is a full run). */
const MAX_REMEDIES = 3;

export class DesignNotRunnable extends Error {
  override readonly name = 'DesignNotRunnable';
  constructor(readonly problems: DesignProblem[]) {
    super(`The design cannot run yet: ${problems.filter((p) => p.severity === 'error').map((p) => p.message).join('; ')}`);
  }
}

export interface GradeOptions {
  seed: number;
  drill?: string | undefined;
  remedies?: boolean;
  onProgress?: (fraction: number) => void;
  shouldStop?: () => boolean;
}

export type GradeOutcome = { status: 'complete'; run: GradedRun } | { status: 'cancelled' };

function silentFailures(scenario: ScenarioSpec, result: SimResult, build: ModelBuild): SilentFailure[] {
  const out: SilentFailure[] = [];
  const count = (n: number) => Math.round(n).toLocaleString('en-US');
  for (const w of scenario.workloads) {
    const path = build.paths[w.id];
    if (!path || path.asyncFrom === null) continue;
    const r = result.workloads.find((x) => x.id === w.id);
    if (!r) continue;
    const accepted = r.successes + r.fallbacks + r.late;
    if (accepted === 0) continue;
    const backlog = asyncBacklog(result, w.id, build);
    if ((backlog >= 10 || r.deadLettered > 0) && backlog + r.deadLettered >= accepted * 0.001) {
      const parts = [backlog >= 10 ? `${count(backlog)} still waiting or lost at the end of the run` : '', r.deadLettered > 0 ? `${count(r.deadLettered)} dead-lettered` : ''].filter(Boolean);
      out.push({ workload: w.id, message: `${w.label}: the users were told it worked, but of ${count(accepted)} background jobs ${parts.join(' and ')}. Nothing on the request path shows it.` });
      continue;
    }
    // Work that piled up and drained again is still a failure somebody should have seen.
    const background = path.hops.slice(path.asyncFrom - 1);
    // A virtual queue's line is not silent: the people in it see their place.
    const worst = result.components.filter((c) => background.includes(c.id) && !hasTrait(c.kind, 'admissionGate')).sort((a, b) => b.peakQueueDepth - a.peakQueueDepth)[0];
    // More than ten minutes of average arrivals waiting at once.
    const perSec = accepted / Math.max(1, result.durationSec - result.warmupSec);
    if (worst && worst.peakQueueDepth >= 1000 && worst.peakQueueDepth >= 600 * perSec) {
      out.push({ workload: w.id, message: `${w.label}: at the worst moment ${count(worst.peakQueueDepth)} jobs were waiting at ${nameIn(build, worst.id)} while every request was answered "done". The backlog drained later, but nothing on the request path showed it.` });
    }
  }
  return out;
}

/** Requests refused or failed at a component (a rate limiter, a failing dependency): saturation alone does not explain them. */
function failureSources(result: SimResult, build: ModelBuild): string | null {
  const judged = result.workloads.reduce((s, w) => s + w.successes + w.fallbacks + w.late + w.errors + w.timeouts, 0);
  const lost = result.components
    .map((c) => ({ id: c.id, rejected: c.rejected, errors: c.errors }))
    .filter((c) => c.rejected + c.errors >= Math.max(1, judged * 0.001))
    .sort((a, b) => b.rejected + b.errors - (a.rejected + a.errors));
  if (lost.length === 0) return null;
  const count = (n: number) => Math.round(n).toLocaleString('en-US');
  // These count attempts at one component; a retry may still have answered the user, so the
  // sentence says what reached the users too, or "41,053 failed" sits beside "0 failed requests".
  const parts = lost.slice(0, 2).map((c) => `${nameIn(build, c.id)} (${[c.rejected > 0 ? `${count(c.rejected)} refused` : '', c.errors > 0 ? `${count(c.errors)} failed` : ''].filter(Boolean).join(', ')})`);
  const usersFailed = result.workloads.reduce((s, w) => s + w.late + w.errors + w.timeouts, 0);
  const reached = usersFailed === 0 ? 'retries or fallbacks still answered every user' : `${count(usersFailed)} user requests failed in the end`;
  return `Attempts were turned away or failed at ${parts.join(' and ')}; ${reached}.`;
}

function simulateBuild(scenario: ScenarioSpec, build: ModelBuild, options: GradeOptions, progress: (f: number) => void): SimResult | null {
  if (!build.model) throw new DesignNotRunnable(build.problems);
  const model = validateModel(build.model, `${scenario.id} design`);
  const out = simulate(model, { seed: options.seed, level: 'horizon', onProgress: progress, ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}) });
  return out.status === 'complete' ? out : null;
}

export function gradeDesign(scenario: ScenarioSpec, design: Design, options: GradeOptions): GradeOutcome {
  const drill = options.drill ? scenario.drills?.find((d) => d.id === options.drill) : undefined;
  if (options.drill && !drill) throw new Error(`no failure drill "${options.drill}" in ${scenario.id} (drills: ${(scenario.drills ?? []).map((d) => d.id).join(', ') || 'none'})`);
  const report = options.onProgress ?? (() => {});
  const build = designToModel(scenario, design, drill);
  const result = simulateBuild(scenario, build, options, (f) => report(f * 0.6));
  if (!result) return { status: 'cancelled' };
  const terms = verdictOf(scenario, result, build);
  const fixedKinds = Object.fromEntries((scenario.fixed ?? []).map((f) => [f.id, f.kind]));

  const labels = Object.fromEntries(scenario.workloads.map((w) => [w.id, w.label]));
  // The scenario's own hints whose conditions hold, then those about what the users got.
  const own = (scenario.hints ?? []).flatMap((h) => {
    const fired = evaluate(h.when, { result, design, build, labels, drill: drill?.id ?? null });
    return fired.holds ? [{ id: h.id, title: h.title, text: h.text, evidence: fired.evidence, lessons: h.lessons ?? [], remedy: h.remedy }] : [];
  });
  const candidates = [...own, ...outcomeHints(scenario, design, result, build, own.flatMap((h) => h.evidence), terms.every((t) => t.pass))];
  const hints: FiredHint[] = [];
  let remediesRun = 0;
  for (const h of candidates) {
    let remedy: RemedyOutcome | null = null;
    if (h.remedy && options.remedies !== false && remediesRun < MAX_REMEDIES) {
      remediesRun++;
      const patched = applyPatches(design, h.remedy.patch, { labels, fixedKinds });
      const patchedBuild = designToModel(scenario, patched.design, drill);
      if (patchedBuild.model) {
        const after = simulateBuild(scenario, patchedBuild, options, (f) => report(0.6 + (0.4 * (remediesRun - 1 + f)) / MAX_REMEDIES));
        if (!after) return { status: 'cancelled' };
        const afterTerms = verdictOf(scenario, after, patchedBuild);
        remedy = { description: h.remedy.description, changes: patched.changes, pass: afterTerms.every((t) => t.pass), terms: afterTerms };
      }
    }
    hints.push({ id: h.id, title: h.title, text: h.text, evidence: h.evidence, lessons: h.lessons, remedy });
  }
  report(1);

  const refused = failureSources(result, build);
  if (refused) result.explanation.summary = `${refused} ${result.explanation.summary}`;
  const uptimeTarget = scenario.contract.uptimePct;
  const curve = trafficCurve(scenario, 2000);
  const peakIndex = curve.reduce((best, p, i) => (p.users > (curve[best]?.users ?? -1) ? i : best), 0);
  return {
    status: 'complete',
    run: {
      scenarioId: scenario.id,
      seed: options.seed,
      drill: drill?.id ?? null,
      pass: terms.every((t) => t.pass),
      terms,
      result,
      peak: { timeSec: (curve[peakIndex]?.hour ?? 0) * 3600, users: Math.round(curve[peakIndex]?.users ?? 0) },
      errorBudget: errorBudget(result, uptimeTarget),
      hints,
      silentFailures: silentFailures(scenario, result, build),
      cost: result.cost,
    },
  };
}
