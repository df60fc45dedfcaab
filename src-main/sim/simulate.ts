/** simulate(model, { seed, level }) -> result: the one entry point both levels share. */
import { compile } from './compile';
import { ModelError } from './errors';
import { LIMITS } from './fields';
import { runHorizon } from './horizon/index';
import { hasTrait, inWords, kindsWith } from './models/index';
import { runRequestLevel } from './request/index';
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

export function simulate(model: Model, options: SimOptions): SimOutcome {
  const plan = compile(model);
  const level = options.level ?? defaultLevel(plan);
  const seed = options.seed;
  if (!Number.isFinite(seed)) throw new ModelError(plan.name, 'seed', 'expected a finite number', String(seed));
  const control = { onProgress: options.onProgress, shouldStop: options.shouldStop };
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
        `expected at most ${LIMITS.maxRequestLevelRequests.toLocaleString('en-US')} requests for a request-level run (this traffic offers about ${Math.round(expected).toLocaleString('en-US')}); shorten the duration, lower the rate or use the horizon level`,
        null,
      );
    }
    const out = runRequestLevel(plan, seed, control);
    if (out.cancelled) return { status: 'cancelled', level, seed, fraction: out.fraction };
    return buildResult(plan, out.raw, seed);
  }
  const out = runHorizon(plan, seed, control);
  if (out.cancelled) return { status: 'cancelled', level, seed, fraction: out.fraction };
  return buildResult(plan, out.raw, seed);
}
