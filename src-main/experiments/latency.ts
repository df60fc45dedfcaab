/**
 * Read latencies per second and over the run, on the simulator's own
 * log histogram (1 % bins), so a widget's p95 is measured the way a
 * scenario's is.
 */
import { LogHistogram } from '../sim/metrics';
import { round } from './format';
import type { ExperimentSeries } from './types';

/** The q-quantile in ms, 0 when nothing was added (the histogram says NaN). */
export function quantileMs(histogram: LogHistogram, q: number): number {
  const v = histogram.quantile(q);
  return Number.isFinite(v) ? v : 0;
}

/** Per-second p50/p95/p99 for a series with a p50..p99 band, and the run's overall figures. */
export class LatencyTimeline {
  readonly timeSec: number[] = [];
  readonly p50: number[] = [];
  readonly p95: number[] = [];
  readonly p99: number[] = [];
  readonly overall = new LogHistogram();
  private current = new LogHistogram();

  add(ms: number): void {
    this.current.add(ms);
    this.overall.add(ms);
  }

  /** Closes the second that ends at timeSec. */
  closeSecond(timeSec: number): void {
    this.timeSec.push(timeSec);
    this.p50.push(round(quantileMs(this.current, 0.5), 2));
    this.p95.push(round(quantileMs(this.current, 0.95), 2));
    this.p99.push(round(quantileMs(this.current, 0.99), 2));
    this.current = new LogHistogram();
  }

  series(id: string, label: string): ExperimentSeries {
    return { id, label, unit: 'ms', ratio: false, timeSec: this.timeSec, values: this.p95, band: { lower: this.p50, upper: this.p99, label: 'p50..p99' } };
  }
}
