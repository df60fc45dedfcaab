/**
 * Callers retry a downstream that slows down for a few seconds. Each attempt
 * has a 1 s timeout, and the downstream keeps working on attempts whose
 * caller gave up. Once its queue holds more than a timeout's worth of work,
 * every attempt times out and is retried, so the load it receives is the
 * callers' rate times their attempts: above its capacity, it never recovers.
 */
import type { ModelInput } from '../sim/index';
import { num, str } from './controls';
import { intervalEnds, runModel } from './simulation';
import { fmtInt, fmtPct, round } from './format';
import { thinSeries } from './series';
import type { ControlValues, Experiment, ExperimentResult, ExperimentSpec, RunHooks } from './types';

const THREADS = 20;
const SERVICE_MS = 50;
const CAPACITY = (THREADS * 1000) / SERVICE_MS;
const TIMEOUT_MS = 1000;
const SLOW_FACTOR = 4;
const SLOW_FROM_SEC = 30;
const RUN_SEC = 180;
/** Waiting places: a real server's queue is bounded; past it an attempt is refused at once. */
const MAX_QUEUE = 5000;

type Policy = 'none' | 'immediate' | 'fixed' | 'backoff';

const POLICIES: Record<Policy, { label: string; phrase: string; retry: NonNullable<ModelInput['workloads'][string]['retry']> | null }> = {
  none: { label: 'no retries', phrase: 'Without retries', retry: null },
  immediate: { label: 'immediately', phrase: 'Retrying at once', retry: { policy: 'fixed', baseDelayMs: 0, jitter: false } },
  fixed: { label: 'after a fixed 1 s', phrase: 'Retrying after 1 s', retry: { policy: 'fixed', baseDelayMs: 1000, jitter: false } },
  backoff: { label: 'exponential backoff (0.5 s doubling) with full jitter', phrase: 'Retrying with exponential backoff and jitter', retry: { policy: 'exponential', baseDelayMs: 500, maxDelayMs: 10_000, jitter: true } },
};

const spec: ExperimentSpec = {
  widget: 'retry-storm',
  title: `Callers retry a downstream of ${fmtInt(CAPACITY)} calls/s that slows down ${SLOW_FACTOR}× for a few seconds (timeout 1 s)`,
  controls: [
    { id: 'policy', label: 'Retry a failed call', kind: 'choice', options: (Object.keys(POLICIES) as Policy[]).map((p) => ({ value: p, label: POLICIES[p].label })), default: 'immediate' },
    { id: 'maxAttempts', label: 'Attempts per call when retrying (first included)', kind: 'number', unit: 'attempts', min: 2, max: 5, step: 1, default: 4 },
    { id: 'loadPercent', label: 'Normal load', kind: 'number', unit: '% of capacity', min: 10, max: 95, step: 5, default: 75 },
    { id: 'slowSeconds', label: 'Slowdown lasts', kind: 'number', unit: 's', min: 0, max: 30, step: 1, default: 10 },
  ],
  metrics: [
    { id: 'successShare', label: 'Calls that succeeded', unit: '%', ratio: true },
    { id: 'attemptsPerCall', label: 'Attempts per call', unit: 'x' },
    { id: 'peakAttemptsPerSecond', label: 'Peak load on the downstream', unit: '/s' },
    { id: 'recoverySeconds', label: 'Back to normal after the slowdown', unit: 's' },
  ],
};

function model(policy: Policy, maxAttempts: number, rate: number, slowSec: number): ModelInput {
  const retry = POLICIES[policy].retry;
  return {
    name: 'retry-storm widget',
    traffic: { ratePerSec: rate, durationSec: RUN_SEC },
    components: {
      downstream: { kind: 'server', concurrency: THREADS, serviceTime: { distribution: 'exponential', meanMs: SERVICE_MS }, baseLatencyMs: 0, maxQueue: MAX_QUEUE },
    },
    workloads: { calls: { path: ['downstream'], timeoutMs: TIMEOUT_MS, deadlineMs: 60_000, ...(retry ? { retry: { ...retry, maxAttempts } } : {}) } },
    faults: slowSec > 0 ? [{ component: 'downstream', fromSec: SLOW_FROM_SEC, toSec: SLOW_FROM_SEC + slowSec, effect: 'slow', factor: SLOW_FACTOR }] : [],
  };
}

