import { describe, expect, it } from 'vitest';
import { runBlocker, saveLabel } from '../../../../src-renderer/scenarios/designer/status';
import { emptyDesign } from '../../../../src-renderer/scenarios/designer/model';
import type { DesignCheck, DesignProblem } from '../../../../src-main/api/contract';

function check(problems: DesignProblem[], runnable = true): DesignCheck {
  return { design: emptyDesign('s'), problems, paths: {}, costPerMonth: 0, costLines: [], runnable };
}

describe('runBlocker', () => {
  it('waits for a failed check, then for any check or one in flight', () => {
    expect(runBlocker(check([]), false, true)).toBe('Run waits for the design check to succeed.');
    expect(runBlocker(null, false, false)).toBe('Checking the design…');
    expect(runBlocker(check([]), true, false)).toBe('Checking the design…');
  });

  it('counts blocking problems, not warnings; an unrunnable design counts one', () => {
    const error: DesignProblem = { severity: 'error', message: 'e' };
    const warning: DesignProblem = { severity: 'warning', message: 'w' };
    expect(runBlocker(check([error, error, warning]), false, false)).toBe('Fix 2 blocking problems to run.');
    expect(runBlocker(check([warning], false), false, false)).toBe('Fix 1 blocking problem to run.');
    expect(runBlocker(check([warning]), false, false)).toBeNull();
  });
});

describe('saveLabel', () => {
  it('names the save state, then when it was saved', () => {
    expect(saveLabel('error', '2026-01-01T10:00:00Z')).toBe('Not saved');
    expect(saveLabel('pending', null)).toBe('Saving…');
    expect(saveLabel('saving', null)).toBe('Saving…');
    expect(saveLabel('idle', null)).toBe('Starting design');
    expect(saveLabel('idle', '2026-01-01T10:00:00Z')).toMatch(/^Saved \d\d:\d\d$/);
  });
});
