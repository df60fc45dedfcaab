/**
 * Latency distributions for the horizon level, where requests are not
 * followed one by one. A path's latency is a fixed part (network hops,
 * backlog ahead) plus a random part summed over stations; the random part is
 * matched by a gamma distribution with the same mean and variance (exact for
 * a single exponential station, close for sums). Its CDF uses the
 * Wilson-Hilferty cube-root normal approximation, so evaluating it is cheap.
 */

/** Standard normal CDF (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/** P(X <= x) for X = shift + Gamma(mean, variance). */
export function shiftedGammaCdf(x: number, shift: number, mean: number, variance: number): number {
  const y = x - shift;
  if (y <= 0) return 0;
  if (mean <= 0) return 1;
  if (variance <= 1e-18 * mean * mean) return y >= mean ? 1 : 0;
  const k = (mean * mean) / variance;
  const theta = variance / mean;
  const c = 1 / (9 * k);
  return normalCdf((Math.cbrt(y / (k * theta)) - (1 - c)) / Math.sqrt(c));
}

/** One way through a path (e.g. "cache hit" or "miss, then database"), with its share. */
export interface Route {
  weight: number;
  shift: number;
  mean: number;
  variance: number;
}

/** A mixture of routes, optionally cut at a timeout (only answers before it count). */
export class LatencyMixture {
  readonly routes: Route[] = [];
  totalWeight = 0;

  add(weight: number, shift: number, mean: number, variance: number): void {
    if (weight <= 0) return;
    this.routes.push({ weight, shift, mean, variance });
    this.totalWeight += weight;
  }

  cdf(x: number): number {
    let s = 0;
    for (const r of this.routes) s += r.weight * shiftedGammaCdf(x, r.shift, r.mean, r.variance);
    return this.totalWeight > 0 ? s / this.totalWeight : 1;
  }

  mean(): number {
    let s = 0;
    for (const r of this.routes) s += r.weight * (r.shift + r.mean);
    return this.totalWeight > 0 ? s / this.totalWeight : 0;
  }

  /** The p-quantile by bisection on the CDF. */
  quantile(p: number): number {
    if (this.routes.length === 0) return NaN;
    let lo = 0;
    let hi = 0;
    for (const r of this.routes) hi = Math.max(hi, r.shift + r.mean + 10 * Math.sqrt(r.variance) + 1e-6);
    while (this.cdf(hi) < p) hi *= 2;
    for (let i = 0; i < 40 && hi - lo > 1e-6 * hi; i++) {
      const mid = 0.5 * (lo + hi);
      if (this.cdf(mid) < p) lo = mid;
      else hi = mid;
    }
    return 0.5 * (lo + hi);
  }
}

/** Quantile of a weighted mixture of mixtures (e.g. every interval of a run together). */
export function pooledQuantile(parts: readonly { weight: number; mix: LatencyMixture }[], p: number, lo: number, hi: number): number {
  const total = parts.reduce((s, q) => s + q.weight, 0);
  if (total <= 0) return NaN;
  const cdf = (x: number): number => {
    let s = 0;
    for (const q of parts) s += q.weight * q.mix.cdf(x);
    return s / total;
  };
  while (cdf(hi) < p) hi *= 2;
  for (let i = 0; i < 40 && hi - lo > 1e-6 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
