// Every figure a learner reads, one function per kind, so a price, a latency or a share
// prints the same on every screen. Pure; no DOM. Units are joined by a no-break space so a
// figure never wraps away from its unit.
import type { ControlSpec, MetricSpec } from '../../src-main/api/contract';

const nbsp = '\u00a0';
const MINUTE = 60;
const HOUR = 3600;

function grouped(value: number, digits: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

// ---------- plain numbers ----------

/**
 * A measured figure with about three significant places: 1234.5 -> "1,235", 12.34 -> "12.3",
 * 1.234 -> "1.23"; below 1, two significant places so a small rate is not "0": 0.0167 -> "0.017".
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs > 0 && abs < 1) return grouped(Number(value.toPrecision(2)), 20);
  return grouped(value, abs >= 100 ? 0 : abs >= 10 ? 1 : 2);
}

/** A count of things: in full below a million ("412,345"); beyond, "16.2 million" (eight digits are hard to read). */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs < 1e6) return formatNumber(value);
  if (abs < 1e9) return `${grouped(Number((value / 1e6).toPrecision(3)), 2)}${nbsp}million`;
  return `${grouped(Number((value / 1e9).toPrecision(3)), 2)}${nbsp}billion`;
}

/** Something per second: 1200 -> "1,200/s"; with what is counted, 0.05 -> "0.05 requests/s". */
export function formatRate(perSecond: number, what = ''): string {
  if (!Number.isFinite(perSecond)) return '—';
  return what ? `${formatNumber(perSecond)}${nbsp}${what}/s` : `${formatNumber(perSecond)}/s`;
}

// ---------- shares ----------

/**
 * A ratio (0..1) as a percentage, with enough places to tell it from its neighbours:
 * 0.676 -> "67.6 %", 0.7 -> "70 %", 0.0015 -> "0.15 %". Near 100 % the share missing keeps two
 * significant places (0.99953 -> "99.953 %", 0.9995 -> "99.95 %"), since that is what an uptime
 * is judged by, and a shortfall never rounds up to a clean 100 %.
 */
export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—';
  const pct = ratio * 100;
  const abs = Math.abs(pct);
  const gap = 100 - pct;
  let text: string;
  if (abs >= 1000) text = grouped(pct, 0);
  else if (abs > 0 && abs < 1) text = grouped(Number(pct.toPrecision(2)), 20);
  else if (pct >= 99 && gap > 0) {
    const digits = Math.min(4, Math.max(1, 1 - Math.floor(Math.log10(gap))));
    text = pct.toFixed(digits).replace(/\.?0+$/, '');
    if (text === '100') text = (99.9999).toFixed(4);
  } else text = grouped(pct, 1);
  return `${text}${nbsp}%`;
}

/** How far through something a learner is, in whole percent (0..100 %): 0.487 -> "49 %". */
export function formatProgress(share: number): string {
  const clamped = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
  return `${Math.round(clamped * 100)}${nbsp}%`;
}

// ---------- money ----------

/** Dollars: whole from $100 up ("$1,234"), cents below unless whole ("$12.50", "$40"). */
export function formatMoney(dollars: number): string {
  if (!Number.isFinite(dollars)) return '—';
  const abs = Math.abs(dollars);
  const whole = abs >= 100 || Math.abs(abs - Math.round(abs)) < 0.005;
  const text = whole ? grouped(Math.round(abs), 0) : abs.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${dollars < 0 && text !== '0' ? '−' : ''}$${text}`;
}

/** "$1,200/month". */
export function formatMonthly(dollars: number): string {
  return `${formatMoney(dollars)}/month`;
}

// ---------- time ----------

/** Milliseconds a person can read: "160 ms", "4.2 s", "3.4 min", "8.1 h" (never "29,130,000 ms"). */
export function formatMs(ms: number): string {
  return readableMs(ms, 10_000);
}

/** Milliseconds in ms below `secondsFrom`, then in s, min or h with two significant places. */
function readableMs(ms: number, secondsFrom: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (Math.abs(ms) < secondsFrom) return `${formatNumber(ms)}${nbsp}ms`;
  const one = (x: number) => (x < 100 ? grouped(Number(x.toPrecision(2)), 1) : grouped(Math.round(x), 0));
  if (ms < 60_000) return `${one(ms / 1000)}${nbsp}s`;
  if (ms < 3_600_000) return `${one(ms / 60_000)}${nbsp}min`;
  return `${one(ms / 3_600_000)}${nbsp}h`;
}

/** A span or a moment in a run, to the nearest second or minute: "45 s", "12 min", "2 h", "2 h 15 min". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  const total = Math.max(0, Math.round(seconds));
  if (total < MINUTE) return `${total}${nbsp}s`;
  const minutes = Math.round(total / MINUTE);
  if (minutes < 60) return `${minutes}${nbsp}min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours}${nbsp}h` : `${hours}${nbsp}h ${rest}${nbsp}min`;
}

/** "just now", "3 min ago", "2 h ago", "yesterday", "5 days ago", then a date. */
export function formatRelative(iso: string | null, now: Date = new Date()): string {
  if (!iso) return '—';
  const then = new Date(iso);
  const seconds = (now.getTime() - then.getTime()) / 1000;
  if (Number.isNaN(seconds)) return '—';
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes}${nbsp}min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours}${nbsp}h ago`;
  const days = Math.round(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  return then.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: now.getFullYear() === then.getFullYear() ? undefined : 'numeric' });
}

