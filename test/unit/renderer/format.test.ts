import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatControl,
  formatCount,
  formatDelta,
  formatDuration,
  formatInUnit,
  formatMetric,
  formatMoney,
  formatMonthly,
  formatMs,
  formatNumber,
  formatPercent,
  formatProgress,
  formatRate,
  formatRelative,
  formatTermValue,
  formatTick,
  formatTimeTick,
} from '../../../src-renderer/lib/format';
import type { ControlSpec } from '../../../src-main/api/contract';

const sp = '\u00a0';

describe('plain numbers', () => {
  it('keeps about three significant places, grouped', () => {
    expect(formatNumber(1234.5)).toBe('1,235');
    expect(formatNumber(12.34)).toBe('12.3');
    expect(formatNumber(1.234)).toBe('1.23');
    expect(formatNumber(0.0167)).toBe('0.017');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-2500)).toBe('-2,500');
    expect(formatNumber(Number.NaN)).toBe('—');
  });

  it('counts in full below a million and in words beyond', () => {
    expect(formatCount(41_042)).toBe('41,042');
    expect(formatCount(412_345)).toBe('412,345');
    expect(formatCount(16_175_758)).toBe(`16.2${sp}million`);
    expect(formatCount(2_500_000_000)).toBe(`2.5${sp}billion`);
  });

  it('writes rates per second', () => {
    expect(formatRate(1200)).toBe('1,200/s');
    expect(formatRate(0.05, 'requests')).toBe(`0.05${sp}requests/s`);
  });
});

describe('shares', () => {
  it('shows one place in the middle and enough places near 100 % to tell figures apart', () => {
    expect(formatPercent(0.676)).toBe(`67.6${sp}%`);
    expect(formatPercent(0.7)).toBe(`70${sp}%`);
    expect(formatPercent(0.055)).toBe(`5.5${sp}%`);
    expect(formatPercent(0.9731)).toBe(`97.3${sp}%`);
    expect(formatPercent(0.995)).toBe(`99.5${sp}%`);
    expect(formatPercent(0.999)).toBe(`99.9${sp}%`);
    expect(formatPercent(0.9995)).toBe(`99.95${sp}%`);
    expect(formatPercent(0.99953)).toBe(`99.953${sp}%`);
    expect(formatPercent(0.999876)).toBe(`99.988${sp}%`);
    expect(formatPercent(0.999912)).toBe(`99.9912${sp}%`);
    expect(formatPercent(0.999999)).toBe(`99.9999${sp}%`);
    expect(formatPercent(1)).toBe(`100${sp}%`);
    expect(formatPercent(0)).toBe(`0${sp}%`);
  });

  it('never rounds a shortfall up to 100 % nor a small share down to 0 %', () => {
    expect(formatPercent(0.99999999)).toBe(`99.9999${sp}%`);
    expect(formatPercent(0.0015)).toBe(`0.15${sp}%`);
    expect(formatPercent(0.000001)).toBe(`0.0001${sp}%`);
  });

  it('groups shares far over 100 %', () => {
    expect(formatPercent(176.765)).toBe(`17,677${sp}%`);
  });

  it('shows progress in whole percent, kept within 0-100', () => {
    expect(formatProgress(0.487)).toBe(`49${sp}%`);
    expect(formatProgress(1.2)).toBe(`100${sp}%`);
    expect(formatProgress(-0.1)).toBe(`0${sp}%`);
  });
});

describe('money', () => {
  it('prints whole dollars from $100 up and cents below', () => {
    expect(formatMoney(1234.4)).toBe('$1,234');
    expect(formatMoney(180.5)).toBe('$181');
    expect(formatMoney(12.5)).toBe('$12.50');
    expect(formatMoney(40)).toBe('$40');
    expect(formatMoney(-500)).toBe('−$500');
    expect(formatMonthly(1800)).toBe('$1,800/month');
  });
});

describe('time', () => {
  it('turns large milliseconds into seconds, minutes and hours', () => {
    expect(formatMs(160)).toBe(`160${sp}ms`);
    expect(formatMs(12.34)).toBe(`12.3${sp}ms`);
    expect(formatMs(9_999)).toBe(`9,999${sp}ms`);
    expect(formatMs(54_640)).toBe(`55${sp}s`);
    expect(formatMs(203_200)).toBe(`3.4${sp}min`);
    expect(formatMs(4_849_000)).toBe(`1.3${sp}h`);
    expect(formatMs(29_130_000)).toBe(`8.1${sp}h`);
  });

  it('reads spans in seconds, minutes and hours', () => {
    expect(formatDuration(0)).toBe(`0${sp}s`);
    expect(formatDuration(36)).toBe(`36${sp}s`);
    expect(formatDuration(720)).toBe(`12${sp}min`);
    expect(formatDuration(7200)).toBe(`2${sp}h`);
    expect(formatDuration(8100)).toBe(`2${sp}h 15${sp}min`);
  });

  it('reads moments relative to now', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    expect(formatRelative('2026-03-10T11:59:30Z', now)).toBe('just now');
    expect(formatRelative('2026-03-10T11:57:00Z', now)).toBe(`3${sp}min ago`);
    expect(formatRelative('2026-03-10T10:00:00Z', now)).toBe(`2${sp}h ago`);
    expect(formatRelative('2026-03-09T12:00:00Z', now)).toBe('yesterday');
    expect(formatRelative('2026-03-05T12:00:00Z', now)).toBe('5 days ago');
    expect(formatRelative(null, now)).toBe('—');
    expect(formatClock('not a date')).toBe('');
  });
});

