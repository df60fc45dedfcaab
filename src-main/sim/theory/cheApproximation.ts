/**
 * Che's approximation of a cache's hit ratio under independent requests with
 * popularities p_i. Each key is in the cache with probability h_i(T), where
 * the characteristic time T makes the expected occupancy Σ h_i(T) equal the
 * capacity C (monotone in T: bisection); the hit ratio is Σ p_i·h_i(T).
 *   LRU:  h_i = 1 − e^{−p_i·T}
 *   FIFO: h_i = p_i·T / (1 + p_i·T)   (also random eviction)
 * (Che, Tung & Wang 2002; Fricker, Robert & Roberts 2012.)
 */
function inCache(p: number, t: number, eviction: 'lru' | 'fifo'): number {
  return eviction === 'lru' ? 1 - Math.exp(-p * t) : (p * t) / (1 + p * t);
}

export function cheCharacteristicTime(popularities: Float64Array, capacity: number, eviction: 'lru' | 'fifo' = 'lru'): number {
  if (capacity >= popularities.length) return Infinity;
  return characteristicTimeOfGroups(popularities, null, capacity, eviction);
}

/**
 * The same root for groups of keys: `counts[i]` keys of popularity
 * `popularities[i]` each (null counts: one key each).
 */
export function characteristicTimeOfGroups(popularities: Float64Array, counts: Float64Array | null, capacity: number, eviction: 'lru' | 'fifo'): number {
  const n = popularities.length;
  // Occupancy is increasing and concave in T, and below T itself, so Newton's
  // method started at T = C approaches the root from below without overshooting.
  let t = capacity;
  for (let iteration = 0; iteration < 100; iteration++) {
    let filled = 0;
    let slope = 0;
    for (let i = 0; i < n; i++) {
      const p = popularities[i]!;
      const keys = counts === null ? 1 : counts[i]!;
      if (eviction === 'lru') {
        const e = Math.exp(-p * t);
        filled += keys * (1 - e);
        slope += keys * p * e;
      } else {
        const d = 1 + p * t;
        filled += (keys * (p * t)) / d;
        slope += (keys * p) / (d * d);
      }
    }
    const step = (capacity - filled) / slope;
    t += step;
    if (step <= 1e-10 * t) break;
  }
  return t;
}

export function cheHitRatio(popularities: Float64Array, capacity: number, eviction: 'lru' | 'fifo'): number {
  if (capacity <= 0) return 0;
  const t = cheCharacteristicTime(popularities, capacity, eviction);
  if (!Number.isFinite(t)) return 1;
  let h = 0;
  for (let i = 0; i < popularities.length; i++) h += popularities[i]! * inCache(popularities[i]!, t, eviction);
  return h;
}

/**
 * Hit ratio of an ideal LFU cache under independent requests: it ends up
 * holding the C most popular keys (popularities sorted descending).
 */
export function perfectLfuHitRatio(popularitiesDescending: Float64Array, capacity: number): number {
  let h = 0;
  for (let i = 0; i < Math.min(capacity, popularitiesDescending.length); i++) h += popularitiesDescending[i]!;
  return h;
}
