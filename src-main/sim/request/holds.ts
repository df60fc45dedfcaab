/**
 * Held callers: the servers a job keeps while it goes on down its path. An
 * app server (or auth service, or worker pool: StationPlan.holdsCaller) that
 * calls the next hop synchronously keeps its thread after its own service,
 * through the rest of its segment (up to the answer, a queue's hand-off, or
 * a message's path end), until the call is answered, fails, or its attempt
 * times out. Each job's held servers form a short linked list (most recent
 * first) of records in HeldServers; the job's J_HELD field is the head. A
 * record is the queue (instance) held, its station, when the job arrived
 * there, started service and finished it (the hold began): it leaves the
 * station when the hold ends, so its stay there (and its workload's work
 * share) runs to that moment.
 */
import { doubles, grownDoubles, grownIntegers, integers } from '../engine/arrays';
import * as eventCodes from './events';
import * as hopBits from './hops';
import * as jobFields from './jobs';
import * as areaFields from './stationAreas';
import { RowLocks } from './rowLocks';

// Module-local copies, read once: under vitest each read of an imported binding is a getter call, and these are read on every event.
const { NONE } = eventCodes;
const { HOP_CPU, HOP_HOLDS } = hopBits;
const { J_ATTEMPT_ID, J_HELD, J_REQ, J_WORKLOAD, JF_ARRIVE, JF_START, JOB_FLOAT_SHIFT, JOB_INT_SHIFT } = jobFields;
const { LV_BUSY, LV_SHIFT } = areaFields;

export class HeldServers {
  readonly queue: number[] = integers(0);
  readonly station: number[] = integers(0);
  readonly next: number[] = integers(0);
  readonly arrive: number[] = doubles(0);
  readonly start: number[] = doubles(0);
  readonly since: number[] = doubles(0);
  private readonly free: number[] = integers(0);
  private freeTop = 0;
  private cap = 0;

  constructor(capacity: number) {
    this.grow(capacity);
  }

  /** A new record in front of `next` (a list head or NONE): returns the new head. */
  take(queue: number, station: number, arrive: number, start: number, since: number, next: number): number {
    if (this.freeTop === 0) this.grow(this.cap * 2);
    const h = this.free[--this.freeTop]!;
    this.queue[h] = queue;
    this.station[h] = station;
    this.arrive[h] = arrive;
    this.start[h] = start;
    this.since[h] = since;
    this.next[h] = next;
    return h;
  }

  give(h: number): void {
    this.free[this.freeTop++] = h;
  }

  private grow(capacity: number): void {
    const old = this.cap;
    grownIntegers(this.queue, capacity);
    grownIntegers(this.station, capacity);
    grownIntegers(this.next, capacity);
    grownDoubles(this.arrive, capacity);
    grownDoubles(this.start, capacity);
    grownDoubles(this.since, capacity);
    grownIntegers(this.free, capacity);
    for (let h = capacity - 1; h >= old; h--) this.free[this.freeTop++] = h;
    this.cap = capacity;
  }
}

export abstract class Holds extends RowLocks {
  /** Servers kept by callers while their calls go on (each job's list starts at its J_HELD). */
  protected readonly held = new HeldServers(64);

  /**
   * The end of a service at a hop where the caller holds or the store shares
   * a CPU: the query leaves the CPU; a caller with more hops to go in its
   * segment (and someone still waiting for it) keeps its server. True if it keeps it.
   */
  protected serviceEnded(job: number, s: number, g: number, flags: number): boolean {
    if ((flags & HOP_CPU) !== 0) this.leaveCpu(s, g);
    if ((flags & HOP_HOLDS) === 0) return false;
    const o = job << JOB_INT_SHIFT;
    // An attempt whose caller gave up (timed out) goes on unheld.
    const req = this.ji[o + J_REQ]!;
    if (req !== NONE && this.rAttemptId[req] !== this.ji[o + J_ATTEMPT_ID]) return false;
    const f = job << JOB_FLOAT_SHIFT;
    this.ji[o + J_HELD] = this.held.take(g, s, this.jf[f + JF_ARRIVE]!, this.jf[f + JF_START]!, this.now, this.ji[o + J_HELD]!);
    return true;
  }

  /** The job's call is over (answered, failed, handed to a queue, or its caller gave up): every server it kept is free again. */
  protected releaseHeld(job: number): void {
    const o = job << JOB_INT_SHIFT;
    const held = this.held;
    let h = this.ji[o + J_HELD]!;
    this.ji[o + J_HELD] = NONE;
    const w = this.ji[o + J_WORKLOAD]!;
    while (h !== NONE) {
      const g = held.queue[h]!;
      const s = held.station[h]!;
      const next = held.next[h]!;
      this.touch(s);
      this.qBusy[g]!--;
      this.lv[(s << LV_SHIFT) + LV_BUSY]!--;
      // It leaves the station now: its stay there, and its work (time held is time this workload occupied the server), run to here.
      if (this.measuring) this.heldDeparture(s, w, held.arrive[h]!, held.start[h]!, held.since[h]!);
      held.give(h);
      if (this.qLen[g]! > 0 && this.qBusy[g]! < this.qServers[g]!) this.startNextWaiting(s, g);
      h = next;
    }
  }
}
