/**
 * M/M/c (Erlang C): Poisson arrivals at rate λ, c servers each serving at rate
 * μ, one shared FIFO queue. All times in the unit of 1/λ.
 */
import { erlangB } from './erlangB';

export interface MmcFigures {
  utilisation: number;
  /** Probability an arrival has to wait (Erlang C). */
  probabilityOfWaiting: number;
  meanWait: number;
  meanSojourn: number;
  /** Mean number waiting (Lq) and in the system (L). */
  meanQueueLength: number;
  meanInSystem: number;
}

/** Null when the station is not stable (ρ >= 1). */
export function erlangC(servers: number, arrivalRate: number, serviceRate: number): MmcFigures | null {
  const a = arrivalRate / serviceRate;
  const rho = a / servers;
  if (!(rho < 1)) return null;
  const b = erlangB(servers, a);
  const c = b / (1 - rho * (1 - b));
  const meanWait = c / (servers * serviceRate - arrivalRate);
  const meanSojourn = meanWait + 1 / serviceRate;
  return {
    utilisation: rho,
    probabilityOfWaiting: c,
    meanWait,
    meanSojourn,
    meanQueueLength: (c * rho) / (1 - rho),
    meanInSystem: arrivalRate * meanSojourn,
  };
}

/** P(T > t) for the M/M/c sojourn time T (wait + exponential service). */
export function mmcSojournTail(servers: number, arrivalRate: number, serviceRate: number, t: number): number {
  const f = erlangC(servers, arrivalRate, serviceRate);
  if (!f) return 1;
  const mu = serviceRate;
  const theta = servers * mu - arrivalRate;
  const c = f.probabilityOfWaiting;
  const eMu = Math.exp(-mu * t);
  if (Math.abs(theta - mu) < 1e-9 * mu) return eMu * (1 + c * mu * t);
  return eMu + (c * mu * (eMu - Math.exp(-theta * t))) / (theta - mu);
}

/** The p-quantile of the M/M/c sojourn time, by bisection on the tail (no closed form). */
export function mmcSojournQuantile(servers: number, arrivalRate: number, serviceRate: number, p: number): number | null {
  if (!erlangC(servers, arrivalRate, serviceRate)) return null;
  let lo = 0;
  let hi = 1 / serviceRate;
  while (mmcSojournTail(servers, arrivalRate, serviceRate, hi) > 1 - p) hi *= 2;
  for (let i = 0; i < 100 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (mmcSojournTail(servers, arrivalRate, serviceRate, mid) > 1 - p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Variance of the M/M/c sojourn: Var(Wq) + Var(S), with Wq = 0 w.p. 1-C, else Exp(cμ-λ). */
export function mmcSojournVariance(servers: number, arrivalRate: number, serviceRate: number): number | null {
  const f = erlangC(servers, arrivalRate, serviceRate);
  if (!f) return null;
  const theta = servers * serviceRate - arrivalRate;
  const c = f.probabilityOfWaiting;
  return (c * (2 - c)) / (theta * theta) + 1 / (serviceRate * serviceRate);
}
