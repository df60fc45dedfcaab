/** Workload parameters as typed arrays (rates, deadlines, timeouts, retries, fallbacks, priorities) and the retry delay. */
import { doublesFrom, integersFrom } from '../engine/arrays';
import { workloadPeakRate, type Plan } from '../plan';
import type { RandomStream } from '../engine/rng';

export const RETRY_NONE = 0;
export const RETRY_FIXED = 1;
export const RETRY_EXPONENTIAL = 2;

export interface WorkloadParams {
  peakRate: number[];
  /** 1 when the traffic is steady (no thinning needed). */
  steady: number[];
  timeout: number[];
  deadline: number[];
  maxAttempts: number[];
  retry: number[];
  retryBase: number[];
  retryMax: number[];
  jitter: number[];
  /** Fallback latency, or -1 for none. */
  fallback: number[];
  priority: number[];
}

export function workloadParams(plan: Plan): WorkloadParams {
  const traffic = plan.traffic;
  const steadyTraffic = Math.abs(traffic.peakRatePerSec - traffic.meanRatePerSec) <= 1e-12 * traffic.peakRatePerSec;
  const ws = plan.workloads;
  return {
    peakRate: doublesFrom(ws, (w) => workloadPeakRate(traffic, w)),
    // A baseline workload's rate never moves; a surge workload's moves unless the traffic is steady (then it is 0).
    steady: integersFrom(ws, (w) => (steadyTraffic || w.part === 'baseline' ? 1 : 0)),
    timeout: doublesFrom(ws, (w) => w.timeoutSec),
    deadline: doublesFrom(ws, (w) => w.deadlineSec),
    maxAttempts: integersFrom(ws, (w) => w.retry.maxAttempts),
    retry: integersFrom(ws, (w) => (w.retry.policy === 'none' ? RETRY_NONE : w.retry.policy === 'fixed' ? RETRY_FIXED : RETRY_EXPONENTIAL)),
    retryBase: doublesFrom(ws, (w) => w.retry.baseDelaySec),
    retryMax: doublesFrom(ws, (w) => w.retry.maxDelaySec),
    jitter: integersFrom(ws, (w) => (w.retry.jitter ? 1 : 0)),
    fallback: doublesFrom(ws, (w) => (w.fallbackSec === null ? -1 : w.fallbackSec)),
    priority: integersFrom(ws, (w) => w.priority),
  };
}

/** The wait before the next attempt of workload w after `attempts` attempts (the jitter draws from rng). */
export function retryDelay(p: WorkloadParams, w: number, attempts: number, rng: RandomStream): number {
  let delay = p.retryBase[w]!;
  if (p.retry[w] === RETRY_EXPONENTIAL) delay = Math.min(p.retryMax[w]!, delay * Math.pow(2, attempts - 1));
  // Full jitter: anywhere between no wait and the computed wait.
  if (p.jitter[w] === 1) delay *= rng.next();
  return delay;
}
