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
