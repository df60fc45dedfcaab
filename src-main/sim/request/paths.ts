/**
 * A job along its workload's path: the end of each service (an error, side
 * effects, a cache's answer, a queue's hand-off), the next hop, and the
 * job's end, answered or failed. A background message that fails goes back
 * to its queue until it has used its attempts, then to the dead letters.
 *
 * Side effects (HOP_EFFECT hops, and a queue's hand-off of a message that
 * will do those behind it) are marked per request and per message: one done
 * again by another attempt (a timed-out one included: the server carried
 * on) or a later delivery is a duplicate.
 *
 * A message a consumer holds past its queue's visibility timeout is
 * delivered again (while it has attempts left): the new delivery inherits
 * the effects done so far, and the old one carries on, superseded. Its
 * effects from then on are duplicates (the new delivery does them too), and
 * neither its end nor its failure counts for the message.
 */
import { faultErrorRate } from '../faults';
import * as planCodes from '../plan';
import * as eventCodes from './events';
import * as hopBits from './hops';
import * as jobFields from './jobs';
import * as areaFields from './stationAreas';
import { Retries } from './retries';

// Module-local copies, read once: under vitest each read of an imported binding is a getter call, and these are read on every event.
const { ROLE_ASYNC, ROLE_CACHE } = planCodes;
const { NONE, OUTCOME_ERROR, OUTCOME_SUCCESS } = eventCodes;
const { HOP_EFFECT } = hopBits;
const { J_ATTEMPT_ID, J_EFFECTS, J_FILL_HOP, J_FILL_STATION, J_FROM_QUEUE, J_GH, J_HELD, J_HOP, J_QUEUE, J_REQ, J_RETRY_HOP, J_ROW, J_TRIES, J_WORKLOAD, JF_DELIVERY, JF_MSG_START, JOB_FLOAT_SHIFT, JOB_INT_SHIFT } = jobFields;
const { LV_BUSY, LV_SHIFT } = areaFields;

export abstract class Paths extends Retries {
  protected onServiceDone(job: number): void {
    const o = job << JOB_INT_SHIFT;
    const ji = this.ji;
    const gh = ji[o + J_GH]!;
    const s = this.hopStation[gh]!;
    const g = ji[o + J_QUEUE]!;
    this.touch(s);
    const flags = this.hopFlags[gh]!;
    const keeps = flags !== 0 && this.serviceEnded(job, s, g, flags);
    if (ji[o + J_ROW] !== NONE) this.unlockRow(job, s);
    if (!keeps) {
      this.qBusy[g]!--;
      this.lv[(s << LV_SHIFT) + LV_BUSY]!--;
      if (this.qLen[g]! > 0 && this.qBusy[g]! < this.qServers[g]!) this.startNextWaiting(s, g);
    }
    // A caller that keeps its thread leaves the station when it lets go of it (releaseHeld).
    if (this.measuring && !keeps) this.recordDeparture(job, s);
    if (this.hopChecked[gh] === 1 && this.failedOrEffects(job, s, gh)) return;
    const role = this.stRole[s]!;
    if (role === ROLE_CACHE) this.afterCache(job, s, gh);
    else if (role === ROLE_ASYNC) this.afterAsync(job, s);
    else this.advance(job, ji[o + J_HOP]! + 1);
  }

  /** The end of a service that may fail or does side effects: true if it failed (the job is failed), else its side effects are done. */
  protected failedOrEffects(job: number, s: number, gh: number): boolean {
    if ((this.stErrorRate[s]! > 0 || this.stHasFaults[s] === 1) && this.serviceFailed(job, s)) return true;
    if ((this.hopFlags[gh]! & HOP_EFFECT) !== 0) this.effectsDone(job, gh);
    return false;
  }

  /** The service ends in an error (the station's rate, or a fault's): fails the job and returns true. */
  protected serviceFailed(job: number, s: number): boolean {
    let errorRate = this.stErrorRate[s]!;
    if (this.stHasFaults[s] === 1) errorRate = faultErrorRate(this.st[s]!.faults, this.now, errorRate);
    if (errorRate > 0 && this.rngError[s]!.next() < errorRate) {
      if (this.measuring) this.stErrors[s]!++;
      this.fail(job, OUTCOME_ERROR);
      return true;
    }
    return false;
  }

