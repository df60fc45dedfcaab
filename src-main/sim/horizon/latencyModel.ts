/**
 * Latency distributions for the horizon level, where requests are not
 * followed one by one. A path's latency is a fixed part (network hops,
 * backlog ahead) plus a random part summed over stations; the random part is
 * matched by a gamma distribution with the same mean and variance (exact for
 * a single exponential station, close for sums). Its CDF uses the
 * Wilson-Hilferty cube-root normal approximation, so evaluating it is cheap,
 * and so is its density (the derivative of the same formula): quantiles are
 * found by Newton's method kept inside a bisection bracket, in a handful of
 * evaluations instead of the ~20 bisection alone needs.
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

/** Kinds of route: a gamma (Wilson-Hilferty), all at the shift (mean 0), or all at shift + mean (no variance). */
const ROUTE_GAMMA = 0;
const ROUTE_AT_SHIFT = 1;
const ROUTE_AT_MEAN = 2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
/** Newton steps below this share of x end a quantile search; a bisection bracket this narrow does too. */
const NEWTON_TOLERANCE = 1e-6;
const BRACKET_TOLERANCE = 1e-4;

/**
 * A mixture of routes (one way through a path, e.g. "cache hit" or "miss,
 * then database", each with its share). Stored in typed arrays and reusable
 * (reset) so a long run does not allocate per step. Each route keeps the
 * constants of its CDF (computed once when added), so an evaluation is one
 * cube root and one exponential per route.
 */
export class LatencyMixture {
  count = 0;
  totalWeight = 0;
  /** Density at the point of the last cdfAndDensity call. */
  density = 0;
  private weights = new Float64Array(8);
  private shifts = new Float64Array(8);
  private means = new Float64Array(8);
  private variances = new Float64Array(8);
  private kinds = new Int32Array(8);
  /** Gamma routes: 1 / mean, 1 − c and 1 / √c of Wilson-Hilferty (c = 1 / 9k), and the density factor. */
  private invMeans = new Float64Array(8);
  private centres = new Float64Array(8);
  private invSpreads = new Float64Array(8);
  private densityFactors = new Float64Array(8);
  /**
   * Truncated routes: answers only below `caps` (a successful attempt came back before its timeout),
   * the route's CDF divided by its mass below the cap (`capMasses`), and the mean of what is left.
   * Untruncated routes have cap Infinity and mass 1.
   */
  private caps = new Float64Array(8).fill(Infinity);
  private capMasses = new Float64Array(8).fill(1);
  private truncatedMeans = new Float64Array(8);
  /** How many routes are cut: with none, evaluations take the plain path. */
  private truncated = 0;

  reset(): void {
    this.count = 0;
    this.totalWeight = 0;
    this.truncated = 0;
  }

  add(weight: number, shift: number, mean: number, variance: number, cap = Infinity): void {
    if (weight <= 0) return;
    if (this.count === this.weights.length) this.grow();
    const i = this.count++;
    this.caps[i] = Infinity;
    this.capMasses[i] = 1;
    this.weights[i] = weight;
    this.shifts[i] = shift;
    this.means[i] = mean;
    this.variances[i] = variance;
    this.totalWeight += weight;
    if (mean <= 0) this.kinds[i] = ROUTE_AT_SHIFT;
    else if (variance <= 1e-18 * mean * mean) this.kinds[i] = ROUTE_AT_MEAN;
    else {
      this.kinds[i] = ROUTE_GAMMA;
      const c = variance / (9 * mean * mean);
      const invSpread = 1 / Math.sqrt(c);
      this.invMeans[i] = 1 / mean;
      this.centres[i] = 1 - c;
      this.invSpreads[i] = invSpread;
      this.densityFactors[i] = (INV_SQRT_2PI * invSpread) / (3 * mean);
    }
    if (cap < Infinity) this.truncate(i, cap);
  }

