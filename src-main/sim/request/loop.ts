/**
 * Level 1: request-level discrete-event simulation. Every user request is
 * followed through the components of its workload's path: it waits for a
 * server, is served, may hit a cache, fail, time out, be retried, or hand a
 * message to a queue for the background.
 *
 * This file is the event loop; the run's state and each concern it handles
 * are in the classes it extends (see state.ts for the order).
 */
import { LIMITS } from '../fields';
import type { Plan } from '../plan';
import type { RawRun } from '../raw';
import type { RunControl } from '../runControl';
import * as eventCodes from './events';
import { collectResults } from './results';
import { Paths } from './paths';

// Module-local copies, read once: under vitest each read of an imported binding is a getter call, and these are read on every event.
const { EV_ARRIVAL, EV_AUTOSCALE, EV_FALLBACK, EV_HOP_READY, EV_INSTANCE_READY, EV_RETRY, EV_SERVICE_DONE, EV_TIMEOUT, EV_VISIBILITY, EV_WARMUP_END, LOOP_CANCELLED, LOOP_DONE, LOOP_TRUNCATED, OUTCOME_FALLBACK } = eventCodes;

export type RequestLevelOutcome = { cancelled: false; raw: RawRun } | { cancelled: true; fraction: number };

export function runRequestLevel(plan: Plan, seed: number, control: RunControl = {}): RequestLevelOutcome {
  return new RequestLevelRun(plan, seed, control).run();
}

export class RequestLevelRun extends Paths {
  run(): RequestLevelOutcome {
    const q = this.q;
    const duration = this.durationSec;
    for (let w = 0; w < this.nW; w++) {
      if (this.wPeakRate[w]! > 0) q.schedule(this.rngArrival[w]!.exponential(1 / this.wPeakRate[w]!), EV_ARRIVAL, w, 0);
    }
    if (this.warmupSec > 0) q.schedule(this.warmupSec, EV_WARMUP_END, 0, 0);
    for (let s = 0; s < this.nS; s++) {
      const a = this.st[s]!.autoscale;
      if (a) q.schedule(a.checkEverySec, EV_AUTOSCALE, s, 0);
    }
    const end = this.loop();
    if (end === LOOP_CANCELLED) {
      this.lendSpare();
      return { cancelled: true, fraction: this.now / duration };
    }
    if (end === LOOP_TRUNCATED) {
      this.warnings.push(
        `stopped at ${Math.round(this.now).toLocaleString('en-US')} s of ${Math.round(duration).toLocaleString('en-US')} s: a request-level run may process at most ${this.maxEvents().toLocaleString('en-US')} events (the figures cover only the time simulated; shorten the run or use the horizon level)`,
      );
    } else this.now = duration;
    this.curBucket = this.B - 1;
    for (let s = 0; s < this.nS; s++) {
      this.touch(s);
      if (this.stCpuCores[s]! > 0) this.touchCpu(s);
    }
    if (this.control.onProgress) this.control.onProgress(1);
    const raw = this.collect();
    this.lendSpare();
    return { cancelled: false, raw };
  }

  /**
   * The event loop, alone in its method: the engine optimises it as a whole,
   * instead of replacing a half-run method mid-loop (and throwing that code
   * away at the end of every run, where it meets code it has not seen run).
   */
  protected loop(): number {
    const q = this.q;
    const duration = this.durationSec;
    const { onProgress, shouldStop } = this.control;
    const maxEvents = this.maxEvents();
    let reported = 0;
    while (q.pop()) {
      const t = q.now;
      if (t > duration) break;
      this.now = t;
      if (t >= this.nextBucketAt) {
        this.curBucket = Math.min(this.B - 1, Math.floor(t / this.bucketSec));
        this.nextBucketAt = (this.curBucket + 1) * this.bucketSec;
      }
      // The three kinds nearly every event is, most frequent first; the rest in a method of their own.
      const kind = q.kind;
      if (kind === EV_SERVICE_DONE) this.onServiceDone(q.argA);
      else if (kind === EV_HOP_READY) this.arriveAtStation(q.argA);
      else if (kind === EV_ARRIVAL) this.onArrival(q.argA);
      else this.onRareEvent(kind, q.argA, q.argB);
      if ((++this.events & 0x3fff) === 0) {
        if (shouldStop && shouldStop()) return LOOP_CANCELLED;
        if (onProgress && t / duration - reported >= 0.02) {
          reported = t / duration;
          onProgress(reported);
        }
        if (this.events >= maxEvents) return LOOP_TRUNCATED;
      }
    }
    return LOOP_DONE;
  }

  /** The event budget: the caller's, never more than the limit. */
  private maxEvents(): number {
    return Math.min(this.control.maxEvents ?? Infinity, LIMITS.maxRequestLevelEvents);
  }

  protected onRareEvent(kind: number, a: number, b: number): void {
    switch (kind) {
      case EV_TIMEOUT:
        this.onTimeout(a, b);
        break;
      case EV_RETRY:
        this.startAttempt(a);
        break;
      case EV_AUTOSCALE:
        this.onAutoscale(a);
        break;
      case EV_INSTANCE_READY:
        this.onInstanceReady(a);
        break;
      case EV_WARMUP_END:
        this.onWarmupEnd();
        break;
      case EV_FALLBACK:
        this.finishRequest(a, OUTCOME_FALLBACK);
        break;
      case EV_VISIBILITY:
        this.onVisibilityExpired(a, b);
        break;
    }
  }

  protected collect(): RawRun {
    return collectResults(this);
  }
}
