// Axis ticks and generators the charts share; D3 draws them into the chart's
// <g class="axis ...">, which ChartFrame styles.
import { axisBottom, type ScaleLinear } from 'd3';
import { formatTimeTick } from '../lib/format';

const HOUR = 3600;

/** Tick steps (seconds) an hours axis may use, smallest first. */
const TICK_STEPS = [60, 300, 600, 900, 1800, HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR, 48 * HOUR, 168 * HOUR];

/** Tick positions (seconds) on whole, round steps: at most `maxTicks` of them between lo and hi. */
export function hourTicks(lo: number, hi: number, maxTicks: number): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi <= lo) return [Math.max(0, lo || 0)];
  const limit = Math.max(2, Math.floor(maxTicks));
  const step = TICK_STEPS.find((s) => Math.floor(hi / s) - Math.ceil(lo / s) + 1 <= limit) ?? Math.ceil((hi - lo) / limit / (168 * HOUR)) * 168 * HOUR;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) ticks.push(t);
  return ticks;
}

/** Ticks for a log axis between lo and hi: powers of ten, with 2× and 5× steps when fewer than three fit. */
export function logTicks(lo: number, hi: number): number[] {
  if (!(lo > 0) || !(hi > lo)) return [];
  const from = Math.floor(Math.log10(lo));
  const to = Math.ceil(Math.log10(hi));
  const inside = (v: number) => v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9);
  const powers: number[] = [];
  for (let e = from; e <= to; e++) powers.push(10 ** e);
  const decades = powers.filter(inside);
  if (decades.length >= 3) return decades;
  return powers.flatMap((p) => [p, 2 * p, 5 * p]).filter(inside);
}

/** A run's time axis in whole hours ("12 h"), a tick about every 55 px. */
export function hourAxis(x: ScaleLinear<number, number>, innerWidth: number) {
  const [lo, hi] = x.domain() as [number, number];
  return axisBottom(x)
    .tickValues(hourTicks(lo, hi, Math.max(2, Math.floor(innerWidth / 55))))
    .tickFormat((d) => formatTimeTick(+d))
    .tickSizeOuter(0);
}

/** Minute steps (seconds) a seconds axis may use once the run is long enough to read in minutes. */
const MINUTE_STEPS = [60, 120, 300, 600, 900, 1200, 1800, 3600];

/** Past ten minutes a run reads in minutes ("20 min"), not as "1200 s". */
export const readsInMinutes = (lo: number, hi: number): boolean => hi - lo > 600;

/** A widget run's time axis: seconds for short runs, whole minutes for long ones, a tick about every 70 px. */
export function secondsAxis(x: ScaleLinear<number, number>, innerWidth: number) {
  const [lo, hi] = x.domain() as [number, number];
  const limit = Math.max(2, Math.floor(innerWidth / 70));
  if (!readsInMinutes(lo, hi)) return axisBottom(x).ticks(limit).tickFormat((d) => `${+d}\u00a0s`).tickSizeOuter(0);
  return axisBottom(x).tickValues(minuteTicks(lo, hi, limit)).tickFormat((d) => `${+d / 60}\u00a0min`).tickSizeOuter(0);
}

/** Tick positions (seconds) on whole minute steps: at most `limit` of them between lo and hi. */
export function minuteTicks(lo: number, hi: number, limit: number): number[] {
  const step = MINUTE_STEPS.find((s) => Math.floor(hi / s) - Math.ceil(lo / s) + 1 <= limit) ?? 3600;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) ticks.push(t);
  return ticks;
}
