/**
 * User requests: arrivals (thinned to the traffic's rate at the moment), the
 * start of each attempt (a new job, and its timeout), and the end of a
 * request with its outcome, counted per workload and interval. A finished
 * request whose timed-out attempts still run keeps its slot until they end
 * (rOrphans): their side effects are still the request's.
 */
import { workloadRateAt } from '../plan';
import * as eventCodes from './events';
import * as jobFields from './jobs';
import { Holds } from './holds';

// Module-local copies, read once: under vitest each read of an imported binding is a getter call, and these are read on every event.
const { EV_ARRIVAL, EV_TIMEOUT, OUTCOME_ERROR, OUTCOME_FALLBACK, OUTCOME_TIMEOUT } = eventCodes;
const { J_ATTEMPT_ID, J_REQ, J_WORKLOAD, JF_MSG_START, JOB_FLOAT_SHIFT, JOB_INT_SHIFT } = jobFields;

export abstract class Requests extends Holds {
  protected onArrival(w: number): void {
    const t = this.now;
    const rng = this.rngArrival[w]!;
    const peak = this.wPeakRate[w]!;
    const next = t + rng.exponential(1 / peak);
    if (next <= this.durationSec) this.q.schedule(next, EV_ARRIVAL, w, 0);
    // Thinning: candidates come at the peak rate; keep each with probability rate(t) / peak.
    if (this.wSteady[w] === 0 && this.thinnedOut(w, t, rng.next() * peak)) return;
    const req = this.allocRequest();
    this.rWorkload[req] = w;
    this.rStart[req] = t;
    this.rAttempts[req] = 0;
    this.rLive[req] = 1;
    this.rEffects[req] = 0;
    if (t >= this.warmupSec) this.wUser[w]!++;
    this.startAttempt(req);
  }

  /** Thinning: candidates come at the peak rate; keep each with probability rate(t) / peak. */
  protected thinnedOut(w: number, t: number, draw: number): boolean {
    return draw >= workloadRateAt(this.plan.traffic, this.plan.workloads[w]!, t);
  }

  protected startAttempt(req: number): void {
    const w = this.rWorkload[req]!;
    this.rAttempts[req]!++;
    const id = ++this.attemptSeq;
    this.rAttemptId[req] = id;
    const job = this.allocJob();
    this.ji[(job << JOB_INT_SHIFT) + J_REQ] = req;
    this.ji[(job << JOB_INT_SHIFT) + J_WORKLOAD] = w;
    this.ji[(job << JOB_INT_SHIFT) + J_ATTEMPT_ID] = id;
    this.rJob[req] = job;
    this.jf[(job << JOB_FLOAT_SHIFT) + JF_MSG_START] = this.now;
    this.bAttempts[w * this.B + this.curBucket]!++;
    if (this.rStart[req]! >= this.warmupSec) this.wAttempts[w]!++;
    const timeout = this.wTimeout[w]!;
    if (timeout !== Infinity) this.q.schedule(this.now + timeout, EV_TIMEOUT, req, id);
    this.enterHop(job, 0);
  }

  protected finishRequest(req: number, outcome: number): void {
    const w = this.rWorkload[req]!;
    const start = this.rStart[req]!;
    const latency = this.now - start;
    const measured = start >= this.warmupSec;
    const bi = w * this.B + this.curBucket;
    this.bFinished[bi]!++;
    if (outcome === OUTCOME_ERROR) {
      this.bErrors[bi]!++;
      if (measured) this.wErrors[w]!++;
    } else if (outcome === OUTCOME_TIMEOUT) {
      this.bTimeouts[bi]!++;
      if (measured) this.wTimeouts[w]!++;
    } else {
      this.bAnswered[bi]!++;
      this.recordLatency(w, latency, measured);
      if (latency > this.wDeadline[w]!) {
        this.bLate[bi]!++;
        if (measured) this.wLate[w]!++;
      } else if (measured) {
        if (outcome === OUTCOME_FALLBACK) this.wFallbacks[w]!++;
        else this.wSuccess[w]!++;
      }
    }
    this.rLive[req] = 0;
    this.rAttemptId[req] = 0;
    if (this.rOrphans[req] === 0) this.rFree[this.rFreeTop++] = req;
  }

  /** A timed-out attempt's job of workload w is over: its request, if finished and waiting for no other, is free. */
  protected orphanEnded(req: number, w: number): void {
    if (this.wRepeats[w] === 1 && --this.rOrphans[req]! === 0 && this.rLive[req] === 0) this.rFree[this.rFreeTop++] = req;
  }

  protected recordLatency(w: number, latency: number, measured: boolean): void {
    const b = this.curBucket;
    const all = this.latAll[w]!;
    let cur = this.latCurBucket[w]!;
    if (cur < b) {
      const base = w * (this.B + 1);
      while (cur < b) this.latBucketStart[base + ++cur] = all.length;
      this.latCurBucket[w] = b;
    }
    all.push(latency);
    if (measured && this.warmupSec > 0) this.latMeasured[w]!.push(latency);
  }
}
