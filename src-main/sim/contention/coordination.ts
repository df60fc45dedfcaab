/**
 * One order across two services (a seat taken from a stock row in the
 * booking database, a charge at the payment provider) with a coordinator
 * that crashes: a seeded discrete-event run of two-phase commit against a saga.
 * Each order takes from one of `seats` stock rows (a section's count), so
 * orders for the same row wait for each other's row locks.
 *
 * - `twoPhase`: the seat service locks the seat row and prepares (one
 *   statement) while the provider authorises the charge; once both have voted,
 *   the coordinator logs its decision (one statement) and the seat service
 *   commits (one statement) and releases the row. A decision due while the
 *   coordinator is down waits for it to come back: the prepared seat row stays
 *   locked all that time (the order is in doubt).
 * - `saga`: reserve the seat (a local transaction: lock, one statement,
 *   commit), charge, then confirm the seat, or release it when the charge was
 *   declined (a compensation). Every step is a short local transaction; a step
 *   due while the orchestrator is down waits for it (its state is saved), and
 *   meanwhile the seat is reserved but not sold: visible, inconsistent, locked by nobody.
 *
 * Orders arriving while the coordinator is down are refused. Deterministic for a seed.
 */
import { EventQueue } from '../engine/eventQueue';
import { RandomStream } from '../engine/rng';
import { quantileSorted } from '../metrics';
import { LockTable } from './lockTable';

export type Protocol = 'twoPhase' | 'saga';

export interface CoordinationConfig {
  ordersPerSec: number;
  durationSec: number;
  seats: number;
  protocol: Protocol;
  crashAtSec: number;
  downSec: number;
  declineRate: number;
  statementMs: (rng: RandomStream) => number;
  chargeMs: (rng: RandomStream) => number;
}

export interface CoordinationResult {
  orders: number;
  completed: number;
  declined: number;
  /** Orders that arrived while the coordinator was down. */
  refused: number;
  /** Orders whose next step fell in the outage and had to wait for the coordinator. */
  stalled: number;
  /** Seat-seconds of row locks held (others asking for those seats wait). */
  lockedSeatSec: number;
  /** Seat-seconds of row locks held past the moment the coordinator went down, waiting for it. */
  blockedSeatSec: number;
  /** Seat-seconds a seat spent reserved but neither sold nor released (saga only). */
  inconsistentSeatSec: number;
  /** The longest any one order held a row lock, s. */
  longestLockSec: number;
  p95Ms: number;
}

const ARRIVE = 0;
const SEAT_STEP = 1;
const CHARGED = 2;
const DECIDE = 3;
const LOGGED = 4;
const DECIDED = 5;
const START_CHARGE = 6;

// Saga and 2PC steps, as the seat's next action when its statement ends.
const PREPARE = 0;
const COMMIT = 1;
const RESERVE = 2;
const CONFIRM = 3;
const RELEASE = 4;

