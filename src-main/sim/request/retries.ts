/**
 * A failed or timed-out attempt: another attempt after the workload's retry
 * delay while it has attempts left, else its fallback, else the request
 * fails. Timeouts are events that carry the attempt id they belong to, and
 * are ignored if that attempt is already over. A timed-out attempt's job
 * carries on: the server does not know its caller gave up.
 */
import * as eventCodes from './events';
import * as jobFields from './jobs';
import { RETRY_NONE, retryDelay } from './workloads';
import { Requests } from './requests';

// Module-local copies, read once: under vitest each read of an imported binding is a getter call, and these are read on every event.
const { EV_FALLBACK, EV_RETRY, NONE, OUTCOME_TIMEOUT } = eventCodes;
const { J_HELD, JOB_INT_SHIFT } = jobFields;

export abstract class Retries extends Requests {
  protected onTimeout(req: number, attemptId: number): void {
    if (this.rAttemptId[req] !== attemptId) return;
    // The attempt's job carries on (its work is wasted) but nobody waits for it now:
    // the callers it held free their threads, and it holds none from here on.
    this.rAttemptId[req] = 0;
    const job = this.rJob[req]!;
    if (this.ji[(job << JOB_INT_SHIFT) + J_HELD] !== NONE) this.releaseHeld(job);
    // Its effects from here on are still the request's: the request waits for the job before its slot is reused.
    if (this.wRepeats[this.rWorkload[req]!] === 1) this.rOrphans[req]!++;
    this.attemptFailed(req, OUTCOME_TIMEOUT);
  }

  protected attemptFailed(req: number, outcome: number): void {
    const w = this.rWorkload[req]!;
    const attempts = this.rAttempts[req]!;
    if (this.wRetry[w] !== RETRY_NONE && attempts < this.wMaxAttempts[w]!) {
      this.q.schedule(this.now + retryDelay(this.wp, w, attempts, this.rngRetry[w]!), EV_RETRY, req, 0);
    } else if (this.wFallback[w]! >= 0) {
      this.q.schedule(this.now + this.wFallback[w]!, EV_FALLBACK, req, 0);
    } else {
      this.finishRequest(req, outcome);
    }
  }
}
