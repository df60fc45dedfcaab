import { describe, expect, it } from 'vitest';
import { peakRequestsPerSec, shapeText } from '../../../src-renderer/scenarios/briefing/trafficShape';
import { shapeLevel } from '../../../src-main/sim/traffic';
import { clockUnitFor, peakPoint, quietestWindow } from '../../../src-renderer/charts/trafficCurve';

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
    expect(clockUnitFor(0.5)).toBe('min');
    expect(clockUnitFor(2)).toBe('min');
    expect(clockUnitFor(24)).toBe('h');
  });

  it('works out the peak rate', () => {
    expect(peakRequestsPerSec({ peakUsers: 36000, requestsPerUserPerSec: 0.1 })).toBeCloseTo(3600);
  });

  it('describes every shape the backend can name', () => {
    for (const shape of ['steady', 'morningSurge', 'flashSale', 'diurnal', 'spike'] as const) {
      expect(shapeText[shape].label.length).toBeGreaterThan(0);
      expect(shapeText[shape].line.endsWith('.')).toBe(true);
    }
  });
});

describe('the caption beside a traffic chart', () => {
  it('does not say users stay where the shape shows them leaving', () => {
    const timing = { startSec: 9 * 3600, rampSec: 45 * 60, holdSec: 2 * 3600 };
    for (const shape of ['morningSurge', 'flashSale', 'diurnal', 'spike'] as const) {
      const levels = Array.from({ length: 24 * 12 }, (_, i) => shapeLevel(shape, i * 300, timing));
      const peakAt = levels.indexOf(Math.max(...levels));
      const after = Math.min(...levels.slice(peakAt));
      // Every one of these falls back most of the way after its peak; the words must say so.
      expect(after, shape).toBeLessThan(0.5);
      expect(shapeText[shape].line, shape).not.toMatch(/\bstay/);
      expect(shapeText[shape].line, shape).toMatch(/away|down|back|fall/);
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
