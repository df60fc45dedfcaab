/**
 * Side effects done twice (a second charge, a second order row) when a
 * workload retries without an idempotency key. A user's attempt that failed
 * after its effect took place (an error further on, or a timeout while the
 * server carried on) is retried and does it again; an effect behind a queue
 * takes place once the queue has the message. A background message
 * redelivered after its effect does it again too.
 */
import { maxDeliveries } from './background';
import { retriableTries, triesPerItem } from './retries';
import { survival } from './routes';
import type { HorizonState } from './state';

/**
 * Duplicates per second at this step for workload w, whose attempts fail with probability f
 * (fTimeout of them by timing out) and get at most m tries.
 */
export function duplicatesPerSec(state: HorizonState, w: number, f: number, fTimeout: number, m: number): number {
  const p = state.wl[w]!;
  const H = p.hops.length;
  let perSec = 0;
  const retried = retriableTries(f, m);
  for (const e of state.effectHops[w]!) {
    const at = Math.min(e, p.asyncFrom - 1);
    if (f > 0 && retried > 0 && at >= 0) {
      const effectful = survival(state, w, 0, at + 1) * (1 - survival(state, w, at + 1, p.asyncFrom)) + fTimeout;
      perSec += state.userRate[w]! * retried * Math.min(f, effectful);
    }
    if (e >= p.asyncFrom && state.asyncStart[w]! > 0) {
      const fm = state.messageFail[w]!;
      const mm = maxDeliveries(state, w);
      const messages = state.asyncStart[w]! / triesPerItem(fm, mm);
      perSec += messages * retriableTries(fm, mm) * survival(state, w, p.asyncFrom, e + 1) * (1 - survival(state, w, e + 1, H));
    }
  }
  return perSec;
}
