/**
 * Station levels and their time integrals at the request level.
 *
 * Each station's live levels (busy servers, queued jobs, capacity,
 * instances) sit in one record with the time and interval it was last
 * brought up to date: 1 << LV_SHIFT numbers per station in `level`, so an update
 * reads one cache line. The run changes the levels in place, after `update`.
 *
 * The integrals (utilisation, queue depth, Little's L come from them) are
 * kept per series interval and over the measured window, interleaved: four
 * numbers per station and interval, so bringing a station up to date writes
 * to one place per array.
 */
import { doubles } from '../engine/arrays';

export const AREA_BUSY = 0;
export const AREA_QUEUED = 1;
export const AREA_CAPACITY = 2;
export const AREA_INSTANCES = 3;

/** A station's record in `level`: its levels (in AREA_* order), then when and in which interval it was last brought up to date. */
export const LV_SHIFT = 3;
export const LV_BUSY = 0;
export const LV_QUEUED = 1;
export const LV_CAPACITY = 2;
export const LV_INSTANCES = 3;
const LV_LAST = 4;
const LV_BUCKET = 5;

export class StationAreas {
  /** Per station, 1 << LV_SHIFT numbers: busy, queued, capacity, instances, last update time, its interval. */
  declare readonly level: number[];
  /** ((s · buckets) + b) · 4 + measure. */
  declare readonly perBucket: number[];
  /** s · 4 + measure, over the measured window. */
  declare readonly measured: number[];

  constructor(
    capacity: ArrayLike<number>,
    instances: ArrayLike<number>,
    private readonly buckets: number,
    private readonly bucketSec: number,
  ) {
    const stations = capacity.length;
    this.level = doubles(stations << LV_SHIFT);
    for (let s = 0; s < stations; s++) {
      this.level[(s << LV_SHIFT) + LV_CAPACITY] = capacity[s]!;
      this.level[(s << LV_SHIFT) + LV_INSTANCES] = instances[s]!;
    }
    this.perBucket = doubles(stations * buckets * 4);
    this.measured = doubles(stations * 4);
  }

  /**
   * Adds the time from station s's last change to t (in interval `cur`), at
   * the levels it held since then.
   */
  update(s: number, t: number, cur: number, measuring: boolean): void {
    const lv = this.level;
    const o = s << LV_SHIFT;
    const last = lv[o + LV_LAST]!;
    if (t <= last) return;
    const busy = lv[o]!;
    const queued = lv[o + 1]!;
    const capacity = lv[o + 2]!;
    const instances = lv[o + 3]!;
    const dt = t - last;
    if (lv[o + LV_BUCKET] === cur) {
      // Still in the interval of the last change (nearly always).
      const a = this.perBucket;
      const i = (s * this.buckets + cur) * 4;
      a[i] = a[i]! + busy * dt;
      a[i + 1] = a[i + 1]! + queued * dt;
      a[i + 2] = a[i + 2]! + capacity * dt;
      a[i + 3] = a[i + 3]! + instances * dt;
    } else {
      this.acrossIntervals(s, last, t, cur, busy, queued, capacity, instances);
      lv[o + LV_BUCKET] = cur;
    }
    if (measuring) {
      const m = this.measured;
      const i = s * 4;
      m[i] = m[i]! + busy * dt;
      m[i + 1] = m[i + 1]! + queued * dt;
      m[i + 2] = m[i + 2]! + capacity * dt;
      m[i + 3] = m[i + 3]! + instances * dt;
    }
    lv[o + LV_LAST] = t;
  }

  /** Area of one measure of station s in interval b. */
  inBucket(s: number, b: number, measure: number): number {
    return this.perBucket[(s * this.buckets + b) * 4 + measure]!;
  }

  /** Area of one measure of station s over the measured window. */
  total(s: number, measure: number): number {
    return this.measured[s * 4 + measure]!;
  }

  /** The time from `last` to t split at interval ends, from the last change's interval to `cur`. */
  private acrossIntervals(s: number, last: number, t: number, cur: number, busy: number, queued: number, capacity: number, instances: number): void {
    let b = this.level[(s << LV_SHIFT) + LV_BUCKET]!;
    let from = last;
    while (b < cur) {
      const end = (b + 1) * this.bucketSec;
      this.addArea((s * this.buckets + b) * 4, end - from, busy, queued, capacity, instances);
      from = end;
      b++;
    }
    this.addArea((s * this.buckets + b) * 4, t - from, busy, queued, capacity, instances);
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
