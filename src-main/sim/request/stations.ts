/**
 * A job at a station: it enters a hop (after the station's base latency),
 * may be turned away (a fault, a rate limit, a full queue), picks an
 * instance, then is served or waits in its queue's FIFO (one per priority).
 * A station has one queue per instance, or one shared (worker pools); the
 * tables are built in stationTable.ts. What follows a service is paths.ts.
 */
import { failing, slowFactor } from '../faults';
import * as planCodes from '../plan';
import * as eventCodes from './events';
import * as hopBits from './hops';
import * as jobFields from './jobs';
import * as areaFields from './stationAreas';
import { Caches } from './caches';

// Module-local copies, read once: under vitest each read of an imported binding is a getter call, and these are read on every event.
const { DIST_DETERMINISTIC, DIST_EXPONENTIAL, DIST_UNIFORM, POLICY_LEAST_CONNECTIONS, POLICY_RANDOM, ROLE_ASYNC, ROLE_CACHE, ROLE_RATE_LIMITER } = planCodes;
const { EV_HOP_READY, EV_SERVICE_DONE, EV_VISIBILITY, NONE, OUTCOME_ERROR } = eventCodes;
const { HOP_CPU } = hopBits;
const { J_FROM_QUEUE, J_GH, J_HOP, J_NEXT, J_QUEUE, J_WORKLOAD, JF_ARRIVE, JF_DELIVERY, JF_START, JOB_FLOAT_SHIFT, JOB_INT_SHIFT } = jobFields;
const { LV_BUSY, LV_QUEUED, LV_SHIFT } = areaFields;

export abstract class Stations extends Caches {
  /** Fails the job (paths.ts). */
  protected abstract fail(job: number, outcome: number): void;
  /** Takes the job's row lock: false if it must wait for it (rowLocks.ts). */
  protected abstract lockRow(job: number, s: number): boolean;

  protected enterHop(job: number, hop: number): void {
    const o = job << JOB_INT_SHIFT;
    const ji = this.ji;
    const gh = this.wHopStart[ji[o + J_WORKLOAD]!]! + hop;
    ji[o + J_HOP] = hop;
    ji[o + J_GH] = gh;
    const latency = this.hopLatency[gh]!;
    if (latency > 0) this.q.schedule(this.now + latency, EV_HOP_READY, job, 0);
    else this.arriveAtStation(job);
  }

  protected arriveAtStation(job: number): void {
    const gh = this.ji[(job << JOB_INT_SHIFT) + J_GH]!;
    const s = this.hopStation[gh]!;
    this.jf[(job << JOB_FLOAT_SHIFT) + JF_ARRIVE] = this.now;
    if (this.measuring) this.stArrivals[s]!++;
    if (this.stGated[s] === 1 && this.turnedAway(job, s)) return;
    const n = this.stQueueCount[s]!;
    let g = this.stQueueBase[s]!;
    if (n > 1) g += this.pickInstance(s, g, n, this.hopBalancing[gh]!);
    if (this.qBusy[g]! < this.qServers[g]!) {
      this.touch(s);
      this.qBusy[g]!++;
      this.lv[(s << LV_SHIFT) + LV_BUSY]!++;
      this.startService(job, g, s, gh);
    } else this.waitOrReject(job, g, s);
  }

  /** A station with faults, a rate limit or a bounded depth: fails the job (and says so) if it turns it away. */
  protected turnedAway(job: number, s: number): boolean {
    if (this.stHasFaults[s] === 1 && failing(this.st[s]!.faults, this.now)) {
      this.stErrors[s]!++;
      if (this.stRole[s] === ROLE_CACHE) this.cacheDown(job, s);
      else this.fail(job, OUTCOME_ERROR);
      return true;
    }
    const role = this.stRole[s]!;
    if ((role === ROLE_RATE_LIMITER && !this.buckets[s]!.tryTake(this.now)) || (role === ROLE_ASYNC && this.lv[(s << LV_SHIFT) + LV_QUEUED]! >= this.stMaxDepth[s]!)) {
      this.stRejected[s]!++;
      this.fail(job, OUTCOME_ERROR);
      return true;
    }
    return false;
  }

  /** Every server of queue g is busy: the job waits, or is rejected if the queue is full. */
  protected waitOrReject(job: number, g: number, s: number): void {
    if (this.qLen[g]! >= this.stMaxQueue[s]!) {
      this.stRejected[s]!++;
      this.fail(job, OUTCOME_ERROR);
      return;
    }
    this.touch(s);
    this.enqueue(g, job, this.wPriority[this.ji[(job << JOB_INT_SHIFT) + J_WORKLOAD]!]!);
    this.qLen[g]!++;
    const queued = ++this.lv[(s << LV_SHIFT) + LV_QUEUED]!;
    if (this.measuring && queued > this.stPeakQueue[s]!) this.stPeakQueue[s] = queued;
  }