describe('axis ticks', () => {
  it('are compact', () => {
    expect(formatTick(950)).toBe('950');
    expect(formatTick(1500)).toBe('1.5k');
    expect(formatTick(36_000)).toBe('36k');
    expect(formatTick(2_500_000)).toBe('2.5M');
    expect(formatTick(0.5, '%')).toBe('50%');
    expect(formatTick(0.025, '%')).toBe('2.5%');
    expect(formatTick(100, 'ms')).toBe(`100${sp}ms`);
    expect(formatTick(1000, 'ms')).toBe(`1${sp}s`);
    expect(formatTick(100_000, 'ms')).toBe(`1.7${sp}min`);
    expect(formatTick(10_000_000, 'ms')).toBe(`2.8${sp}h`);
  });

  it('count a time axis in hours or minutes', () => {
    expect(formatTimeTick(0)).toBe(`0${sp}h`);
    expect(formatTimeTick(5400)).toBe(`1.5${sp}h`);
    expect(formatTimeTick(900)).toBe(`0.25${sp}h`);
    expect(formatTimeTick(900, 'min')).toBe(`15${sp}min`);
  });
});

describe('figures in a declared unit', () => {
  it('reads a widget series unit', () => {
    expect(formatInUnit(0.6761, '%')).toBe(`67.6${sp}%`);
    expect(formatInUnit(4_849_000, 'ms')).toBe(`1.3${sp}h`);
    expect(formatInUnit(2.5, 's')).toBe(`2.5${sp}s`);
    expect(formatInUnit(90, 's')).toBe(`1.5${sp}min`);
    expect(formatInUnit(350, '/s')).toBe('350/s');
    expect(formatInUnit(3, 'x')).toBe('3×');
    expect(formatInUnit(12, 'messages')).toBe(`12${sp}messages`);
    expect(formatMetric(0.25, { id: 'hit', label: 'Hit ratio', unit: '', ratio: true })).toBe(`25${sp}%`);
    expect(formatMetric(16_175_758, { id: 'misses', label: 'Misses', unit: 'count' })).toBe(`16.2${sp}million`);
    expect(formatMetric(42, undefined)).toBe('42');
  });

  it("reads a contract term's unit, where '%' is already a percentage", () => {
    expect(formatTermValue(160, 'ms')).toBe(`160${sp}ms`);
    expect(formatTermValue(99.9, '%')).toBe(`99.9${sp}%`);
    expect(formatTermValue(0.82, 'fraction')).toBe(`82${sp}%`);
    expect(formatTermValue(1500, '$/month')).toBe('$1,500/month');
    expect(formatTermValue(16_175_758, 'times')).toBe(`16.2${sp}million${sp}times`);
    expect(formatTermValue(Number.NaN, 'ms')).toBe('—');
  });

  it('reads a control by its label or its unit', () => {
    const number: ControlSpec = { kind: 'number', id: 'ttl', label: 'TTL', unit: 's', min: 0, max: 6000, step: 1, default: 60 };
    const choice: ControlSpec = { kind: 'choice', id: 'policy', label: 'Policy', options: [{ value: 'lru', label: 'Least recently used' }], default: 'lru' };
    expect(formatControl(1200, number)).toBe(`1,200${sp}s`);
    expect(formatControl('lru', choice)).toBe('Least recently used');
  });

  it('signs a change, in percentage points for percentages', () => {
    expect(formatDelta(100, 112, 'ms')).toBe(`+12${sp}ms`);
    expect(formatDelta(99.9, 99.85, '%')).toBe(`−0.05${sp}pp`);
    expect(formatDelta(5, 5, 'ms')).toBe('±0');
    expect(formatDelta(2000, 1500, '$/month')).toBe('−$500/month');
    expect(formatDelta(0.00001, 0, '%')).toBe('±0');
    expect(formatDelta(99.9996, 100, '%')).toBe(`+0.0004${sp}pp`);
    expect(formatDelta(0.001, 0, 'ms')).toBe(`−0.001${sp}ms`);
    expect(formatDelta(0, 17676, '%')).toBe(`+17,676${sp}pp`);
  });

  it('shows no change where one side has no figure (a p99 of nobody arrives as null)', () => {
    expect(formatDelta(null as unknown as number, 29.7, 'ms')).toBe('—');
    expect(formatDelta(Infinity, 29.7, 'ms')).toBe('—');
    expect(formatDelta(29.7, Number.NaN, 'ms')).toBe('—');
  });
});
