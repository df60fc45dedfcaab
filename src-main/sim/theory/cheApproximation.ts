/**
 * Che's approximation of a cache's hit ratio under independent requests with
 * popularities p_i. Find the characteristic time T with Σ(1 − e^{−p_i·T}) = C
 * (monotone in T: bisection), then
 *   LRU:  H = Σ p_i·(1 − e^{−p_i·T})
 *   FIFO: H = Σ p_i·(p_i·T / (1 + p_i·T))   (same T; also holds for random eviction)
 * (Che, Tung & Wang 2002; Fricker, Robert & Roberts 2012.)
 */
export function cheCharacteristicTime(popularities: Float64Array, capacity: number): number {
  const n = popularities.length;
  if (capacity >= n) return Infinity;
  const filled = (t: number): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += 1 - Math.exp(-popularities[i]! * t);
    return s;
  };
  let lo = 0;
  let hi = capacity;
  while (filled(hi) < capacity) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-10 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (filled(mid) < capacity) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export function cheHitRatio(popularities: Float64Array, capacity: number, eviction: 'lru' | 'fifo'): number {
  if (capacity <= 0) return 0;
  const t = cheCharacteristicTime(popularities, capacity);
  if (!Number.isFinite(t)) return 1;
  let h = 0;
  for (let i = 0; i < popularities.length; i++) {
    const p = popularities[i]!;
    h += eviction === 'lru' ? p * (1 - Math.exp(-p * t)) : p * ((p * t) / (1 + p * t));
  }
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
