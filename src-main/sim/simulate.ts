/** simulate(model, { seed, level }) -> result: the one entry point both levels share. */
import { compile } from './compile';
import { ModelError, type ModelIssue } from './errors';
import { LIMITS } from './fields';
import { runHorizon } from './horizon/index';
import { hasTrait, inWords, kindsWith } from './models/index';
import { runRequestLevel, tooManyInFlight } from './request/index';
import { buildResult } from './results';
import type { Plan } from './plan';
import type { Model, SimLevel, SimOptions, SimOutcome } from './types';

/** Expected user requests (before retries) over the run. */
export function expectedRequests(plan: Plan): number {
  return plan.traffic.meanRatePerSec * plan.durationSec;
}

/** Components of kinds the request level does not simulate (it would treat them as plain stations). */
function horizonOnly(plan: Plan): string[] {
  return plan.stations.filter((s) => hasTrait(s.kind, 'horizonOnly')).map((s) => s.id);
}

/** Request level when the run is small enough to follow every request (and has no horizon-only kinds), otherwise horizon. */
export function defaultLevel(plan: Plan): SimLevel {
  return expectedRequests(plan) <= LIMITS.maxRequestLevelRequests && horizonOnly(plan).length === 0 ? 'request' : 'horizon';
}

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/**
 * Traffic no run should take on, found before it starts: a peak rate from users past the rate limit, or more
 * requests than any system a learner models (the horizon would run it, and report latencies of years).
 */
function trafficIssues(plan: Plan): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const peak = plan.traffic.peakRatePerSec;
  if (peak > LIMITS.maxRatePerSec) {
    issues.push({ path: 'traffic', expected: `expected a peak of at most ${count(LIMITS.maxRatePerSec)} requests per second (users times requestsPerUserPerSec)`, got: count(peak) });
  }
  const expected = expectedRequests(plan);
  if (expected > LIMITS.maxRunRequests) {
    issues.push({ path: 'traffic', expected: `expected at most ${count(LIMITS.maxRunRequests)} requests in a run (rate times duration); lower the rate or shorten the duration`, got: `about ${count(expected)}` });
  }
  return issues;
}

export function simulate(model: Model, options: SimOptions): SimOutcome {
  const plan = compile(model);
  const level = options.level ?? defaultLevel(plan);
  const seed = options.seed;
  const issues = trafficIssues(plan);
  if (!Number.isFinite(seed)) issues.push({ path: 'seed', expected: 'expected a finite number', got: String(seed) });
  const [first, ...more] = issues;
  if (first) throw new ModelError(plan.name, first.path, first.expected, first.got, more);
  const control = { onProgress: options.onProgress, shouldStop: options.shouldStop, maxEvents: options.maxEvents };
  if (level === 'request') {
    const only = horizonOnly(plan);
    if (only.length > 0) {
      throw new ModelError(plan.name, 'level', `${inWords(kindsWith('horizonOnly'), 'and')} are simulated at the horizon level only (here: ${only.join(', ')}); run at the horizon level or leave the level out`, null);
    }
    const expected = expectedRequests(plan);
    if (expected > LIMITS.maxRequestLevelRequests) {
      throw new ModelError(
        plan.name,
        'traffic',
        `expected at most ${count(LIMITS.maxRequestLevelRequests)} requests for a request-level run (this traffic offers about ${count(expected)}); shorten the duration, lower the rate or use the horizon level`,
        null,
      );
    }
    // A run big enough to pile up more requests than the request level holds is looked at first with the
    // horizon (milliseconds): refused at once instead of after seconds of work, or, when no level was asked
    // for, answered by that horizon run.
    if (expected > LIMITS.maxRequestLevelJobs) {
      const ahead = runHorizon(plan, seed, { shouldStop: options.shouldStop });
      if (ahead.cancelled) return { status: 'cancelled', level, seed, fraction: 0 };
      const piled = ahead.raw.stations.reduce((sum, s) => sum + s.peakQueueDepth, 0);
      if (piled > LIMITS.maxRequestLevelJobs) {
        if (options.level === 'request') throw tooManyInFlight(plan.name, `the horizon level expects about ${count(piled)} waiting at once`);
        ahead.raw.warnings.push(`run at the horizon level: about ${count(piled)} requests pile up at once, more than the ${count(LIMITS.maxRequestLevelJobs)} a request-level run holds`);
        options.onProgress?.(1);
        return buildResult(plan, ahead.raw, seed);
      }
    }
    const out = runRequestLevel(plan, seed, control);
    if (out.cancelled) return { status: 'cancelled', level, seed, fraction: out.fraction };
    return buildResult(plan, out.raw, seed);
  }
  const out = runHorizon(plan, seed, control);
  if (out.cancelled) return { status: 'cancelled', level, seed, fraction: out.fraction };
  return buildResult(plan, out.raw, seed);
}
