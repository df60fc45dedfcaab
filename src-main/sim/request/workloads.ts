/** Workload parameters as typed arrays (rates, deadlines, timeouts, retries, fallbacks, priorities) and the retry delay. */
import type { Plan } from '../plan';
import type { RandomStream } from '../engine/rng';

export const RETRY_NONE = 0;
export const RETRY_FIXED = 1;
export const RETRY_EXPONENTIAL = 2;

export interface WorkloadParams {
  peakRate: Float64Array;
  /** 1 when the traffic is steady (no thinning needed). */
  steady: Uint8Array;
  timeout: Float64Array;
  deadline: Float64Array;
  maxAttempts: Int32Array;
  retry: Int32Array;
  retryBase: Float64Array;
  retryMax: Float64Array;
  jitter: Uint8Array;
  /** Fallback latency, or -1 for none. */
  fallback: Float64Array;
  priority: Int32Array;
}

export function workloadParams(plan: Plan): WorkloadParams {
  const traffic = plan.traffic;
  const steadyTraffic = Math.abs(traffic.peakRatePerSec - traffic.meanRatePerSec) <= 1e-12 * traffic.peakRatePerSec;
  const ws = plan.workloads;
  return {
    peakRate: Float64Array.from(ws, (w) => w.share * traffic.peakRatePerSec),
    steady: Uint8Array.from(ws, () => (steadyTraffic ? 1 : 0)),
    timeout: Float64Array.from(ws, (w) => w.timeoutSec),
    deadline: Float64Array.from(ws, (w) => w.deadlineSec),
    maxAttempts: Int32Array.from(ws, (w) => w.retry.maxAttempts),
    retry: Int32Array.from(ws, (w) => (w.retry.policy === 'none' ? RETRY_NONE : w.retry.policy === 'fixed' ? RETRY_FIXED : RETRY_EXPONENTIAL)),
    retryBase: Float64Array.from(ws, (w) => w.retry.baseDelaySec),
    retryMax: Float64Array.from(ws, (w) => w.retry.maxDelaySec),
    jitter: Uint8Array.from(ws, (w) => (w.retry.jitter ? 1 : 0)),
    fallback: Float64Array.from(ws, (w) => (w.fallbackSec === null ? -1 : w.fallbackSec)),
    priority: Int32Array.from(ws, (w) => w.priority),
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
