// Figures as a learner reads them: units kept, ratios as percentages, tabular-friendly.
import type { ControlSpec, MetricSpec } from '../../src-main/api/contract';

const nbsp = '\u00a0';

/** 1234.5 -> "1,235", 12.34 -> "12.3", 1.234 -> "1.23", 0.05 -> "0.05". */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** 0.6761 -> "67.6 %". */
export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—';
  const pct = ratio * 100;
  const digits = Math.abs(pct) >= 10 || pct === 0 ? 1 : 2;
  return `${pct.toLocaleString('en-US', { maximumFractionDigits: digits })}${nbsp}%`;
}

/** A figure in the unit its spec declares. */
export function formatMetric(value: number, spec: MetricSpec | undefined): string {
  if (!spec) return formatNumber(value);
  if (spec.ratio || spec.unit === '%') return formatPercent(value);
  switch (spec.unit) {
    case 'ms':
      return `${formatNumber(value)}${nbsp}ms`;
    case 's':
      return `${formatNumber(value)}${nbsp}s`;
    case '/s':
      return `${formatNumber(value)}/s`;
    case 'x':
      return `${formatNumber(value)}×`;
    default:
      return formatNumber(value);
  }
}

/** A value in a series' unit; '%' series carry ratios (0..1). */
export function formatInUnit(value: number, unit: string): string {
  if (unit === '%') return formatPercent(value);
  if (!unit) return formatNumber(value);
  if (unit.startsWith('/')) return `${formatNumber(value)}${unit}`;
  return `${formatNumber(value)}${nbsp}${unit}`;
}

/** Compact axis ticks: 12000 -> "12k", 0.5 (ratio) -> "50%". */
export function formatTick(value: number, unit: string): string {
  if (unit === '%') return `${Math.round(value * 100)}%`;
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `${+(value / 1_000_000).toFixed(1)}M`;
  if (abs >= 10_000) return `${+(value / 1000).toFixed(0)}k`;
  if (abs >= 1000) return `${+(value / 1000).toFixed(1)}k`;
  return formatNumber(value);
}

export function formatControl(value: number | string, spec: ControlSpec): string {
  if (spec.kind === 'choice') return spec.options.find((o) => o.value === value)?.label ?? String(value);
  const text = typeof value === 'number' ? formatNumber(value) : value;
  return spec.unit ? `${text}${nbsp}${spec.unit}` : text;
}