  /**
   * The job's service at hop gh ended well, doing side effects (a sideEffect
   * hop, or a queue's hand-off of a message that will do those behind it).
   * Each done before for the same request (by any of its attempts, timed-out
   * ones included) or the same message (in an earlier delivery) is a duplicate.
   */
  protected effectsDone(job: number, gh: number): void {
    const o = job << JOB_INT_SHIFT;
    const bits = this.hopEffects[gh]!;
    const req = this.ji[o + J_REQ]!;
    let again: number;
    let measured: boolean;
    if (req !== NONE) {
      const done = this.rEffects[req]!;
      again = done & bits;
      this.rEffects[req] = done | bits;
      measured = this.rStart[req]! >= this.warmupSec;
    } else {
      const done = this.ji[o + J_EFFECTS]!;
      // A superseded delivery repeats what the delivery after it does.
      again = this.jf[(job << JOB_FLOAT_SHIFT) + JF_DELIVERY] === -1 ? bits : done & bits;
      this.ji[o + J_EFFECTS] = done | bits;
      measured = this.jf[(job << JOB_FLOAT_SHIFT) + JF_MSG_START]! >= this.warmupSec;
    }
    if (again !== 0 && measured) {
      let n = 0;
      for (; again !== 0; again &= again - 1) n++;
      this.wDuplicates[this.ji[o + J_WORKLOAD]!]! += n;
    }
  }

  protected afterAsync(job: number, s: number): void {
    this.spawnMessages(job, s, this.ji[(job << JOB_INT_SHIFT) + J_HOP]! + 1);
    this.finishJob(job);
  }

  /** Messages for the background part of the path, after a queue, stream or pub/sub. */
  protected spawnMessages(job: number, s: number, hop: number): void {
    const w = this.ji[(job << JOB_INT_SHIFT) + J_WORKLOAD]!;
    if (hop >= this.wHopCount[w]!) return;
    const born = this.ji[(job << JOB_INT_SHIFT) + J_REQ] === NONE ? this.jf[(job << JOB_FLOAT_SHIFT) + JF_MSG_START]! : this.now;
    const fanout = this.st[s]!.fanout;
    for (let k = 0; k < fanout; k++) {
      const m = this.allocJob();
      this.ji[(m << JOB_INT_SHIFT) + J_REQ] = NONE;
      this.ji[(m << JOB_INT_SHIFT) + J_WORKLOAD] = w;
      this.jf[(m << JOB_FLOAT_SHIFT) + JF_MSG_START] = born;
      this.ji[(m << JOB_INT_SHIFT) + J_RETRY_HOP] = hop;
      this.ji[(m << JOB_INT_SHIFT) + J_TRIES] = 1;
      this.ji[(m << JOB_INT_SHIFT) + J_EFFECTS] = 0;
      this.jf[(m << JOB_FLOAT_SHIFT) + JF_DELIVERY] = 0;
      this.joinQueue(m, s);
      this.enterHop(m, hop);
    }
  }

  protected advance(job: number, hop: number): void {
    if (this.ji[(job << JOB_INT_SHIFT) + J_FILL_STATION] !== NONE && hop >= this.ji[(job << JOB_INT_SHIFT) + J_FILL_HOP]!) this.fillCache(job);
    const w = this.ji[(job << JOB_INT_SHIFT) + J_WORKLOAD]!;
    const end = this.ji[(job << JOB_INT_SHIFT) + J_REQ] !== NONE ? this.wSyncEnd[w]! : this.wHopCount[w]!;
    if (hop >= end) this.finishJob(job);
    else this.enterHop(job, hop);
  }

  protected finishJob(job: number): void {
    if (this.ji[(job << JOB_INT_SHIFT) + J_FILL_STATION] !== NONE) this.fillCache(job);
    if (this.ji[(job << JOB_INT_SHIFT) + J_HELD] !== NONE) this.releaseHeld(job);
    const req = this.ji[(job << JOB_INT_SHIFT) + J_REQ]!;
    if (req !== NONE) {
      if (this.rAttemptId[req] === this.ji[(job << JOB_INT_SHIFT) + J_ATTEMPT_ID]) this.finishRequest(req, OUTCOME_SUCCESS);
      else this.orphanEnded(req, this.ji[(job << JOB_INT_SHIFT) + J_WORKLOAD]!);
    } else {
      this.messageDone(job);
      // The delivery is over: a visibility timeout still pending on it must find nothing to redeliver.
      this.jf[(job << JOB_FLOAT_SHIFT) + JF_DELIVERY] = 0;
    }
    this.freeJob(job);
  }

  /** A background message is done: its time from birth (and whether it passed its workload's background deadline), if born in the measured window. */
  protected messageDone(job: number): void {
    const born = this.jf[(job << JOB_FLOAT_SHIFT) + JF_MSG_START]!;
    if (born < this.warmupSec || this.jf[(job << JOB_FLOAT_SHIFT) + JF_DELIVERY] === -1) return;
    const w = this.ji[(job << JOB_INT_SHIFT) + J_WORKLOAD]!;
    const took = this.now - born;
    this.wAsyncDone[w]!++;
    this.wAsyncSum[w]! += took;
    if (took > this.wBackgroundDeadline[w]!) this.wAsyncLate[w]!++;
  }

