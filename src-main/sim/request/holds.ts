/**
 * Held callers: the servers a job keeps while it goes on down its path. An
 * app server (or auth service, or worker) that calls the next hop
 * synchronously keeps its thread until the call is answered, fails or times
 * out. Each job's held servers form a short linked list (most recent first)
 * of records here; the job's J_HELD field is the head. A record is the queue
 * (instance) held, its station, when the job arrived there, started service
 * and finished it (the hold began): it leaves the station when the hold ends,
 * so its stay there (and its workload's work share) runs to that moment.
 */
import { doubles, grownDoubles, grownIntegers, integers } from '../engine/arrays';

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
