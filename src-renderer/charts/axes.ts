// Axis generators the charts share; D3 draws them into the chart's <g class="axis ...">,
// which ChartFrame styles.
import { axisBottom, type ScaleLinear } from 'd3';
import { formatHourTick, hourTicks } from '../lib/runFigures';

/** A run's time axis in whole hours ("12 h"), a tick about every 55 px. */
export function hourAxis(x: ScaleLinear<number, number>, innerWidth: number) {
  const [lo, hi] = x.domain() as [number, number];
  return axisBottom(x)
    .tickValues(hourTicks(lo, hi, Math.max(2, Math.floor(innerWidth / 55))))
    .tickFormat((d) => formatHourTick(+d))
    .tickSizeOuter(0);
}
