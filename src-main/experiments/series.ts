/** Keeps a widget's series short enough to draw. */
import type { ExperimentSeries } from './types';

export const MAX_SERIES_POINTS = 300;

/** Averages neighbouring points so a series never exceeds MAX_SERIES_POINTS. */
export function thinSeries(series: ExperimentSeries): ExperimentSeries {
  const n = series.timeSec.length;
  if (n <= MAX_SERIES_POINTS) return series;
  const group = Math.ceil(n / MAX_SERIES_POINTS);
  const pick = (values: number[]): number[] => {
    const out: number[] = [];
    for (let i = 0; i < n; i += group) {
      const slice = values.slice(i, i + group);
      out.push(slice.reduce((a, b) => a + b, 0) / slice.length);
    }
    return out;
  };
  const timeSec: number[] = [];
  for (let i = 0; i < n; i += group) timeSec.push(series.timeSec[Math.min(n - 1, i + group - 1)]!);
  return {
    ...series,
    timeSec,
    values: pick(series.values),
    ...(series.band ? { band: { lower: pick(series.band.lower), upper: pick(series.band.upper), label: series.band.label } } : {}),
  };
}
