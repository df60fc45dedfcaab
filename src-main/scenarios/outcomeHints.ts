/**
 * Hints every scenario gives, whatever its file lists: about what the users
 * actually got. Each fires only on measured evidence (a fallback that answered
 * nothing useful, background work late or lost, a side effect done twice, a
 * thread held by a slow call), names the workload and the figures, and offers
 * the one change that addresses that cause, when there is one.
 */
import type { SimResult } from '../sim/types';
import { backgroundLatePct, asyncBacklog } from './conditions';
import { backgroundWithinMinutes } from './designToModel';
import { nameIn, type ModelBuild } from './modelBuild';
import type { Patch } from './remedy';
import { DEFAULT_BACKGROUND_LOST_PCT } from './terms';
import type { ScenarioSpec } from './scenarioSchema';
import { serverNoun } from '../sim/models/index';
import { paletteEntry } from './palette';
import type { Design } from './types';

export interface OutcomeHint {
  id: string;
  title: string;
  text: string;
  evidence: string[];
  lessons: string[];
  remedy?: { description: string; patch: Patch[] };
}

const count = (n: number): string => Math.round(n).toLocaleString('en-US');
const pct = (n: number): string => `${Number(n.toPrecision(3))} %`;
const listed = (xs: string[]): string => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

function inBackground(build: ModelBuild, workload: string, component: string): boolean {
  const path = build.paths[workload];
  return path?.asyncFrom != null && path.hops.indexOf(component) >= path.asyncFrom;
}

/** Components on a workload's path after the given one, by id, in order (for "waiting on ..."). */
function callsAfter(build: ModelBuild, workload: string, component: string): string[] {
  const path = build.paths[workload];
  if (!path) return [];
  const i = path.hops.indexOf(component);
  const end = path.asyncFrom ?? path.hops.length;
  return i < 0 ? [] : path.hops.slice(i + 1, i < end ? end : path.hops.length);
}

/**
 * `already` is the evidence of the hints that fired before these (the scenario's own): a saturated
 * component they name is not named again.
 */
