// The short texts the designer shows about its state: why Run is blocked, and
// whether the draft is saved.
import type { DesignCheck } from '../../../src-main/api/contract';
import { formatClock } from '../../lib/format';
import { plural } from '../../lib/words';

export function errorCount(check: DesignCheck | null): number {
  return check?.problems.filter((p) => p.severity === 'error').length ?? 0;
}

/** Why Run is disabled, or null when the newest check says the design can run. */
export function runBlocker(check: DesignCheck | null, checking: boolean, checkFailed: boolean): string | null {
  if (checkFailed) return 'Run waits for the design check to succeed.';
  if (!check || checking) return 'Checking the design…';
  const errors = errorCount(check);
  if (errors > 0 || !check.runnable) return `Fix ${plural(errors || 1, 'blocking problem')} to run.`;
  return null;
}

export type SaveState = 'idle' | 'pending' | 'saving' | 'error';

export function saveLabel(state: SaveState, savedAt: string | null): string {
  if (state === 'error') return 'Not saved';
  if (state === 'saving' || state === 'pending') return 'Saving…';
  return savedAt ? `Saved ${formatClock(savedAt)}` : 'Starting design';
}