  protected fail(job: number, outcome: number): void {
    const fromQueue = this.ji[(job << JOB_INT_SHIFT) + J_FROM_QUEUE]!;
    if (fromQueue !== NONE) this.leaveQueue(job, fromQueue);
    // Its callers get the failure and free their threads (a message's before it waits in its queue again).
    if (this.ji[(job << JOB_INT_SHIFT) + J_HELD] !== NONE) this.releaseHeld(job);
    this.ji[(job << JOB_INT_SHIFT) + J_FILL_STATION] = NONE;
    const req = this.ji[(job << JOB_INT_SHIFT) + J_REQ]!;
    if (req !== NONE) {
      if (this.rAttemptId[req] === this.ji[(job << JOB_INT_SHIFT) + J_ATTEMPT_ID]) {
        this.rAttemptId[req] = 0;
        this.attemptFailed(req, outcome);
      } else this.orphanEnded(req, this.ji[(job << JOB_INT_SHIFT) + J_WORKLOAD]!);
      this.freeJob(job);
      return;
    }
    // A superseded delivery's failure is not the message's: its new delivery goes on.
    if (this.jf[(job << JOB_FLOAT_SHIFT) + JF_DELIVERY] === -1) {
      this.jf[(job << JOB_FLOAT_SHIFT) + JF_DELIVERY] = 0;
      this.freeJob(job);
      return;
    }
    // A background message goes back to its queue until it has used its attempts.
    const w = this.ji[(job << JOB_INT_SHIFT) + J_WORKLOAD]!;
    const retryHop = this.ji[(job << JOB_INT_SHIFT) + J_RETRY_HOP]!;
    const queueStation = this.hopStation[this.wHopStart[w]! + retryHop - 1]!;
    if (this.ji[(job << JOB_INT_SHIFT) + J_TRIES]! < this.st[queueStation]!.maxAttempts) {
      this.ji[(job << JOB_INT_SHIFT) + J_TRIES]!++;
      this.jf[(job << JOB_FLOAT_SHIFT) + JF_DELIVERY] = 0;
      this.joinQueue(job, queueStation);
      this.enterHop(job, retryHop);
    } else {
      this.jf[(job << JOB_FLOAT_SHIFT) + JF_DELIVERY] = 0;
      if (this.jf[(job << JOB_FLOAT_SHIFT) + JF_MSG_START]! >= this.warmupSec) {
        this.stDead[queueStation]!++;
        this.wDead[w]!++;
      }
      this.freeJob(job);
    }
  }

  /**
   * A delivery's visibility timeout ran out (the event carries the delivery's id). If that
   * delivery is still going and the message has attempts left, a new delivery joins the queue
   * with the effects done so far; the old one carries on, superseded.
   */
  protected onVisibilityExpired(job: number, id: number): void {
    const f = job << JOB_FLOAT_SHIFT;
    const o = job << JOB_INT_SHIFT;
    // The delivery ended (its slot may now hold a request's attempt, or another message).
    if (this.jf[f + JF_DELIVERY] !== id || this.ji[o + J_REQ] !== NONE) return;
    const w = this.ji[o + J_WORKLOAD]!;
    const retryHop = this.ji[o + J_RETRY_HOP]!;
    const queueStation = this.hopStation[this.wHopStart[w]! + retryHop - 1]!;
    const tries = this.ji[o + J_TRIES]!;
    // The last attempt is not delivered again: it finishes or fails as it is.
    if (tries >= this.st[queueStation]!.maxAttempts) return;
    this.jf[f + JF_DELIVERY] = -1;
    const m = this.allocJob();
    this.ji[(m << JOB_INT_SHIFT) + J_REQ] = NONE;
    this.ji[(m << JOB_INT_SHIFT) + J_WORKLOAD] = w;
    this.jf[(m << JOB_FLOAT_SHIFT) + JF_MSG_START] = this.jf[f + JF_MSG_START]!;
    this.ji[(m << JOB_INT_SHIFT) + J_RETRY_HOP] = retryHop;
    this.ji[(m << JOB_INT_SHIFT) + J_TRIES] = tries + 1;
    this.ji[(m << JOB_INT_SHIFT) + J_EFFECTS] = this.ji[o + J_EFFECTS]!;
    this.jf[(m << JOB_FLOAT_SHIFT) + JF_DELIVERY] = 0;
    this.joinQueue(m, queueStation);
    this.enterHop(m, retryHop);
  }
}