  /** Keeps only route i's mass below `cap`: its CDF renormalised there, and the mean of that part. */
  private truncate(i: number, cap: number): void {
    const shift = this.shifts[i]!;
    const mean = this.means[i]!;
    const variance = this.variances[i]!;
    // Far beyond the route's reach (8 standard deviations past its mean): nothing to cut, and no CDF to compute.
    if (cap - shift - mean > 8 * Math.sqrt(variance)) return;
    const mass = shiftedGammaCdf(cap, shift, mean, variance);
    // Nothing (or almost nothing) below the cap, or almost all of it: the route stays whole.
    if (mass < 1e-9 || mass >= 1 - 1e-7) return;
    this.caps[i] = cap;
    this.capMasses[i] = mass;
    this.truncated++;
    // For a gamma of shape k and scale θ, E[X; X <= c] = mean × P(Gamma(k + 1, θ) <= c): one more CDF, no integral.
    const theta = variance / mean;
    this.truncatedMeans[i] = shift + (mean * shiftedGammaCdf(cap, shift, mean + theta, variance + theta * theta)) / mass;
  }

  /**
   * Adds every route of another mixture, scaled (as shares of its total weight) and delayed; with a
   * `within`, only what comes back within that long of the start (answers before a timeout).
   */
  addAll(other: LatencyMixture, scale: number, delay: number, within = Infinity): void {
    const factor = scale / other.totalWeight;
    if (within === Infinity) this.addRoutes(other, 0, other.count, factor, delay);
    else {
      for (let i = 0; i < other.count; i++) {
        // A route already cut at or before this point keeps its cut; otherwise it is cut here.
        if (other.caps[i]! <= within) this.addRoutes(other, i, i + 1, factor, delay);
        else this.add(other.weights[i]! * factor, other.shifts[i]! + delay, other.means[i]!, other.variances[i]!, delay + within);
      }
    }
  }

  /** Adds every route of another mixture taken k times over (k passes, each the same way), scaled as addAll. */
  addRepeated(other: LatencyMixture, scale: number, k: number): void {
    const factor = scale / other.totalWeight;
    for (let i = 0; i < other.count; i++) this.add(other.weights[i]! * factor, other.shifts[i]! * k, other.means[i]! * k, other.variances[i]! * k);
  }

  /** Adds routes [from, to) of another mixture, their weights multiplied by `factor`, delayed (truncations kept as they are). */
  addRoutes(other: LatencyMixture, from: number, to: number, factor: number, delay: number): void {
    for (let i = from; i < to; i++) {
      const before = this.count;
      this.add(other.weights[i]! * factor, other.shifts[i]! + delay, other.means[i]!, other.variances[i]!);
      if (this.count > before && other.caps[i]! < Infinity) {
        this.caps[before] = other.caps[i]! + delay;
        this.capMasses[before] = other.capMasses[i]!;
        this.truncated++;
        this.truncatedMeans[before] = other.truncatedMeans[i]! + delay;
      }
    }
  }

  cdf(x: number): number {
    return this.cdfAndDensity(x, false);
  }

  /** The CDF at x; with `withDensity` also sets `density` (the derivative). */
  cdfAndDensity(x: number, withDensity: boolean): number {
    let s = 0;
    let d = 0;
    const n = this.count;
    const weights = this.weights;
    const shifts = this.shifts;
    const kinds = this.kinds;
    const caps = this.caps;
    const capped = this.truncated > 0;
    for (let i = 0; i < n; i++) {
      const y = x - shifts[i]!;
      if (y <= 0) continue;
      if (capped && x >= caps[i]!) {
        s += weights[i]!;
        continue;
      }
      const w = capped ? weights[i]! / this.capMasses[i]! : weights[i]!;
      const kind = kinds[i]!;
      if (kind === ROUTE_AT_SHIFT) {
        s += w;
        continue;
      }
      if (kind === ROUTE_AT_MEAN) {
        if (y >= this.means[i]!) s += w;
        continue;
      }
      const q = Math.cbrt(y * this.invMeans[i]!);
      const z = (q - this.centres[i]!) * this.invSpreads[i]!;
      // Abramowitz & Stegun 7.1.26, as in normalCdf; e is also the normal density's exponential.
      const a = Math.abs(z) * Math.SQRT1_2;
      const t = 1 / (1 + 0.3275911 * a);
      const e = Math.exp(-a * a);
      const tail = 0.5 * ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * e;
      s += w * (z >= 0 ? 1 - tail : tail);
      if (withDensity) d += (w * e * this.densityFactors[i]!) / (q * q);
    }
    const total = this.totalWeight;
    if (withDensity) this.density = total > 0 ? d / total : 0;
    return total > 0 ? s / total : 1;
  }