/** The full date and time in the learner's locale, for a relative time's tooltip. */
export function formatFullDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "14:05" on the learner's clock ('' for a date that does not parse). */
export function formatClock(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

// ---------- axis ticks (compact: a tick has little room) ----------

/** 12000 -> "12k", 1500 -> "1.5k", 2500000 -> "2.5M"; a ratio axis ('%') -> "50%", "2.5%"; an ms axis as time. */
export function formatTick(value: number, unit = ''): string {
  // A log latency axis spans ms to hours: "10M" ms means nothing to a reader, "2.8 h" does.
  if (unit === 'ms') return readableMs(value, 1000);
  // Small ratios (a 0-2 % axis) keep two places, or every tick would read "1%".
  if (unit === '%') return `${+(value * 100).toFixed(Math.abs(value) < 0.1 ? 2 : 0)}%`;
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `${+(value / 1_000_000).toFixed(1)}M`;
  if (abs >= 10_000) return `${+(value / 1000).toFixed(0)}k`;
  if (abs >= 1000) return `${+(value / 1000).toFixed(1)}k`;
  return formatNumber(value);
}

/** Short runs are read in minutes, longer ones in hours. */
export type ClockUnit = 'min' | 'h';

/** A time-axis tick: 5400 s -> "1.5 h" on an hour axis, "90 min" on a minute axis. */
export function formatTimeTick(seconds: number, unit: ClockUnit = 'h'): string {
  if (unit === 'min') return `${+(seconds / MINUTE).toFixed(1)}${nbsp}min`;
  return `${+(seconds / HOUR).toFixed(2)}${nbsp}h`;
}

// ---------- figures in a declared unit ----------

/** A figure in a unit's words: '%' carries a ratio (0..1); 'ms' and 's' read as time; '/s' and similar are rates. */
export function formatInUnit(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—';
  switch (unit) {
    case '%':
      return formatPercent(value);
    case 'ms':
      return formatMs(value);
    case 's':
      return Math.abs(value) < 10 ? `${formatNumber(value)}${nbsp}s` : formatMs(value * 1000);
    case '$':
      return formatMoney(value);
    case '$/month':
      return formatMonthly(value);
    case 'x':
      return `${formatNumber(value)}×`;
    case '':
      return formatNumber(value);
    case 'count':
      return formatCount(value);
    default:
      return unit.startsWith('/') ? `${formatNumber(value)}${unit}` : `${formatCount(value)}${nbsp}${unit}`;
  }
}

/** A widget's figure in the unit its spec declares. */
export function formatMetric(value: number, spec: MetricSpec | undefined): string {
  if (!spec) return formatNumber(value);
  return formatInUnit(value, spec.ratio ? '%' : spec.unit);
}

/** A contract term's figure: its '%' is a percentage (0..100) and its 'fraction' a ratio. */
export function formatTermValue(value: number, unit: string): string {
  if (unit === '%') return formatPercent(value / 100);
  return formatInUnit(value, unit === 'fraction' ? '%' : unit);
}

/** A widget control's value: a choice by its label, a number in its unit. */
export function formatControl(value: number | string, spec: ControlSpec): string {
  if (spec.kind === 'choice') return spec.options.find((o) => o.value === value)?.label ?? String(value);
  const text = typeof value === 'number' ? formatNumber(value) : value;
  return spec.unit ? `${text}${nbsp}${spec.unit}` : text;
}

/** The change from a to b in the figure's unit, signed: "+12 ms", "−0.05 pp" (percentage points), "±0". */
export function formatDelta(a: number, b: number, unit: string): string {
  // A side with no figure (a p99 of nobody, sent as null) has no change to show; null − x is not one.
  if (!Number.isFinite(a) || !Number.isFinite(b)) return '—';
  const d = b - a;
  if (Math.abs(d) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))) return '±0';
  const sign = d > 0 ? '+' : '−';
  const abs = Math.abs(d);
  let text: string;
  if (unit === '%') {
    const digits = abs >= 1 ? 1 : abs >= 0.01 ? 2 : abs >= 0.001 ? 3 : 4;
    const rounded = +abs.toFixed(digits);
    text = rounded === 0 ? '' : `${rounded >= 1000 ? grouped(rounded, 0) : rounded}${nbsp}pp`;
  } else {
    text = formatTermValue(abs, unit);
    // A difference that rounds to nothing in its unit is no difference to the reader.
    if (!/[1-9]/.test(text)) text = '';
  }
  return text ? `${sign}${text}` : '±0';
}
