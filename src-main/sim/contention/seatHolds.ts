/**
 * A sale of the last seats with a checkout that takes minutes: a seeded
 * discrete-event run of holds (reservations) with a TTL against a row lock
 * held through payment.
 *
 * Buyers arrive as a Poisson process over the sale. One who finds a free seat
 * takes it and goes to checkout: a share `abandonRate` walks away and never
 * pays; the rest pay after an exponential time of mean `payMeanSec`.
 *
 * Either way a seat is kept for at most `holdTtlSec`: a payment within it
 * sells the seat; a buyer slower than that finds it gone (the seat went back
 * on sale at the TTL), and an abandoned checkout frees its seat at the TTL.
 *
 * - `hold`: taking the seat is one short statement that writes a hold with
 *   that TTL; connections are held for milliseconds only.
 * - `lock`: the checkout is one transaction that keeps the seat's row lock,
 *   and so one database connection, until it pays or the server ends the idle
 *   transaction at the TTL. A buyer who finds no free connection waits up to
 *   `requestTimeoutSec`, then gets an error.
 *
 * Deterministic for a seed.
 */
import { EventQueue } from '../engine/eventQueue';
import { RandomStream } from '../engine/rng';
import { ConnectionPool } from './connections';

export type SeatHoldStrategy = 'hold' | 'lock';

export interface SeatHoldsConfig {
  seats: number;
  buyers: number;
  saleSec: number;
  strategy: SeatHoldStrategy;
  holdTtlSec: number;
  abandonRate: number;
  payMeanSec: number;
  connections: number;
  requestTimeoutSec: number;
}

export interface SeatHoldsResult {
  sold: number;
  /** Buyers told "sold out" while some seat was held by a checkout that never paid. */
  turnedAwayWhileHeld: number;
  soldOutAnswers: number;
  /** Buyers whose wait for a database connection timed out. */
  connectionTimeouts: number;
  /** Paying buyers who came back after their hold had expired. */
  expiredBeforePaying: number;
  abandoned: number;
  /** Seat-minutes spent held by checkouts that never paid. */
  abandonedSeatMinutes: number;
  /** Seats free when the last hold ended. */
  unsold: number;
  /** Seats sold, every minute of the run. */
  timeline: { timeSec: number[]; sold: number[]; held: number[] };
}

const ARRIVE = 0;
const PAY = 1;
const RELEASE = 2;
const GIVE_UP = 3;
const EXPIRE = 4;

export function runSeatHolds(c: SeatHoldsConfig, seed: number): SeatHoldsResult {
  const arrivals = new RandomStream(seed, 'seat-holds/arrivals');
  const choices = new RandomStream(seed, 'seat-holds/checkout');
  const events = new EventQueue(256);
  const pool = new ConnectionPool(c.connections);
  const n = c.buyers;
  const waiting = new Uint8Array(n);
  const willPay = new Uint8Array(n);
  const payAfter = new Float64Array(n);
  const takenAt = new Float64Array(n);
  // Every buyer's checkout is drawn up front, so both strategies meet the same buyers.
  for (let b = 0; b < n; b++) {
    willPay[b] = choices.next() >= c.abandonRate ? 1 : 0;
    payAfter[b] = choices.exponential(c.payMeanSec);
  }
  let free = c.seats;
  let heldByAbandoners = 0;
  const r = { sold: 0, awayHeld: 0, soldOut: 0, timeouts: 0, expired: 0, abandoned: 0, seatSec: 0 };
  const timeline = { timeSec: [] as number[], sold: [] as number[], held: [] as number[] };
  let nextSample = 0;
  const sample = (until: number) => {
    for (; nextSample <= until; nextSample += 60) {
      timeline.timeSec.push(nextSample);
      timeline.sold.push(r.sold);
      timeline.held.push(c.seats - free - r.sold);
    }
  };

  /** The buyer has what taking a seat needs (a connection, for `lock`): take one or hear "sold out". */
  const takeSeat = (b: number) => {
    if (free === 0) {
      r.soldOut++;
      if (heldByAbandoners > 0) r.awayHeld++;
      if (c.strategy === 'lock') giveConnection();
      return;
    }
    free--;
    takenAt[b] = events.now;
    if (willPay[b] && payAfter[b]! <= c.holdTtlSec) {
      events.schedule(events.now + payAfter[b]!, PAY, b, 0);
    } else if (willPay[b]) {
      // Too slow: the hold (or the idle transaction) ends first and the seat goes back on sale.
      events.schedule(events.now + c.holdTtlSec, EXPIRE, b, 0);
    } else {
      heldByAbandoners++;
      r.abandoned++;
      events.schedule(events.now + c.holdTtlSec, RELEASE, b, 0);
    }
  };
  const giveConnection = () => {
    let next = pool.give();
    // A buyer who gave up while waiting has left the line: the connection goes to the one after.
    while (next >= 0 && !waiting[next]) next = pool.give();
    if (next >= 0) {
      waiting[next] = 0;
      takeSeat(next);
    }
  };

  let t = 0;
  for (let b = 0; b < n; b++) {
    t += arrivals.exponential(c.saleSec / n);
    events.schedule(t, ARRIVE, b, 0);
  }
  while (events.pop()) {
    sample(events.now);
    const b = events.argA;
    switch (events.kind) {
      case ARRIVE:
        if (c.strategy === 'hold') takeSeat(b);
        else if (pool.take(b)) takeSeat(b);
        else {
          waiting[b] = 1;
          events.schedule(events.now + c.requestTimeoutSec, GIVE_UP, b, 0);
        }
        break;
      case GIVE_UP:
        if (!waiting[b]) break;
        waiting[b] = 0;
        r.timeouts++;
        break;
      case PAY:
        r.sold++;
        if (c.strategy === 'lock') giveConnection();
        break;
      case EXPIRE:
        r.expired++;
        free++;
        if (c.strategy === 'lock') giveConnection();
        break;
      case RELEASE:
        free++;
        heldByAbandoners--;
        r.seatSec += events.now - takenAt[b]!;
        if (c.strategy === 'lock') giveConnection();
        break;
    }
  }
  sample(events.now);
  return {
    sold: r.sold,
    turnedAwayWhileHeld: r.awayHeld,
    soldOutAnswers: r.soldOut,
    connectionTimeouts: r.timeouts,
    expiredBeforePaying: r.expired,
    abandoned: r.abandoned,
    abandonedSeatMinutes: r.seatSec / 60,
    unsold: free,
    timeline,
  };
}
