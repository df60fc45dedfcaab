import { describe, expect, it } from 'vitest';
import {
  formatInstant,
  formatRunLength,
  formatTimeTick,
  formatUsersTick,
  peakPoint,
  peakRequestsPerSec,
  quietestWindow,
  shapeText,
  timeUnitFor,
} from '../../../src-renderer/views/scenario/briefing/trafficShape';

const nbsp = '\u00a0';

describe('traffic shape', () => {
  it('finds the first highest point and ignores non-numbers', () => {
    expect(
      peakPoint([
        { hour: 0, users: 10 },
        { hour: 1, users: 50 },
        { hour: 2, users: Number.NaN },
        { hour: 3, users: 50 },
        { hour: 4, users: 20 },
      ]),
    ).toEqual({ hour: 1, users: 50 });
    expect(peakPoint([])).toBeNull();
  });

  it('counts short runs in minutes and long ones in hours', () => {
    expect(timeUnitFor(0.5)).toBe('min');
    expect(timeUnitFor(2)).toBe('min');
    expect(timeUnitFor(24)).toBe('h');
    expect(formatTimeTick(0.25, 'min')).toBe(`15${nbsp}min`);
    expect(formatTimeTick(6, 'h')).toBe(`6${nbsp}h`);
    expect(formatTimeTick(1.5, 'h')).toBe(`1.5${nbsp}h`);
  });

  it('reads instants and run lengths', () => {
    expect(formatInstant(0.01)).toBe(`36${nbsp}s`);
    expect(formatInstant(0.25)).toBe(`15${nbsp}min`);
    expect(formatInstant(2.5)).toBe(`2${nbsp}h 30${nbsp}min`);
    expect(formatInstant(3)).toBe(`3${nbsp}h`);
    expect(formatRunLength(0.5)).toBe('30 minutes');
    expect(formatRunLength(1)).toBe('1 hour');
    expect(formatRunLength(24)).toBe('24 hours');
  });

  it('scales user counts for ticks and works out the peak rate', () => {
    expect(formatUsersTick(950)).toBe('950');
    expect(formatUsersTick(1500)).toBe('1.5k');
    expect(formatUsersTick(36000)).toBe('36k');
    expect(formatUsersTick(2_500_000)).toBe('2.5M');
    expect(peakRequestsPerSec({ peakUsers: 36000, requestsPerUserPerSec: 0.1 })).toBeCloseTo(3600);
  });

  it('describes every shape the backend can name', () => {
    for (const shape of ['steady', 'morningSurge', 'flashSale', 'diurnal', 'spike'] as const) {
      expect(shapeText[shape].label.length).toBeGreaterThan(0);
      expect(shapeText[shape].line.endsWith('.')).toBe(true);
    }
  });
});

describe('placing the baseline label', () => {
  it('finds the stretch where the curve stays lowest', () => {
    // A daily cycle: high at the start, lowest around hour 6.
    const curve = Array.from({ length: 25 }, (_, hour) => ({ hour, users: 100 + 50 * Math.abs(hour - 6) }));
    const { start, maxUsers } = quietestWindow(curve, 24, 4);
    expect(start).toBeGreaterThanOrEqual(3);
    expect(start).toBeLessThanOrEqual(5);
    expect(maxUsers).toBeLessThanOrEqual(200);
  });

  it('keeps the earliest window when the curve is flat there, and copes with an empty curve', () => {
    const spike = Array.from({ length: 25 }, (_, hour) => ({ hour, users: hour >= 15 && hour <= 17 ? 8000 : 500 }));
    expect(quietestWindow(spike, 24, 5)).toEqual({ start: 0, maxUsers: 500 });
    expect(quietestWindow([], 24, 5)).toEqual({ start: 0, maxUsers: 0 });
  });
});
