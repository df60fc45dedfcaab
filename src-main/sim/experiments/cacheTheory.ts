/**
 * Cache theory for the widgets, on popularity bins: neighbouring ranks whose
 * popularities differ by under 0.5 % share one term, so Che's approximation
 * costs a few thousand exponentials however many keys there are. The
 * per-key formulas are those of theory/cheApproximation.ts.
 */
const memo = new WeakMap<Float64Array, PopularityBins>();

export interface PopularityBins {
  /** Popularity of each key in the bin. */
  p: Float64Array;
  /** Keys in the bin. */
  count: Float64Array;
}

export function popularityBins(popularities: Float64Array): PopularityBins {
  const cached = memo.get(popularities);
  if (cached) return cached;
  const p: number[] = [];
  const count: number[] = [];
  let i = 0;
  while (i < popularities.length) {
    const top = popularities[i]!;
    let sum = 0;
    let j = i;
    while (j < popularities.length && popularities[j]! >= top * 0.995) sum += popularities[j++]!;
    p.push(sum / (j - i));
    count.push(j - i);
    i = j;
  }
  const bins = { p: Float64Array.from(p), count: Float64Array.from(count) };
  memo.set(popularities, bins);
  return bins;
}

type Policy = 'lru' | 'fifo';

function inCache(pt: number, policy: Policy): number {
  return policy === 'lru' ? 1 - Math.exp(-pt) : pt / (1 + pt);
}

/** Che's characteristic time in requests (Infinity when everything fits). */
export function characteristicTime(bins: PopularityBins, capacity: number, policy: Policy): number {
  let keys = 0;
  for (let b = 0; b < bins.count.length; b++) keys += bins.count[b]!;
  if (capacity >= keys) return Infinity;
  if (capacity <= 0) return 0;
  // Occupancy is increasing and concave in T: bracket, then bisect on a log scale.
  const occupancy = (t: number): number => {
    let filled = 0;
    for (let b = 0; b < bins.p.length; b++) filled += bins.count[b]! * inCache(bins.p[b]! * t, policy);
    return filled;
  };
  let lo = capacity;
  let hi = capacity * 2;
  while (occupancy(hi) < capacity) {
    lo = hi;
    hi *= 2;
  }
  for (let k = 0; k < 50 && hi / lo > 1 + 1e-7; k++) {
    const mid = Math.sqrt(lo * hi);
    if (occupancy(mid) < capacity) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}

/** Che's hit ratio for LRU or FIFO. */
export function cheHit(bins: PopularityBins, capacity: number, policy: Policy): number {
  const t = characteristicTime(bins, capacity, policy);
  if (!Number.isFinite(t)) return 1;
  let h = 0;
  for (let b = 0; b < bins.p.length; b++) h += bins.count[b]! * bins.p[b]! * inCache(bins.p[b]! * t, policy);
  return h;
}

/**
 * LRU with a TTL set at fill time: each key hits at most as often as Che's
 * LRU allows and at most λτ/(1+λτ), the share of a Poisson stream of rate λ
 * that finds an entry younger than τ. With everything fitting, only the TTL binds.
 */
export function lruTtlHit(bins: PopularityBins, capacity: number, ratePerSec: number, ttlSec: number): number {
  const t = characteristicTime(bins, capacity, 'lru');
  let h = 0;
  for (let b = 0; b < bins.p.length; b++) {
    const p = bins.p[b]!;
    const lruPart = Number.isFinite(t) ? 1 - Math.exp(-p * t) : 1;
    const lt = p * ratePerSec * ttlSec;
    h += bins.count[b]! * p * Math.min(lruPart, lt / (1 + lt));
  }
  return h;
}

/** Ideal LFU: the C most popular keys. */
export function topKeysHit(popularities: Float64Array, capacity: number): number {
  let h = 0;
  for (let i = 0; i < Math.min(capacity, popularities.length); i++) h += popularities[i]!;
  return h;
}

/** Expected distinct keys among `reads` independent Zipf draws: Σ 1 − e^{−p_i·reads}. */
export function expectedDistinct(bins: PopularityBins, reads: number): number {
  let d = 0;
  for (let b = 0; b < bins.p.length; b++) d += bins.count[b]! * (1 - Math.exp(-bins.p[b]! * reads));
  return d;
}
