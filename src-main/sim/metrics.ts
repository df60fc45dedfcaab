/** Small statistics helpers: growable sample buffers, percentiles, running means, downsampling. */
export { LogHistogram } from './logHistogram';

/** An append-only Float64 buffer that doubles when full. */
export class SampleBuffer {
  length = 0;
  declare data: Float64Array;

  constructor(initialCapacity = 1024) {
    this.data = new Float64Array(initialCapacity);
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/**
 * The p-quantile (0..1) of sorted values, interpolating between order
 * statistics (the "R-7" definition used by spreadsheets and d3.quantile).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (n === 1) return sorted[0]!;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Moves the k-th smallest of a[lo..hi] to index k, smaller ones before it and
 * larger ones after (Hoare's quickselect with median-of-three pivots): O(n),
 * where a full sort would be O(n log n).
 */
function selectInPlace(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // Median of three as pivot, which also guards against sorted input.
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * R-7 quantile of a[base, end), selecting in place from index `start` on
 * (everything left of it is already known to be smaller); calls must come in
 * increasing p.
 */
function quantileBySelection(a: Float64Array, p: number, start: number, base: number, end: number): number {
  const h = (end - base - 1) * p;
  const fh = Math.floor(h);
  const k = base + fh;
  selectInPlace(a, k, start, end - 1);
  const lo = a[k]!;
  if (k + 1 >= end || h === fh) return lo;
  let next = a[k + 1]!;
  for (let i = k + 2; i < end; i++) if (a[i]! < next) next = a[i]!;
  return lo + (h - fh) * (next - lo);
}

/** Mean, p50, p95 and p99 of values[from, to), without sorting them all (on a copy: values keep their order). */
export function summarise(values: Float64Array, from = 0, to = values.length): { mean: number; p50: number; p95: number; p99: number } {
  if (to <= from) return { mean: NaN, p50: NaN, p95: NaN, p99: NaN };
  return summariseInPlace(values.slice(from, to));
}

/** As summarise, without a copy: reorders values[from, to) (the figures do not depend on the order). */
export function summariseInPlace(values: Float64Array, from = 0, to = values.length): { mean: number; p50: number; p95: number; p99: number } {
  const n = to - from;
  if (n <= 0) return { mean: NaN, p50: NaN, p95: NaN, p99: NaN };
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i]!;
  // Each selection leaves everything above its quantile to the right, so the next search starts there.
  const p50 = quantileBySelection(values, 0.5, from, from, to);
  const p95 = quantileBySelection(values, 0.95, from + Math.floor((n - 1) * 0.5), from, to);
  const p99 = quantileBySelection(values, 0.99, from + Math.floor((n - 1) * 0.95), from, to);
  return { mean: sum / n, p50, p95, p99 };
}

/** The p95 and p99 of values[from, to), reordering them (as summariseInPlace's, without the mean and p50 it would select first). */
export function tailInPlace(values: Float64Array, from = 0, to = values.length): { p95: number; p99: number } {
  const n = to - from;
  if (n <= 0) return { p95: NaN, p99: NaN };
  const p95 = quantileBySelection(values, 0.95, from, from, to);
  const p99 = quantileBySelection(values, 0.99, from + Math.floor((n - 1) * 0.95), from, to);
  return { p95, p99 };
}

/** Averages neighbouring points so a series has at most maxPoints. */
export function downsample(values: ArrayLike<number>, maxPoints: number): number[] {
  const n = values.length;
  if (n <= maxPoints) return Array.from(values);
  const out: number[] = [];
  for (let k = 0; k < maxPoints; k++) {
    const from = Math.floor((k * n) / maxPoints);
    const to = Math.floor(((k + 1) * n) / maxPoints);
    let s = 0;
    let c = 0;
    for (let i = from; i < to; i++) {
      const v = values[i]!;
      if (Number.isFinite(v)) {
        s += v;
        c++;
      }
    }
    out.push(c > 0 ? s / c : NaN);
  }
  return out;
}

/** Rounds for display and JSON: keeps results compact and free of float noise. */
export function round(v: number, digits = 4): number {
  if (!Number.isFinite(v)) return v;
  if (v === 0) return 0;
  const scale = Math.pow(10, digits - Math.ceil(Math.log10(Math.abs(v))));
  return Math.round(v * scale) / scale;
}
