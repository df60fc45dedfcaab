/** The faults active on a station at a given time, read the same way by both levels (rare path: only stations with faults call these). */
import type { FaultPlan } from './plan';

export function failing(faults: readonly FaultPlan[], now: number): boolean {
  for (const f of faults) if (f.effect === 'fail' && now >= f.fromSec && now < f.toSec) return true;
  return false;
}

/** What service times are multiplied by. */
export function slowFactor(faults: readonly FaultPlan[], now: number): number {
  let factor = 1;
  for (const f of faults) if (f.effect === 'slow' && now >= f.fromSec && now < f.toSec) factor *= f.factor;
  return factor;
}

/** The station's error rate with the active `errors` faults on top of its own. */
export function faultErrorRate(faults: readonly FaultPlan[], now: number, base: number): number {
  let ok = 1 - base;
  for (const f of faults) if (f.effect === 'errors' && now >= f.fromSec && now < f.toSec) ok *= 1 - f.errorRate;
  return 1 - ok;
}