  protected pickInstance(s: number, base: number, n: number, policy: number): number {
    if (policy === POLICY_LEAST_CONNECTIONS) {
      let best = 0;
      let load = Infinity;
      for (let i = 0; i < n; i++) {
        const l = this.qBusy[base + i]! + this.qLen[base + i]!;
        if (l < load) {
          load = l;
          best = i;
        }
      }
      return best;
    }
    if (policy === POLICY_RANDOM) return this.rngRoute[s]!.below(n);
    const i = this.stRoundRobin[s]!;
    this.stRoundRobin[s] = i + 1 === n ? 0 : i + 1;
    return i;
  }

  /** Deliveries under a visibility timeout so far: each gets its own id. */
  protected deliveries = 0;

  protected startService(job: number, g: number, s: number, gh: number): void {
    const o = job << JOB_INT_SHIFT;
    this.ji[o + J_QUEUE] = g;
    this.jf[(job << JOB_FLOAT_SHIFT) + JF_START] = this.now;
    const fromQueue = this.ji[o + J_FROM_QUEUE]!;
    if (fromQueue !== NONE) {
      this.leaveQueue(job, fromQueue);
      // A consumer took the message: unless it finishes within the queue's visibility timeout, it is delivered again.
      const visibility = this.st[fromQueue]!.visibilityTimeoutSec;
      if (visibility < Infinity) {
        const id = ++this.deliveries;
        this.jf[(job << JOB_FLOAT_SHIFT) + JF_DELIVERY] = id;
        this.q.schedule(this.now + visibility, EV_VISIBILITY, job, id);
      }
    }
    if (this.hopLocks[gh] === 1 && !this.lockRow(job, s)) return;
    this.scheduleServiceDone(job, s, gh);
  }

  protected scheduleServiceDone(job: number, s: number, gh: number): void {
    const kind = this.hopDist[gh]!;
    let d = kind === DIST_EXPONENTIAL ? this.rngService[s]!.exponential(this.hopMean[gh]!) : this.otherServiceTime(kind, s, gh);
    if (this.stHasFaults[s] === 1) d *= slowFactor(this.st[s]!.faults, this.now);
    if ((this.hopFlags[gh]! & HOP_CPU) !== 0) d *= this.cpuStretch(job, s);
    this.q.schedule(this.now + d, EV_SERVICE_DONE, job, 0);
  }

  /** A service time that is not exponential. */
  protected otherServiceTime(kind: number, s: number, gh: number): number {
    const rng = this.rngService[s]!;
    if (kind === DIST_DETERMINISTIC) return this.hopMean[gh]!;
    if (kind === DIST_UNIFORM) return this.hopMin[gh]! + (this.hopMax[gh]! - this.hopMin[gh]!) * rng.next();
    return Math.exp(this.hopLogMu[gh]! + this.hopLogSigma[gh]! * rng.normal());
  }

  protected startNextWaiting(s: number, g: number): void {
    const next = this.dequeue(g);
    this.qLen[g]!--;
    this.lv[(s << LV_SHIFT) + LV_QUEUED]!--;
    this.qBusy[g]!++;
    this.lv[(s << LV_SHIFT) + LV_BUSY]!++;
    this.startService(next, g, s, this.ji[(next << JOB_INT_SHIFT) + J_GH]!);
  }

  protected joinQueue(job: number, s: number): void {
    this.touch(s);
    this.ji[(job << JOB_INT_SHIFT) + J_FROM_QUEUE] = s;
    const depth = ++this.lv[(s << LV_SHIFT) + LV_QUEUED]!;
    if (this.measuring && depth > this.stPeakQueue[s]!) this.stPeakQueue[s] = depth;
  }

  protected leaveQueue(job: number, s: number): void {
    this.touch(s);
    this.lv[(s << LV_SHIFT) + LV_QUEUED]!--;
    this.ji[(job << JOB_INT_SHIFT) + J_FROM_QUEUE] = NONE;
  }

  protected enqueue(g: number, job: number, priority: number): void {
    const i = g * this.nP + priority;
    this.ji[(job << JOB_INT_SHIFT) + J_NEXT] = NONE;
    const tail = this.qTail[i]!;
    if (tail === NONE) this.qHead[i] = job;
    else this.ji[(tail << JOB_INT_SHIFT) + J_NEXT] = job;
    this.qTail[i] = job;
  }

  protected dequeue(g: number): number {
    const base = g * this.nP;
    for (let p = 0; p < this.nP; p++) {
      const head = this.qHead[base + p]!;
      if (head !== NONE) {
        const next = this.ji[(head << JOB_INT_SHIFT) + J_NEXT]!;
        this.qHead[base + p] = next;
        if (next === NONE) this.qTail[base + p] = NONE;
        return head;
      }
    }
    return NONE;
  }
}
