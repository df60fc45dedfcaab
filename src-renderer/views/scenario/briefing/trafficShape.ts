// The traffic shape in words and in drawable figures: where the peak is, what the
// time axis is counted in, and how an instant reads ("1 h 30 min").
import type { TrafficShapeName, TrafficView } from '../../../../src-main/api/contract';

export const shapeText: Record<TrafficShapeName, { label: string; line: string }> = {
  steady: { label: 'Steady', line: 'About the same number of users all the way through.' },
  morningSurge: { label: 'Morning surge', line: 'A quiet start, then users pile in over a short stretch and stay.' },
  flashSale: { label: 'Flash sale', line: 'Calm, then nearly everyone arrives at the same moment, then it drains away.' },
  diurnal: { label: 'Daily cycle', line: 'A slow rise to a daytime peak and a fall back overnight.' },
  spike: { label: 'Spike', line: 'A short, sharp burst well above the usual level.' },
};

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
export type TimeUnit = 'min' | 'h';

export function timeUnitFor(hours: number): TimeUnit {
  return hours <= 2 ? 'min' : 'h';
}

/** An axis tick: 1.5 h -> "90 min" on a minute axis, "1.5 h" on an hour axis. */
export function formatTimeTick(hour: number, unit: TimeUnit): string {
  if (unit === 'min') return `${+(hour * 60).toFixed(1)}\u00a0min`;
  return `${+hour.toFixed(2)}\u00a0h`;
}

/** An instant for the readout: 0.25 -> "15 min", 2.5 -> "2 h 30 min", 3 -> "3 h", 0.01 -> "36 s". */
export function formatInstant(hour: number): string {
  const seconds = Math.max(0, Math.round(hour * 3600));
  if (seconds < 60) return `${seconds}\u00a0s`;
  const minutes = Math.round(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}\u00a0min`;
  return m === 0 ? `${h}\u00a0h` : `${h}\u00a0h ${m}\u00a0min`;
}

/** A run length: 1 -> "1 hour", 0.5 -> "30 minutes", 24 -> "24 hours". */
export function formatRunLength(hours: number): string {
  if (hours < 1) {
    const minutes = Math.round(hours * 60);
    return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  }
  const rounded = +hours.toFixed(1);
  return `${rounded} ${rounded === 1 ? 'hour' : 'hours'}`;
}

/** Users at the peak times each user's request rate. */
export function peakRequestsPerSec(traffic: Pick<TrafficView, 'peakUsers' | 'requestsPerUserPerSec'>): number {
  return traffic.peakUsers * traffic.requestsPerUserPerSec;
}

/** Compact user counts for axis ticks: 12000 -> "12k", 1500 -> "1.5k", 2500000 -> "2.5M". */
export function formatUsersTick(users: number): string {
  const abs = Math.abs(users);
  if (abs >= 1_000_000) return `${+(users / 1_000_000).toFixed(1)}M`;
  if (abs >= 10_000) return `${+(users / 1000).toFixed(0)}k`;
  if (abs >= 1000) return `${+(users / 1000).toFixed(1)}k`;
  return `${Math.round(users)}`;
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
