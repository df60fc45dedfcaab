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

/**
 * A mixture of routes (one way through a path, e.g. "cache hit" or "miss,
 * then database", each with its share). Stored in typed arrays and reusable
 * (reset) so a long run does not allocate per step.
 */
export class LatencyMixture {
  count = 0;
  totalWeight = 0;
  private weights = new Float64Array(8);
  private shifts = new Float64Array(8);
  private means = new Float64Array(8);
  private variances = new Float64Array(8);

  reset(): void {
    this.count = 0;
    this.totalWeight = 0;
  }

  add(weight: number, shift: number, mean: number, variance: number): void {
    if (weight <= 0) return;
    if (this.count === this.weights.length) this.grow();
    const i = this.count++;
    this.weights[i] = weight;
    this.shifts[i] = shift;
    this.means[i] = mean;
    this.variances[i] = variance;
    this.totalWeight += weight;
  }

  /** Adds every route of another mixture, scaled and delayed. */
  addAll(other: LatencyMixture, scale: number, delay: number): void {
    for (let i = 0; i < other.count; i++) this.add((other.weights[i]! * scale) / other.totalWeight, other.shifts[i]! + delay, other.means[i]!, other.variances[i]!);
  }

  clone(): LatencyMixture {
    const c = new LatencyMixture();
    c.addAll(this, this.totalWeight, 0);
    return c;
  }

  cdf(x: number): number {
    let s = 0;
    for (let i = 0; i < this.count; i++) s += this.weights[i]! * shiftedGammaCdf(x, this.shifts[i]!, this.means[i]!, this.variances[i]!);
    return this.totalWeight > 0 ? s / this.totalWeight : 1;
  }

  mean(): number {
    let s = 0;
    for (let i = 0; i < this.count; i++) s += this.weights[i]! * (this.shifts[i]! + this.means[i]!);
    return this.totalWeight > 0 ? s / this.totalWeight : 0;
  }

  /** A point beyond almost all of the mass: where quantile searches start. */
  upperBound(): number {
    let hi = 1e-6;
    for (let i = 0; i < this.count; i++) hi = Math.max(hi, this.shifts[i]! + this.means[i]! + 10 * Math.sqrt(this.variances[i]!));
    return hi;
  }

  /** The p-quantile by bisection on the CDF. */
  quantile(p: number): number {
    if (this.count === 0) return NaN;
    let lo = 0;
    let hi = this.upperBound();
    while (this.cdf(hi) < p) hi *= 2;
    for (let i = 0; i < 40 && hi - lo > 1e-4 * hi; i++) {
      const mid = 0.5 * (lo + hi);
      if (this.cdf(mid) < p) lo = mid;
      else hi = mid;
    }
    return 0.5 * (lo + hi);
  }

  private grow(): void {
    const n = this.weights.length * 2;
    const grow = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    this.weights = grow(this.weights);
    this.shifts = grow(this.shifts);
    this.means = grow(this.means);
    this.variances = grow(this.variances);
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
  for (let i = 0; i < 40 && hi - lo > 1e-4 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