export function outcomeHints(scenario: ScenarioSpec, design: Design, result: SimResult, build: ModelBuild, already: readonly string[] = [], passed = false): OutcomeHint[] {
  const hints: OutcomeHint[] = [];
  const lessonsFor = (topic: string) => (scenario.lessons ?? []).filter((l) => l === topic);

  for (const w of scenario.workloads) {
    const r = result.workloads.find((x) => x.id === w.id);
    if (!r) continue;
    const judged = Math.max(1, r.successes + r.fallbacks + r.late + r.errors + r.timeouts);
    const fallbackPct = (100 * r.fallbacks) / judged;
    if (!r.fallbackAcceptable && fallbackPct >= 0.05) {
      hints.push({
        id: `fallback-not-an-answer-${w.id}`,
        title: `${w.label}: the fallback is not an answer`,
        text: `When an attempt fails, ${w.label} answers with ${w.fallback?.gives ?? 'a degraded response'}. The user did not get what they came for, so each of those answers counts as a failure. A fallback hides the failure from the dashboard; it does not remove it. Look at why the attempts failed in the first place.`,
        evidence: [`${w.label}: ${pct(fallbackPct)} of requests (${count(r.fallbacks)}) answered with ${w.fallback?.gives ?? 'the fallback'}, counted as failed`],
        lessons: [],
      });
    }
    const fallbackLimit = w.fallback?.maxPct ?? 1;
    if (r.fallbackAcceptable && fallbackPct > fallbackLimit) {
      hints.push({
        id: `fallback-too-often-${w.id}`,
        title: `${w.label} leans on its fallback`,
        text: `${w.fallback?.gives ?? 'A degraded answer'} is acceptable now and then, when something breaks. Here it is how many users were served, which means the real path could not keep up. Look at why the attempts failed or timed out.`,
        evidence: [`${w.label}: ${pct(fallbackPct)} of requests answered with ${w.fallback?.gives ?? 'the fallback'} (at most ${pct(fallbackLimit)} allowed)`],
        lessons: [],
      });
    }
    const latePct = backgroundLatePct(result, w.id, build);
    const allowed = scenario.contract.backgroundLostPct ?? DEFAULT_BACKGROUND_LOST_PCT;
    if (build.paths[w.id]?.asyncFrom != null && latePct > allowed) {
      const path = build.paths[w.id]!;
      const background = path.hops.slice(path.asyncFrom! - 1);
      const stuck = result.explanation.saturated.find((s) => background.includes(s.component));
      const pool = stuck ? result.components.find((c) => c.id === stuck.component) : undefined;
      const backlog = asyncBacklog(result, w.id, build);
      const parts = [r.asyncLate > 0 ? `${count(r.asyncLate)} done later than ${backgroundWithinMinutes(w)} minutes` : '', r.deadLettered > 0 ? `${count(r.deadLettered)} dead-lettered` : '', backlog >= 1 ? `${count(backlog)} never done` : ''].filter(Boolean);
      const evidence = [`${w.label}: ${parts.join(', ')} (${pct(latePct)} of the jobs accepted; at most ${pct(allowed)} allowed)`];
      if (stuck && pool) evidence.push(`${nameIn(build, pool.id)} ran out of ${stuck.resource === 'cpu' ? 'CPU' : 'threads'} (${Math.round(stuck.utilisation * 100)} % at the peak, up to ${count(stuck.queueDepth)} jobs waiting)`);
      const canScale = pool?.kind === 'workerPool' && stuck?.resource === 'servers';
      const threads = pool ? Math.round(pool.servers / Math.max(1, pool.instances)) : 0;
      hints.push({
        id: `background-late-${w.id}`,
        title: `${w.label}: the background work is late or lost`,
        text: 'The users were told it worked, and the work behind the queue did not keep up: jobs finished after their deadline, were dead-lettered, or were still waiting when the run ended. Background work is still work with a deadline. Give its consumers the capacity of the peak (or let them scale on the backlog), and watch the queue and the dead letters, not only the request path.',
        evidence,
        lessons: lessonsFor('long-running-tasks'),
        ...(canScale && threads > 0 && threads < 256 ? { remedy: { description: `twice the threads per worker (${threads} → ${Math.min(256, threads * 2)})`, patch: [{ setOption: { kind: 'workerPool', key: 'concurrency', value: Math.min(256, threads * 2) } }] } } : {}),
      });
    }
  }

  const dupes = result.workloads.filter((r) => r.duplicates >= 1).sort((a, b) => b.duplicates - a.duplicates);
  if (dupes.length > 0) {
    const top = scenario.workloads.find((w) => w.id === dupes[0]!.id);
    const effects = [...new Set(scenario.workloads.filter((w) => dupes.some((d) => d.id === w.id)).flatMap((w) => w.steps.flatMap((s) => (s.sideEffect ? [s.sideEffect] : []))))];
    hints.push({
      id: 'duplicates',
      title: 'Retries did the same thing twice',
      text: `An attempt can fail after its work already took effect: the provider charged the card but the answer was lost, or a later step failed and the message was delivered again. Retrying it then does it again (${effects.join(', ')}). Send an idempotency key with every attempt, so the second time is recognised and answered with the first result.`,
      evidence: dupes.map((d) => `${scenario.workloads.find((w) => w.id === d.id)?.label ?? d.id}: ${count(d.duplicates)} done twice by a retry or a redelivery`),
      lessons: lessonsFor('multi-step'),
      ...(top ? { remedy: { description: `an idempotency key on ${top.label}'s attempts`, patch: [{ setPolicy: { workload: top.id, idempotencyKey: true } }] } } : {}),
    });
  }

  // A caller whose threads were mostly waiting on its calls when it ran out: the cascade of a slow dependency.
  for (const s of result.explanation.saturated) {
    const c = result.components.find((x) => x.id === s.component);
    if (!c || s.resource !== 'servers' || (c.waitingOnCallsShare ?? 0) < 0.5 || !s.drivenBy) continue;
    const w = scenario.workloads.find((x) => x.id === s.drivenBy);
    if (!w) continue;
    const calls = callsAfter(build, w.id, c.id).map((id) => nameIn(build, id));
    const name = nameIn(build, c.id);
    const policy = design.policies[w.id];
    hints.push({
      id: `held-by-calls-${c.id}`,
      title: `The threads of ${name} are stuck waiting on ${calls.length > 0 ? listed(calls) : 'its calls'}`,
      text: `A thread that makes a call keeps waiting until the call answers or times out. When the calls are slow, the threads fill up with waiting, and every workload that needs ${name} queues behind them, even those that never make the call. A timeout frees the thread sooner; moving the call behind a queue frees it at once.`,
      evidence: [`${name} reached ${Math.round(s.utilisation * 100)} % busy, and ${Math.round((c.waitingOnCallsShare ?? 0) * 100)} % of its busy time was threads waiting on calls`, `${Math.round(s.drivenByShare * 100)} % of its busy time came from ${w.label}`],
      lessons: lessonsFor('long-running-tasks'),
      // A request's timeout frees a thread on the request path; a worker behind a queue waits regardless.
      ...(policy && policy.timeoutMs === null && !inBackground(build, w.id, c.id) ? { remedy: { description: `a 1-second timeout on ${w.label}'s attempts`, patch: [{ setPolicy: { workload: w.id, timeoutMs: 1000 } }] } } : {}),
    });
  }
  // Whatever ran out that no hint has named yet (an auth service at 100 %, a component just added): say so, with who drove it.
  const named = [...already, ...hints.flatMap((h) => h.evidence)].join('\n');
  for (const s of result.explanation.saturated) {
    const name = nameIn(build, s.component);
    // Named already, as a whole name ("Queue" is not "Queue 2").
    if (new RegExp(`(^|\\W)${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w ]\\d)(\\W|$)`).test(named)) continue;
    const c = design.components.find((x) => x.id === s.component);
    const kind = c?.kind ?? result.components.find((x) => x.id === s.component)?.kind ?? '';
    const label = (id: string) => scenario.workloads.find((w) => w.id === id)?.label ?? id;
    const drivers = s.drivers.filter((d) => d.share >= 0.1).map((d) => `${label(d.workload)} ${Math.round(d.share * 100)} %`);
    const what = s.resource === 'cpu' ? 'its CPU' : kind ? serverNoun(kind) : 'threads';
    const max = c ? paletteEntry(c.kind).maxInstances : 1;
    const to = c ? Math.min(max, c.instances * 2) : 0;
    hints.push({
      id: `ran-out-${s.component}`,
      title: `${name} ran out of ${what}`,
      text: `${name} was the bottleneck: its ${what} were all taken at the peak and requests queued behind them. Look at whose work filled it: more of the same component helps only if that work belongs there; work that does not (a slow call it waits on, reads a cache could answer, a job that could wait) is better moved.`,
      evidence: [`${name} reached ${Math.round(s.utilisation * 100)} % busy${s.resource === 'cpu' ? ' (its CPU)' : ''}, up to ${count(s.queueDepth)} waiting`, ...(drivers.length > 0 ? [`its work came from ${listed(drivers)}`] : [])],
      lessons: [],
      // A run that passed needs no re-run to pass: the hint is worth knowing, the remedy is not.
      ...(c && to > c.instances && !passed ? { remedy: { description: `${name} at ${to} instances`, patch: [{ setInstances: { kind: c.kind, to } }] } } : {}),
    });
  }
  return hints;
}
