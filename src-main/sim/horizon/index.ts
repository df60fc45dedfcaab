/**
 * Level 2: horizon runs. Hours to days of traffic in a few milliseconds, by
 * stepping time (up to four steps per chart interval) and treating each
 * station as a queue in steady state on top of a carried-over backlog. Each
 * step has three parts, each in its own module, all on one state record
 * (state.ts):
 *
 * 1. flows.ts: each workload's attempt rate flows along its path, thinned by
 *    the refusals, errors and cache hits measured at the previous step;
 * 2. stations.ts: each station's wait (Erlang C), backlog, refusals and
 *    losses at that load, which every visit at the next flows shares;
 * 3. answers.ts: what users saw. A path's latency is a mixture of routes
 *    (routes.ts); answers after the deadline are late, attempts slower than
 *    the timeout fail and are retried (retries.ts), and retries are offered
 *    load at the next step. Background messages are redelivered
 *    (background.ts); retried side effects are counted twice (effects.ts).
 *
 * Deterministic, except for inventory (stock counters draw their reservation
 * attempts from one seeded stream per inventory component): without one, the
 * seed is not used. Virtual-queue gates release at most their admission rate
 * and keep the rest waiting (admission.ts).
 */
import type { RunControl } from '../runControl';
import type { Plan } from '../plan';
import type { RawRun } from '../raw';
import { tallyAnswers } from './answers';
import { flowAlongPaths } from './flows';
import { rawRun } from './results';
import { createState, startStep } from './state';
import { stepStation, tallyQueueDepths } from './stations';

export type HorizonOutcome = { cancelled: false; raw: RawRun } | { cancelled: true; fraction: number };

export function runHorizon(plan: Plan, seed: number, control: RunControl = {}): HorizonOutcome {
  const state = createState(plan, seed);
  const { steps, S, W, perBucket } = state;
  let reported = 0;
  for (let n = 0; n < steps; n++) {
    if ((n & 255) === 0) {
      if (control.shouldStop?.()) return { cancelled: true, fraction: n / steps };
      if (control.onProgress && n / steps - reported >= 0.02) {
        reported = n / steps;
        control.onProgress(reported);
      }
    }
    startStep(state, n);
    flowAlongPaths(state);
    for (let s = 0; s < S; s++) stepStation(state, s);
    tallyQueueDepths(state);
    // Percentiles are read once per chart interval, at its middle step.
    const quantileStep = n % perBucket === Math.floor(perBucket / 2);
    for (let w = 0; w < W; w++) tallyAnswers(state, w, quantileStep);
  }
  if (control.onProgress) control.onProgress(1);
  return { cancelled: false, raw: rawRun(state) };
}
