// Where things sit on a traffic curve: its busiest point, the unit its time axis counts
// in, and the quietest stretch for a label.
import type { ClockUnit } from '../lib/format';

export interface CurvePoint {
  hour: number;
  users: number;
}

/** The busiest point of the curve (the first, if several tie); null for an empty curve. */
export function peakPoint(curve: CurvePoint[]): CurvePoint | null {
  let best: CurvePoint | null = null;
  for (const point of curve) {
    if (!Number.isFinite(point.users) || !Number.isFinite(point.hour)) continue;
    if (!best || point.users > best.users) best = point;
  }
  return best;
}

/** Short runs read in minutes, longer ones in hours. */
export function clockUnitFor(hours: number): ClockUnit {
  return hours <= 2 ? 'min' : 'h';
}

/**
 * Where a label of the given width (in hours) disturbs the curve least: the start of the
 * window, inside [0, hours - width], whose busiest point is lowest. Windows within 2 % of
 * the curve's range count as tied, and ties go to the earliest (labels read best at the left).
 */
export function quietestWindow(curve: CurvePoint[], hours: number, width: number): { start: number; maxUsers: number } {
  const last = Math.max(0, hours - width);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const point of curve) {
    lo = Math.min(lo, point.users);
    hi = Math.max(hi, point.users);
  }
  const tolerance = curve.length ? 0.02 * (hi - lo) : 0;
  const steps = 40;
  let best = { start: 0, maxUsers: Number.POSITIVE_INFINITY };
  for (let i = 0; i <= steps; i++) {
    const start = (last * i) / steps;
    let maxUsers = Number.NEGATIVE_INFINITY;
    for (const point of curve) {
      if (point.hour >= start && point.hour <= start + width && point.users > maxUsers) maxUsers = point.users;
    }
    if (maxUsers === Number.NEGATIVE_INFINITY) continue;
    if (maxUsers < best.maxUsers - tolerance) best = { start, maxUsers };
  }
  return Number.isFinite(best.maxUsers) ? best : { start: 0, maxUsers: 0 };
}