  mean(): number {
    let s = 0;
    const capped = this.truncated > 0;
    for (let i = 0; i < this.count; i++) s += this.weights[i]! * (capped && this.caps[i]! < Infinity ? this.truncatedMeans[i]! : this.shifts[i]! + this.means[i]!);
    return this.totalWeight > 0 ? s / this.totalWeight : 0;
  }

  /** A point beyond almost all of the mass: where quantile searches start. */
  upperBound(): number {
    let hi = 1e-6;
    for (let i = 0; i < this.count; i++) hi = Math.max(hi, Math.min(this.caps[i]!, this.shifts[i]! + this.means[i]! + 10 * Math.sqrt(this.variances[i]!)));
    return hi;
  }

  /** The p-quantile. */
  quantile(p: number): number {
    if (this.count === 0) return NaN;
    return this.quantileWithin(p, 0, this.upperBound(), this.mean());
  }

  /**
   * The p-quantile searched in [lo, hi] (hi doubles until it is above), from
   * `start`: Newton steps on the CDF while they stay inside the bracket that
   * the evaluations so far leave, bisection otherwise.
   */
  quantileWithin(p: number, lo: number, hi: number, start: number): number {
    while (this.cdf(hi) < p) hi *= 2;
    let x = start > lo && start < hi ? start : 0.5 * (lo + hi);
    for (let i = 0; i < 100; i++) {
      const f = this.cdfAndDensity(x, true);
      if (f < p) lo = x;
      else hi = x;
      const density = this.density;
      let next = density > 0 ? x - (f - p) / density : NaN;
      if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
      if (Math.abs(next - x) <= NEWTON_TOLERANCE * next || hi - lo <= BRACKET_TOLERANCE * hi) return next;
      x = next;
    }
    return x;
  }

  private grow(): void {
    const n = this.weights.length * 2;
    const grow = <T extends Float64Array | Int32Array>(a: T): T => {
      const b = (a instanceof Int32Array ? new Int32Array(n) : new Float64Array(n)) as T;
      b.set(a);
      return b;
    };
    this.weights = grow(this.weights);
    this.shifts = grow(this.shifts);
    this.means = grow(this.means);
    this.variances = grow(this.variances);
    this.kinds = grow(this.kinds);
    this.invMeans = grow(this.invMeans);
    this.centres = grow(this.centres);
    this.invSpreads = grow(this.invSpreads);
    this.densityFactors = grow(this.densityFactors);
    this.caps = grow(this.caps);
    this.capMasses = grow(this.capMasses);
    this.truncatedMeans = grow(this.truncatedMeans);
  }
}

/**
 * Latency mixtures of many intervals kept for a quantile over all of them
 * (e.g. a run's p95): the routes of every part in one growable mixture, not
 * an object per part, since they live until the end of the run.
 */
export class PooledLatency {
  private readonly routes = new LatencyMixture();
  private readonly buckets: number[] = [];
  private readonly ends: number[] = [];
  private readonly totals: number[] = [];

  /** Keeps a copy of `mix` as the latency of interval `bucket`. */
  addPart(bucket: number, mix: LatencyMixture): void {
    this.routes.addRoutes(mix, 0, mix.count, 1, 0);
    this.buckets.push(bucket);
    this.ends.push(this.routes.count);
    this.totals.push(mix.totalWeight);
  }

  /** Adds every part into `target`, weighted by weightOf[bucket] (parts of weight 0 are left out). */
  addWeightedTo(target: LatencyMixture, weightOf: Float64Array): void {
    let from = 0;
    for (let k = 0; k < this.buckets.length; k++) {
      const weight = weightOf[this.buckets[k]!]!;
      const to = this.ends[k]!;
      if (weight > 0) target.addRoutes(this.routes, from, to, weight / this.totals[k]!, 0);
      from = to;
    }
  }
}

/** The p-quantile of a (pooled) mixture searched between lo and hi; NaN when it is empty. */
export function pooledQuantile(all: LatencyMixture, p: number, lo: number, hi: number): number {
  if (all.count === 0 || !(all.totalWeight > 0)) return NaN;
  if (all.cdf(lo) >= p) return lo;
  return all.quantileWithin(p, lo, hi, 0.5 * (lo + hi));
}