function run(controls: ControlValues, seed: number, hooks?: RunHooks): ExperimentResult {
  const policy = str(controls, 'policy') as Policy;
  const maxAttempts = Math.round(num(controls, 'maxAttempts'));
  const load = num(controls, 'loadPercent') / 100;
  const slowSec = num(controls, 'slowSeconds');
  const rate = load * CAPACITY;
  const attemptsAllowed = policy === 'none' ? 1 : maxAttempts;

  const outcome = runModel(model(policy, maxAttempts, rate, slowSec), spec.widget, seed, hooks);

  const w = outcome.workloads[0]!;
  const timeSec = intervalEnds(outcome);
  const failed = w.series.errorRate.map((e, i) => e + w.series.timeoutRate[i]!);
  const attempts = w.series.attemptsPerSec;
  const slowEnd = SLOW_FROM_SEC + slowSec;
  // Recovered: from the first second after the slowdown when under 5 % of calls fail, and stay under to the end.
  let recovered = -1;
  for (let i = timeSec.length - 1; i >= 0 && failed[i]! < 0.05; i--) recovered = i;
  const recoverySec = recovered < 0 ? Number.POSITIVE_INFINITY : Math.max(0, timeSec[recovered]! - slowEnd - outcome.bucketSec);
  const success = w.userRequests > 0 ? w.successes / w.userRequests : 0;
  const peak = Math.max(0, ...attempts);
  const afterIdx = timeSec.map((t, i) => (t > slowEnd ? i : -1)).filter((i) => i >= 0);
  const after = afterIdx.length ? afterIdx.reduce((sum, i) => sum + attempts[i]!, 0) / afterIdx.length : 0;

  // Hand calculation: the slowdown leaves (rate − capacity/factor) × seconds queued; past a timeout's worth
  // of work every attempt times out, so the downstream is offered rate × attempts, and above capacity that never drains.
  const backlog = Math.max(0, rate - CAPACITY / SLOW_FACTOR) * slowSec;
  const outlastsTimeout = (backlog / CAPACITY) * 1000 > TIMEOUT_MS;
  const storm = outlastsTimeout && rate * attemptsAllowed > CAPACITY;

  return {
    widget: spec.widget,
    seed,
    controls,
    metrics: {
      successShare: round(success, 4),
      attemptsPerCall: round(w.userRequests > 0 ? w.attempts / w.userRequests : 0, 2),
      peakAttemptsPerSecond: round(peak, 0),
      ...(Number.isFinite(recoverySec) ? { recoverySeconds: round(recoverySec, 0) } : {}),
    },
    theory: storm
      ? {
          // Calls before the slowdown need one attempt; from it on, every call uses all of its attempts.
          attemptsPerCall: { value: round((SLOW_FROM_SEC + (RUN_SEC - SLOW_FROM_SEC) * attemptsAllowed) / RUN_SEC, 2), method: 'every call from the slowdown on times out on each attempt' },
          successShare: { value: round(SLOW_FROM_SEC / RUN_SEC, 4), method: 'only the calls before the slowdown succeed' },
        }
      : {},
    series: [
      thinSeries({ id: 'attemptsPerSec', label: 'Attempts reaching the downstream', unit: 'attempts/s', ratio: false, timeSec, values: attempts.map((a) => round(a, 1)) }),
      thinSeries({ id: 'failedShare', label: 'Calls that failed', unit: '%', ratio: true, timeSec, values: failed.map((f) => round(Math.min(1, f), 4)) }),
    ],
    bars: [
      {
        id: 'load',
        label: 'Calls, and attempts after the slowdown (mean)',
        unit: 'calls/s',
        bars: [
          { label: 'calls', value: round(rate, 0), tone: 'accent' },
          { label: 'attempts', value: round(after, 0), tone: after > CAPACITY ? 'fail' : 'pass' },
        ],
      },
    ],
    thresholds: [
      { axis: 'value', seriesId: 'attemptsPerSec', value: CAPACITY, label: `capacity ${fmtInt(CAPACITY)}/s` },
      { axis: 'value', seriesId: 'load', value: CAPACITY, label: `capacity ${fmtInt(CAPACITY)}/s` },
      // One marker: a second at the slowdown's end would sit on top of this one's label.
      ...(slowSec > 0 ? [{ axis: 'time' as const, seriesId: null, value: SLOW_FROM_SEC, label: `slowdown (${fmtInt(slowSec)} s)` }] : []),
    ],
    summary:
      `${POLICIES[policy].phrase}, ${fmtPct(success)} of calls succeeded; after the slowdown the downstream took ${fmtInt(after)} attempts/s on average (up to ${fmtInt(peak)}) against a capacity of ${fmtInt(CAPACITY)}; ` +
      (slowSec === 0 ? 'nothing slowed it down.' : Number.isFinite(recoverySec) ? `it was back to normal ${fmtInt(recoverySec)} s after the slowdown ended.` : 'it never recovered: the retries alone kept it overloaded.'),
  };
}

export const experiment: Experiment = { spec, run };
