/**
 * Time-integrated station measures at the request level: busy servers,
 * queued jobs, capacity and instances, each integrated over time per series
 * interval and over the measured window (utilisation, queue depth, Little's L
 * come from them). Interleaved, four numbers per station and interval, so
 * bringing a station up to date writes to one array, not eight.
 */
export const AREA_BUSY = 0;
export const AREA_QUEUED = 1;
export const AREA_CAPACITY = 2;
export const AREA_INSTANCES = 3;

export class StationAreas {
  /** ((s · buckets) + b) · 4 + measure. */
  declare readonly perBucket: Float64Array;
  /** s · 4 + measure, over the measured window. */
  declare readonly measured: Float64Array;
  /** When each station was last brought up to date, and in which interval. */
  private declare readonly last: Float64Array;
  private declare readonly bucket: Int32Array;

  constructor(
    stations: number,
    private readonly buckets: number,
    private readonly bucketSec: number,
  ) {
    this.perBucket = new Float64Array(stations * buckets * 4);
    this.measured = new Float64Array(stations * 4);
    this.last = new Float64Array(stations);
    this.bucket = new Int32Array(stations);
  }

  /**
   * Adds the time from station s's last change to t (in interval `cur`), at
   * the levels it held since then.
   */
  update(s: number, t: number, cur: number, measuring: boolean, busy: number, queued: number, capacity: number, instances: number): void {
    const last = this.last[s]!;
    if (t <= last) return;
    let b = this.bucket[s]!;
    let from = last;
    while (b < cur) {
      const end = (b + 1) * this.bucketSec;
      this.addArea((s * this.buckets + b) * 4, end - from, busy, queued, capacity, instances);
      from = end;
      b++;
    }
    this.addArea((s * this.buckets + b) * 4, t - from, busy, queued, capacity, instances);
    if (measuring) {
      const dt = t - last;
      const m = this.measured;
      const i = s * 4;
      m[i] = m[i]! + busy * dt;
      m[i + 1] = m[i + 1]! + queued * dt;
      m[i + 2] = m[i + 2]! + capacity * dt;
      m[i + 3] = m[i + 3]! + instances * dt;
    }
    this.last[s] = t;
    this.bucket[s] = cur;
  }

  /** Area of one measure of station s in interval b. */
  inBucket(s: number, b: number, measure: number): number {
    return this.perBucket[(s * this.buckets + b) * 4 + measure]!;
  }

  /** Area of one measure of station s over the measured window. */
  total(s: number, measure: number): number {
    return this.measured[s * 4 + measure]!;
  }

  private addArea(i: number, dt: number, busy: number, queued: number, capacity: number, instances: number): void {
    if (dt <= 0) return;
    const a = this.perBucket;
    a[i] = a[i]! + busy * dt;
    a[i + 1] = a[i + 1]! + queued * dt;
    a[i + 2] = a[i + 2]! + capacity * dt;
    a[i + 3] = a[i + 3]! + instances * dt;
  }
}
