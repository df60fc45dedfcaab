/**
 * Job and request slots: taking one, giving it back, and growing the arrays
 * when all are taken. The arrays of the last run that ended are lent to the
 * next one (see SpareArrays).
 */
import { grownDoubles, grownIntegers } from '../engine/arrays';
import { ModelError } from '../errors';
import { LIMITS } from '../fields';
import type { Plan } from '../plan';
import type { RunControl } from '../runControl';
import * as eventCodes from './events';
import * as jobFields from './jobs';
import { RunState } from './state';

// Module-local copies, read once: under vitest each read of an imported binding is a getter call, and these are read on every event.
const { NONE } = eventCodes;
const { J_FILL_STATION, J_FROM_QUEUE, J_HELD, J_ROW, JOB_FLOAT_SHIFT, JOB_INT_SHIFT } = jobFields;

/**
 * The job and request arrays of the last run that ended, lent to the next
 * one. A run that overloads its system keeps thousands of requests in flight,
 * and growing these arrays from nothing again each run was most of the time
 * of a short one (fresh memory is slow to touch). Every field a run reads is
 * written first, so stale contents do not matter, except rLive (cleared).
 */
interface SpareArrays {
  ji: number[];
  jf: number[];
  jFree: number[];
  rWorkload: number[];
  rAttempts: number[];
  rAttemptId: number[];
  rJob: number[];
  rLive: number[];
  rStart: number[];
  rFree: number[];
  rEffects: number[];
  rOrphans: number[];
}
let spare: SpareArrays | null = null;
/** Larger arrays are not kept between runs (memory). */
const SPARE_MAX_JOBS = 1 << 16;

/** A request-level run refused for the requests it piles up; `found` says how many, or by when (simulate.ts looks ahead with the horizon). */
export function tooManyInFlight(file: string, found: string): ModelError {
  return new ModelError(
    file,
    'level',
    `expected at most ${LIMITS.maxRequestLevelJobs.toLocaleString('en-US')} requests and messages in the system at once for a request-level run (${found}: arrivals outpace what the system can serve); add capacity, shorten the run or use the horizon level`,
    null,
  );
}

export abstract class Pools extends RunState {
  constructor(plan: Plan, seed: number, control: RunControl) {
    super(plan, seed, control);
    // Both grow as needed; a few dozen are in flight at a time in most runs.
    if (spare !== null) this.borrowSpare(spare);
    this.growJobs(256);
    this.growRequests(256);
  }

  protected allocJob(): number {
    if (this.jFreeTop === 0) this.growJobs(this.doubled(this.jCap));
    const job = this.jFree[--this.jFreeTop]!;
    this.ji[(job << JOB_INT_SHIFT) + J_FILL_STATION] = NONE;
    this.ji[(job << JOB_INT_SHIFT) + J_FROM_QUEUE] = NONE;
    this.ji[(job << JOB_INT_SHIFT) + J_ROW] = NONE;
    this.ji[(job << JOB_INT_SHIFT) + J_HELD] = NONE;
    return job;
  }

  protected freeJob(job: number): void {
    this.jFree[this.jFreeTop++] = job;
  }

  /**
   * Twice the slots, up to the limit. A system far past its capacity piles up requests without end; past the
   * limit the run stops with an error that says so, where the arrays would otherwise outgrow the engine and
   * take the worker down.
   */
  private doubled(capacity: number): number {
    if (capacity >= LIMITS.maxRequestLevelJobs) throw tooManyInFlight(this.plan.name, `more than that had piled up by ${Math.round(this.now).toLocaleString('en-US')} s`);
    return Math.min(capacity * 2, LIMITS.maxRequestLevelJobs);
  }

  protected growJobs(capacity: number): void {
    const old = this.jCap;
    grownIntegers(this.ji, capacity << JOB_INT_SHIFT);
    grownDoubles(this.jf, capacity << JOB_FLOAT_SHIFT);
    grownIntegers(this.jFree, capacity);
    // Push new slots so the lowest index comes out first.
    for (let j = capacity - 1; j >= old; j--) this.jFree[this.jFreeTop++] = j;
    this.jCap = capacity;
  }

  protected allocRequest(): number {
    if (this.rFreeTop === 0) this.growRequests(this.doubled(this.rCap));
    return this.rFree[--this.rFreeTop]!;
  }

  protected growRequests(capacity: number): void {
    const old = this.rCap;
    grownIntegers(this.rWorkload, capacity);
    grownIntegers(this.rAttempts, capacity);
    grownIntegers(this.rAttemptId, capacity);
    grownIntegers(this.rJob, capacity);
    grownIntegers(this.rLive, capacity);
    grownDoubles(this.rStart, capacity);
    grownIntegers(this.rFree, capacity);
    grownIntegers(this.rEffects, capacity);
    grownIntegers(this.rOrphans, capacity);
    for (let r = capacity - 1; r >= old; r--) this.rFree[this.rFreeTop++] = r;
    this.rCap = capacity;
  }

  protected borrowSpare(s: SpareArrays): void {
    spare = null;
    this.ji = s.ji;
    this.jf = s.jf;
    this.jFree = s.jFree;
    this.rWorkload = s.rWorkload;
    this.rAttempts = s.rAttempts;
    this.rAttemptId = s.rAttemptId;
    this.rJob = s.rJob;
    this.rLive = s.rLive;
    this.rLive.fill(0);
    this.rStart = s.rStart;
    this.rFree = s.rFree;
    this.rEffects = s.rEffects;
    this.rOrphans = s.rOrphans;
    // A cancelled run may leave requests waiting for their timed-out attempts.
    this.rOrphans.fill(0);
  }

  protected lendSpare(): void {
    if (this.jCap > SPARE_MAX_JOBS || this.rCap > SPARE_MAX_JOBS) return;
    const { ji, jf, jFree, rWorkload, rAttempts, rAttemptId, rJob, rLive, rStart, rFree, rEffects, rOrphans } = this;
    spare = { ji, jf, jFree, rWorkload, rAttempts, rAttemptId, rJob, rLive, rStart, rFree, rEffects, rOrphans };
  }
}
