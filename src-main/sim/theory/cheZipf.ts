/**
 * Che's approximation (and ideal LFU) for Zipf popularities without visiting
 * every key: ranks are grouped into runs of near-equal popularity, and each
 * group counts as `count` keys of its mean popularity.
 *
 * The first EXACT_RANKS ranks are their own groups (exact); after that a group
 * spans ranks whose popularities differ by at most a factor (1 + GROWTH)^s,
 * so a 100,000-key cache needs under 1,000 groups instead of 100,000 terms.
 * A group's weight Σ x^-s is the midpoint-rule integral ∫ x^-s dx over
 * [a − ½, b + ½] (relative error below s(s+1)/(24a²) at rank a >= 64). Within a
 * group the in-cache probability is concave in the popularity, so using the
 * mean costs a second-order error ~ (s·GROWTH)²/8. Together: within 0.5 % of
 * the exact sum over all keys, tested in test/unit/sim/cheZipf.test.ts
 * (in practice under 0.01 %).
 *
 * Results are memoised per (keyCount, exponent, capacity, eviction): the
 * prediction is a pure function of them, and every run of a model asks again.
 *
 * The lesson widgets draw keys from their own popularity arrays; for them,
 * groupsOfPopularities() bins neighbouring ranks whose popularities differ by
 * under 0.5 %, and the same grouped formulas apply (with a TTL, and for the
 * expected number of distinct keys in n reads).
 */
import type { Eviction } from '../plan';
import { characteristicTimeOfGroups } from './cheApproximation';

const EXACT_RANKS = 64;
const GROWTH = 0.01;
const MEMO_LIMIT = 256;

export interface PopularityGroups {
  /** Keys in each group. */
  counts: Float64Array;
  /** Mean popularity of one key of each group (Σ counts·popularities = 1). */
  popularities: Float64Array;
}

/** Σ_{x = a}^{b} x^-s by the midpoint rule: ∫_{a − ½}^{b + ½} x^-s dx. */
function powerSum(a: number, b: number, s: number): number {
  const lo = a - 0.5;
  const hi = b + 0.5;
  const r = Math.log(hi / lo);
  const e = 1 - s;
  // lo^(1-s) · (e^{(1-s)·r} − 1) / (1 − s), stable as s -> 1.
  return Math.abs(e) < 1e-12 ? r : (Math.pow(lo, e) * Math.expm1(e * r)) / e;
}

/** Zipf(keyCount, exponent) popularities (rank x has weight x^-exponent) as groups of near-equal keys. */
export function zipfGroups(keyCount: number, exponent: number): PopularityGroups {
  const counts: number[] = [];
  const weights: number[] = [];
  const exact = Math.min(keyCount, EXACT_RANKS);
  for (let x = 1; x <= exact; x++) {
    counts.push(1);
    weights.push(Math.pow(x, -exponent));
  }
  for (let a = exact + 1; a <= keyCount; ) {
    const b = Math.min(keyCount, Math.max(a, Math.floor(a * (1 + GROWTH))));
    counts.push(b - a + 1);
    weights.push(powerSum(a, b, exponent));
    a = b + 1;
  }
  const total = weights.reduce((sum, w) => sum + w, 0);
  return {
    counts: Float64Array.from(counts),
    popularities: Float64Array.from(weights, (w, i) => w / total / counts[i]!),
  };
}

const groupsMemo = new WeakMap<Float64Array, PopularityGroups>();

/** An explicit popularity array (descending) as groups of keys within 0.5 % of each other (memoised per array). */
export function groupsOfPopularities(popularities: Float64Array): PopularityGroups {
  const cached = groupsMemo.get(popularities);
  if (cached) return cached;
  const counts: number[] = [];
  const means: number[] = [];
  for (let i = 0; i < popularities.length; ) {
    const top = popularities[i]!;
    let sum = 0;
    let j = i;
    while (j < popularities.length && popularities[j]! >= top * 0.995) sum += popularities[j++]!;
    counts.push(j - i);
    means.push(sum / (j - i));
    i = j;
  }
  const groups = { counts: Float64Array.from(counts), popularities: Float64Array.from(means) };
  groupsMemo.set(popularities, groups);
  return groups;
}

/** Che's characteristic time in requests: Infinity when every key fits, 0 for no room. */
export function groupedCharacteristicTime(g: PopularityGroups, capacity: number, eviction: 'lru' | 'fifo'): number {
  if (capacity <= 0) return 0;
  let keys = 0;
  for (let i = 0; i < g.counts.length; i++) keys += g.counts[i]!;
  if (capacity >= keys) return Infinity;
  return characteristicTimeOfGroups(g.popularities, g.counts, capacity, eviction);
}

/** Che's hit ratio (LRU, FIFO) on grouped popularities. */
export function groupedCheHitRatio(g: PopularityGroups, capacity: number, eviction: 'lru' | 'fifo'): number {
  if (capacity <= 0) return 0;
  const t = groupedCharacteristicTime(g, capacity, eviction);
  if (!Number.isFinite(t)) return 1;
  let h = 0;
  for (let i = 0; i < g.counts.length; i++) {
    const p = g.popularities[i]!;
    h += g.counts[i]! * p * (eviction === 'lru' ? -Math.expm1(-p * t) : (p * t) / (1 + p * t));
  }
  return h;
}

/** Ideal LFU on grouped popularities: the `capacity` most popular keys (groups are in descending order). */
export function groupedLfuHitRatio(g: PopularityGroups, capacity: number): number {
  let room = capacity;
  let h = 0;
  for (let i = 0; i < g.counts.length && room > 0; i++) {
    const n = Math.min(room, g.counts[i]!);
    h += n * g.popularities[i]!;
    room -= n;
  }
  return h;
}

/**
 * LRU with a TTL set at fill time: each key hits at most as often as Che's
 * LRU allows and at most λτ/(1+λτ), the share of a Poisson stream of rate λ
 * that finds an entry younger than τ. With everything fitting, only the TTL binds.
 */
export function groupedLruTtlHitRatio(g: PopularityGroups, capacity: number, ratePerSec: number, ttlSec: number): number {
  const t = groupedCharacteristicTime(g, capacity, 'lru');
  let h = 0;
  for (let i = 0; i < g.counts.length; i++) {
    const p = g.popularities[i]!;
    const lruPart = Number.isFinite(t) ? -Math.expm1(-p * t) : 1;
    const lt = p * ratePerSec * ttlSec;
    h += g.counts[i]! * p * Math.min(lruPart, lt / (1 + lt));
  }
  return h;
}

/** Expected distinct keys among `reads` independent draws: Σ 1 − e^{−p_i·reads}. */
export function groupedExpectedDistinct(g: PopularityGroups, reads: number): number {
  let d = 0;
  for (let i = 0; i < g.counts.length; i++) d += g.counts[i]! * -Math.expm1(-g.popularities[i]! * reads);
  return d;
}

const memo = new Map<string, number>();

/** Predicted hit ratio of a cache of `capacity` keys under independent Zipf requests (memoised). */
export function zipfCacheHitRatio(keyCount: number, exponent: number, capacity: number, eviction: Eviction): number {
  const key = `${keyCount}|${exponent}|${capacity}|${eviction}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const g = zipfGroups(keyCount, exponent);
  const h = eviction === 'lfu' ? groupedLfuHitRatio(g, capacity) : groupedCheHitRatio(g, capacity, eviction);
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  memo.set(key, h);
  return h;
}
