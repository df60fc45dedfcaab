/**
 * Step 3: what a workload's users saw at this step. An attempt fails when
 * it errs on its way or its routes run past the timeout; a failed attempt
 * is retried after its backoff, so a user's answer is a mixture over the
 * attempt that succeeded (attempt k weighs f^(k−1)(1 − f)), shifted by the
 * failed attempts and backoffs before it. Users whose every attempt failed
 * get the fallback or an error; answers after the deadline are late. The
 * failure share is also what step 1 multiplies the next step's load by.
 */
import { admittedWait, backgroundLateShare, backgroundLatency, deadLettered } from './background';
import { duplicatesPerSec } from './effects';
import { answerRoutes } from './routes';
import type { HorizonState } from './state';

export function tallyAnswers(state: HorizonState, w: number, quantileStep: boolean): void {
  const p = state.wl[w]!;
  const { b, dt } = state;
  const mix = answerRoutes(state, w);
  const hasRoutes = mix.count > 0;
  const attempt = state.attemptRate[w]!;
  const successShare = attempt > 0 ? state.syncDone[w]! / attempt : 1;
  const timed = Number.isFinite(p.timeoutSec);
  const inTime = timed && hasRoutes ? mix.cdf(p.timeoutSec) : 1;
  const fErr = Math.max(0, Math.min(1, 1 - successShare));
  const fTimeout = (1 - fErr) * (1 - inTime);
  const f = Math.min(1, fErr + fTimeout);
  state.attemptFail[w] = f;
  const m = p.retry.policy === 'none' ? 1 : p.retry.maxAttempts;
  const finalFail = Math.pow(f, m);
  // An attempt that errs does so on its way (half the route, on average), and never after its timeout.
  const failLatency = f > 0 ? (fErr * Math.min(mix.mean() * 0.5, p.timeoutSec) + fTimeout * (timed ? p.timeoutSec : 0)) / f : 0;
  const answers = state.answers;
  const backoff = state.backoffMeans[w]!;
  answers.reset();
  let delayBefore = 0;
  // Cut the routes at the timeout only when some of them reach it (most steps, none do).
  const within = timed && mix.count > 0 && mix.upperBound() > p.timeoutSec ? p.timeoutSec : Infinity;
  for (let k = 1; k <= m; k++) {
    const weight = Math.pow(f, k - 1) * (1 - f);
    if (weight < 1e-9 && k > 1) break;
    // A successful attempt is one that came back before its timeout: only that part of the routes.
    answers.addAll(mix, weight, delayBefore, within);
    delayBefore += failLatency + backoff[k]!;
  }
  const fallback = p.fallbackSec !== null ? finalFail : 0;
  if (fallback > 0) answers.add(fallback, delayBefore - backoff[m]! + (p.fallbackSec ?? 0), 0, 0);
  const users = state.userRate[w]! * dt;
  const answeredShare = 1 - finalFail + fallback;
  const late = answers.count > 0 ? 1 - answers.cdf(p.deadlineSec) : 0;
  const errShare = f > 0 ? (finalFail - fallback) * (fErr / f) : 0;
  const toShare = f > 0 ? (finalFail - fallback) * (fTimeout / f) : 0;

  const tally = state.workloadTally[w]!;
  const ws = tally.series;
  ws.answered[b]! += users * answeredShare;
  ws.finished[b]! += users;
  ws.errors[b]! += users * errShare;
  ws.timeouts[b]! += users * toShare;
  ws.late[b]! += users * answeredShare * late;
  ws.attempts[b]! += attempt * dt;
  if (quantileStep && answers.count > 0) {
    ws.p50[b] = answers.quantile(0.5);
    ws.p95[b] = answers.quantile(0.95);
    ws.p99[b] = answers.quantile(0.99);
  }
  if (!state.measuring) return;
  const tot = tally.totals;
  tot.userRequests += users;
  tot.attempts += attempt * dt;
  tot.successes += users * (answeredShare - fallback) * (1 - late);
  tot.fallbacks += users * fallback * (1 - late);
  tot.late += users * answeredShare * late;
  tot.errors += users * errShare;
  tot.timeouts += users * toShare;
  tot.latSum += users * answeredShare * answers.mean();
  tally.answeredIn[b]! += users * answeredShare;
  // One latency mixture per chart interval stands for the whole interval in the pooled percentiles.
  if (quantileStep && answers.count > 0) tally.pooled.addPart(b, answers);
  if (state.admittedEnd[w]! > 0 && state.admittedNow[w]! > 0) {
    tally.admittedWeight[b]! += state.admittedNow[w]! * dt;
    if (quantileStep) {
      const admitted = admittedWait(state, w);
      tally.admittedPooled.addPart(b, admitted);
      tally.admittedP99[b] = admitted.quantile(0.99);
    }
  }
  if (!p.idempotencyKey && state.effectHops[w]!.length > 0) tot.duplicates += duplicatesPerSec(state, w, f, fTimeout, m) * dt;
  if (state.asyncStart[w]! > 0) tallyBackground(state, w);
}

/** Messages of workload w done, late and dead-lettered at this step. */
function tallyBackground(state: HorizonState, w: number): void {
  const p = state.wl[w]!;
  const tot = state.workloadTally[w]!.totals;
  const done = state.asyncDone[w]! * state.dt;
  tot.asyncDone += done;
  tot.asyncSum += done * backgroundLatency(state, w);
  if (Number.isFinite(p.backgroundDeadlineSec)) tot.asyncLate += done * backgroundLateShare(state, w);
  const dead = deadLettered(state, w);
  tot.dead += dead;
  state.stationTally[p.hops[p.asyncFrom - 1]!.station]!.totals.dead += dead;
}
