/**
 * Traffic shapes: how the request rate moves between baseline and peak over
 * the run. Each shape is a level in [0, 1] (0 = baseline, 1 = peak).
 */
import { SPECIFIC_DEFAULTS } from './defaults';
import type { TrafficPlan } from './plan';
import type { TrafficSpec } from './types';

const DAY = 86_400;
const HOUR = 3600;

export type TrafficShape = 'steady' | 'morningSurge' | 'flashSale' | 'diurnal' | 'spike';

export interface ShapeTiming {
  startSec: number;
  rampSec: number;
  holdSec: number;
}

/** Level in [0, 1] at time t for a shape with the given timing. */
export function shapeLevel(shape: TrafficShape, t: number, timing: ShapeTiming): number {
  switch (shape) {
    case 'steady':
      return 1;
    case 'morningSurge': {
      // A narrow bell every day around startSec (time of day), width rampSec.
      const centre = timing.startSec % DAY;
      let d = Math.abs((t % DAY) - centre);
      d = Math.min(d, DAY - d);
      return Math.exp(-0.5 * (d / timing.rampSec) ** 2);
    }
    case 'diurnal':
      // Lowest at 04:00, highest at 16:00.
      return 0.5 - 0.5 * Math.cos((2 * Math.PI * ((t % DAY) - 4 * HOUR)) / DAY);
    case 'flashSale': {
      const { startSec: s, rampSec: r, holdSec: h } = timing;
      if (t < s) return 0;
      if (t < s + r) return r > 0 ? (t - s) / r : 1;
      if (t < s + r + h) return 1;
      if (t < s + 2 * r + h) return r > 0 ? 1 - (t - s - r - h) / r : 0;
      return 0;
    }
    case 'spike':
      return t >= timing.startSec && t < timing.startSec + timing.holdSec ? 1 : 0;
  }
}

export function trafficDurationSec(t: TrafficSpec): number {
  return t.durationSec ?? (t.durationHours ?? 0) * HOUR;
}

function defaultTiming(shape: TrafficShape, durationSec: number, t: TrafficSpec): ShapeTiming {
  const defaults: Record<TrafficShape, ShapeTiming> = {
    steady: { startSec: 0, rampSec: 0, holdSec: 0 },
    morningSurge: { startSec: 9 * HOUR, rampSec: 45 * 60, holdSec: 0 },
    diurnal: { startSec: 0, rampSec: 0, holdSec: 0 },
    flashSale: { startSec: durationSec * 0.25, rampSec: 600, holdSec: 6 * HOUR },
    spike: { startSec: durationSec * 0.5, rampSec: 0, holdSec: Math.min(300, durationSec * 0.1) },
  };
  const d = defaults[shape];
  return { startSec: t.startSec ?? d.startSec, rampSec: t.rampSec ?? d.rampSec, holdSec: t.holdSec ?? d.holdSec };
}

export function trafficPlan(t: TrafficSpec): TrafficPlan {
  const shape: TrafficShape = t.shape ?? 'steady';
  const durationSec = trafficDurationSec(t);
  const timing = defaultTiming(shape, durationSec, t);
  let peak: number;
  let baseline: number;
  if (t.ratePerSec !== undefined) {
    peak = t.ratePerSec;
    baseline = t.baselineRatePerSec ?? peak;
  } else {
    const perUser = t.requestsPerUserPerSec ?? SPECIFIC_DEFAULTS.requestsPerUserPerSec.value;
    const baseUsers = t.baselineUsers ?? t.peakUsers ?? 0;
    peak = (t.peakUsers ?? baseUsers) * perUser;
    baseline = baseUsers * perUser;
  }
  const rateAt = (tSec: number): number => baseline + (peak - baseline) * shapeLevel(shape, tSec, timing);
  // Mean by the midpoint rule: 5,000 slices (39 s each over 54 hours) resolve a 45-minute bell.
  const slices = 5000;
  let sum = 0;
  for (let i = 0; i < slices; i++) sum += rateAt(((i + 0.5) / slices) * durationSec);
  return { rateAt, baselineRatePerSec: Math.min(peak, baseline), peakRatePerSec: Math.max(peak, baseline), meanRatePerSec: sum / slices };
}
