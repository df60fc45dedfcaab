/**
 * What a lesson widget's experiment offers and returns. The API contract
 * re-exports these; the experiments own them.
 */

export type ControlSpec =
  | {
      id: string;
      label: string;
      kind: 'number';
      unit: string;
      min: number;
      max: number;
      step: number;
      default: number;
      /** Log scale for controls spanning orders of magnitude (keys, rates). */
      scale?: 'linear' | 'log';
    }
  | { id: string; label: string; kind: 'choice'; options: { value: string; label: string }[]; default: string };

export interface MetricSpec {
  id: string;
  label: string;
  unit: '%' | 'ms' | '/s' | 'x' | '' | 's' | 'count';
  /** A ratio (0..1) shown as a percentage. */
  ratio?: boolean;
}

/** What a widget kind offers: its controls with units and ranges, and the figures it reports. */
export interface ExperimentSpec {
  widget: string;
  title: string;
  controls: ControlSpec[];
  metrics: MetricSpec[];
}

export type ControlValues = Record<string, number | string>;

export interface ExperimentSeries {
  id: string;
  label: string;
  unit: string;
  /** Values are ratios (0..1) shown as percentages. */
  ratio: boolean;
  timeSec: number[];
  values: number[];
  /** Optional percentile band around the line (e.g. p50..p99). */
  band?: { lower: number[]; upper: number[]; label: string };
}

export interface ExperimentBarGroup {
  id: string;
  label: string;
  unit: string;
  bars: { label: string; value: number; tone?: 'pass' | 'warn' | 'fail' | 'accent' | 'muted' }[];
}

export interface ExperimentResult {
  widget: string;
  seed: number;
  /** The controls actually used (defaults filled in). */
  controls: ControlValues;
  /** Named figures the prediction and the caption refer to (cacheHitRatio, p95Ms, ...). */
  metrics: Record<string, number>;
  /** Analytical predictions beside simulated metrics, where theory exists (same keys). */
  theory: Record<string, { value: number; method: string }>;
  series: ExperimentSeries[];
  bars: ExperimentBarGroup[];
  /**
   * Reference lines, labelled at their end: 'value' lines cross the value axis of the series or
   * bar group named by seriesId; 'time' lines mark a moment (seconds) on every time-series panel.
   */
  thresholds: { axis: 'value' | 'time'; seriesId: string | null; value: number; label: string }[];
  /** Small topology: nodes coloured by utilisation, edges by request flow. */
  topology?: { nodes: { id: string; label: string; utilisation: number }[]; edges: { from: string; to: string; perSec: number }[] };
  /** One sentence about this run, with its figures. */
  summary: string;
}

export interface RunHooks {
  /** Polled while the run goes; a stopped run ends early (see RunStopped). */
  shouldStop?: () => boolean;
}

/** One lesson widget kind: its controls and figures, and a seeded run. */
export interface Experiment {
  spec: ExperimentSpec;
  /** Controls arrive validated and complete (index.ts fills defaults). */
  run(controls: ControlValues, seed: number, hooks?: RunHooks): ExperimentResult;
}