export function runCoordination(c: CoordinationConfig, seed: number): CoordinationResult {
  const arrivals = new RandomStream(seed, 'coordination/arrivals');
  const service = new RandomStream(seed, 'coordination/statements');
  const charges = new RandomStream(seed, 'coordination/charges');
  const events = new EventQueue(256);
  const locks = new LockTable(c.seats);
  const seatOf: number[] = [];
  const declines: boolean[] = [];
  for (let t = arrivals.exponential(1 / c.ordersPerSec); t < c.durationSec; t += arrivals.exponential(1 / c.ordersPerSec)) {
    seatOf.push(arrivals.below(c.seats));
    declines.push(arrivals.next() < c.declineRate);
    events.schedule(t, ARRIVE, seatOf.length - 1, 0);
  }
  const n = seatOf.length;
  const arrivedAt = new Float64Array(n);
  const lockedAt = new Float64Array(n);
  const reservedAt = new Float64Array(n);
  const step = new Int8Array(n);
  const votes = new Int8Array(n);
  const stalledOnce = new Uint8Array(n);
  const answers: number[] = [];
  const r = { completed: 0, declined: 0, refused: 0, stalled: 0, locked: 0, blocked: 0, inconsistent: 0, longest: 0 };
  const upAt = c.crashAtSec + c.downSec;
  const down = (t: number) => t >= c.crashAtSec && t < upAt;

  /** A step the coordinator drives: now, or when it is back. */
  const coordinate = (o: number, kind: number) => {
    if (down(events.now)) {
      if (!stalledOnce[o]) r.stalled++;
      stalledOnce[o] = 1;
      events.schedule(upAt, kind, o, 0);
    } else events.schedule(events.now, kind, o, 0);
  };
  /** The seat service runs `what` under the seat's row lock (waiting for it if needed). */
  const onSeat = (o: number, what: number) => {
    step[o] = what;
    if (what === PREPARE || what === RESERVE || what === CONFIRM || what === RELEASE) {
      if (!locks.acquire(o, seatOf[o]!)) return;
      lockedAt[o] = events.now;
    }
    events.schedule(events.now + c.statementMs(service) / 1000, SEAT_STEP, o, 0);
  };
  const unlock = (o: number) => {
    r.locked += events.now - lockedAt[o]!;
    r.longest = Math.max(r.longest, events.now - lockedAt[o]!);
    r.blocked += Math.max(0, Math.min(events.now, upAt) - Math.max(lockedAt[o]!, c.crashAtSec));
    const next = locks.release(o, seatOf[o]!);
    if (next >= 0) {
      lockedAt[next] = events.now;
      events.schedule(events.now + c.statementMs(service) / 1000, SEAT_STEP, next, 0);
    }
  };
  const finish = (o: number) => {
    if (declines[o]) r.declined++;
    else {
      r.completed++;
      answers.push((events.now - arrivedAt[o]!) * 1000);
    }
  };
  const charge = (o: number) => events.schedule(events.now + c.chargeMs(charges) / 1000, CHARGED, o, 0);

  while (events.pop()) {
    const o = events.argA;
    switch (events.kind) {
      case ARRIVE:
        arrivedAt[o] = events.now;
        if (down(events.now)) {
          r.refused++;
          break;
        }
        if (c.protocol === 'twoPhase') {
          onSeat(o, PREPARE);
          charge(o);
        } else onSeat(o, RESERVE);
        break;
      case SEAT_STEP:
        if (step[o] === PREPARE) {
          // Prepared: the row stays locked until the decision comes.
          if (++votes[o]! === 2) coordinate(o, DECIDE);
        } else if (step[o] === COMMIT) {
          unlock(o);
          finish(o);
        } else if (step[o] === RESERVE) {
          unlock(o);
          reservedAt[o] = events.now;
          coordinate(o, START_CHARGE);
        } else {
          unlock(o);
          r.inconsistent += events.now - reservedAt[o]!;
          finish(o);
        }
        break;
      case START_CHARGE:
        charge(o);
        break;
      case CHARGED:
        if (c.protocol === 'twoPhase') {
          if (++votes[o]! === 2) coordinate(o, DECIDE);
        } else coordinate(o, DECIDED);
        break;
      case DECIDE:
        // The coordinator logs its decision (one statement), then tells the seat service, if it is still up.
        events.schedule(events.now + c.statementMs(service) / 1000, LOGGED, o, 0);
        break;
      case LOGGED:
        coordinate(o, DECIDED);
        break;
      case DECIDED:
        if (c.protocol === 'twoPhase') {
          step[o] = COMMIT;
          events.schedule(events.now + c.statementMs(service) / 1000, SEAT_STEP, o, 0);
        } else onSeat(o, declines[o] ? RELEASE : CONFIRM);
        break;
    }
  }

  const sorted = Float64Array.from(answers).sort();
  return {
    orders: n,
    completed: r.completed,
    declined: r.declined,
    refused: r.refused,
    stalled: r.stalled,
    lockedSeatSec: r.locked,
    blockedSeatSec: r.blocked,
    inconsistentSeatSec: r.inconsistent,
    longestLockSec: r.longest,
    p95Ms: sorted.length > 0 ? quantileSorted(sorted, 0.95) : 0,
  };
}
