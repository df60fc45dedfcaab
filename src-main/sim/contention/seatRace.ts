/**
 * Buyers racing for the last seats of one event, request by request: a seeded
 * discrete-event run of transactions on one stock row (seats left) behind a
 * connection pool, with exclusive row locks, lock waits and lock timeouts.
 *
 * How each strategy touches the row (every statement is one round trip of
 * `statementMs`, drawn per statement):
 * - readThenWrite: SELECT (no lock, READ COMMITTED sees the last committed
 *   count), `thinkMs` of application work, then UPDATE seats = (count read - 1).
 *   Buyers whose reads overlap write the same value: each gets a seat, the
 *   count falls once. This oversells.
 * - conditionalUpdate: one UPDATE ... SET seats = seats - 1 WHERE seats > 0,
 *   under the row lock; the affected row count (1 or 0) says sold or sold out.
 * - selectForUpdate: SELECT ... FOR UPDATE takes the row lock, then think,
 *   then UPDATE, then COMMIT: the lock is held through all of it.
 * - optimistic: SELECT count and version (no lock), think, then UPDATE ...
 *   WHERE version = v under the row lock for that one statement; 0 rows means
 *   another buyer committed first: release the connection, back off (full
 *   jitter, doubling from `retryBaseMs`) and start again, up to `maxAttempts`.
 *
 * A lock wait longer than `lockTimeoutMs` (0: wait for ever) fails the buyer
 * with an error, as Postgres's lock_timeout does. Deterministic for a seed.
 */
import { EventQueue } from '../engine/eventQueue';
import { RandomStream } from '../engine/rng';
import { quantileSorted } from '../metrics';
import { ConnectionPool } from './connections';
import { LockTable } from './lockTable';

export const SEAT_STRATEGIES = ['readThenWrite', 'conditionalUpdate', 'selectForUpdate', 'optimistic'] as const;
export type SeatStrategy = (typeof SEAT_STRATEGIES)[number];

export interface SeatRaceConfig {
  buyers: number;
  stock: number;
  /** Buyers arrive as a Poisson process at buyers / arrivalWindowSec per second until all have come. */
  arrivalWindowSec: number;
  strategy: SeatStrategy;
  /** Application work between reading the row and writing it (validation, pricing). */
  thinkMs: number;
  connections: number;
  /** 0: a lock wait never times out. */
  lockTimeoutMs: number;
  /** Optimistic only: attempts per buyer, the first included. */
  maxAttempts: number;
  retryBaseMs: number;
  /** One statement's round trip in ms (the scenarios' postgres query). */
  statementMs: (rng: RandomStream) => number;
}

export interface SeatRaceResult {
  buyers: number;
  sold: number;
  /** max(0, sold - stock): seats promised to two buyers. */
  oversold: number;
  soldOutAnswers: number;
  lockTimeouts: number;
  /** Optimistic buyers who lost the race maxAttempts times. */
  gaveUp: number;
  /** Attempts beyond each buyer's first. */
  retries: number;
  /** Optimistic version checks that found another buyer had committed first. */
  conflicts: number;
  /** Answer times (sold or sold out) from arrival, ms. */
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** When the last buyer was answered, s. */
  lastAnswerSec: number;
  /** Seats the row still says are left at the end. */
  counterAtEnd: number;
  /** The row's count and the seats actually sold, every SAMPLE_SEC. */
  timeline: { timeSec: number[]; counter: number[]; sold: number[] };
}

const SAMPLE_SEC = 0.1;
const MAX_BACKOFF_MS = 1000;

const ARRIVE = 0;
const STEP_DONE = 1;
const LOCK_TIMEOUT = 2;
const RETRY = 3;

// What a buyer's current step is; STEP_DONE moves it on.
const READ = 0;
const THINK = 1;
const WRITE = 2;
const LOCKED_READ = 3;
const DONE = 4;

export function runSeatRace(c: SeatRaceConfig, seed: number): SeatRaceResult {
  const arrivals = new RandomStream(seed, 'seat-race/arrivals');
  const service = new RandomStream(seed, 'seat-race/statements');
  const jitter = new RandomStream(seed, 'seat-race/retry-jitter');
  const events = new EventQueue(256);
  const pool = new ConnectionPool(c.connections);
  const locks = new LockTable(1);
  const n = c.buyers;
  const arrivedAt = new Float64Array(n);
  const step = new Int8Array(n);
  const readCount = new Float64Array(n);
  const readVersion = new Float64Array(n);
  const attempts = new Int32Array(n);
  /** Bumped whenever a buyer stops waiting for the lock, so a stale timeout is ignored. */
  const waitToken = new Int32Array(n);
  /** Answer times in ms, kept whole: a run has at most a few thousand buyers, and a histogram's top bin would clip a long wait. */
  const answers: number[] = [];
  let counter = c.stock;
  let version = 0;
  const r = { sold: 0, soldOut: 0, lockTimeouts: 0, gaveUp: 0, retries: 0, conflicts: 0, last: 0 };
  const timeline = { timeSec: [] as number[], counter: [] as number[], sold: [] as number[] };
  let nextSample = 0;

  const sample = (until: number) => {
    while (nextSample <= until) {
      timeline.timeSec.push(Math.round(nextSample * 1000) / 1000);
      timeline.counter.push(counter);
      timeline.sold.push(r.sold);
      nextSample += SAMPLE_SEC;
    }
  };
  const statement = (b: number, what: number) => {
    step[b] = what;
    events.schedule(events.now + c.statementMs(service) / 1000, STEP_DONE, b, 0);
  };
  const answer = (b: number, sold: boolean) => {
    if (sold) r.sold++;
    else r.soldOut++;
    answers.push((events.now - arrivedAt[b]!) * 1000);
    finish(b);
  };
  const finish = (b: number) => {
    step[b] = DONE;
    r.last = events.now;
    releaseConnection();
  };
  const releaseConnection = () => {
    const next = pool.give();
    if (next >= 0) begin(next);
  };
  const releaseRow = (b: number) => {
    const next = locks.release(b, 0);
    if (next >= 0) {
      waitToken[next]!++;
      locked(next);
    }
  };
  /** Asks for the row's lock for the statement `what`; it runs once the lock is held. */
  const lockThen = (b: number, what: number) => {
    step[b] = what;
    if (locks.acquire(b, 0)) return locked(b);
    if (c.lockTimeoutMs > 0) events.schedule(events.now + c.lockTimeoutMs / 1000, LOCK_TIMEOUT, b, waitToken[b]!);
  };
  /**
   * The lock is held: run the statement. An UPDATE whose WHERE no longer matches (the version moved on, no
   * seat left) changes nothing, so it lets the row go at once instead of holding it for its round trip.
   */
  const locked = (b: number) => {
    const what = step[b]!;
    const stale = what === WRITE && ((c.strategy === 'optimistic' && version !== readVersion[b]) || (c.strategy === 'conditionalUpdate' && counter <= 0));
    if (stale) releaseRow(b);
    statement(b, what);
  };
  /** The buyer has a connection: its attempt starts. */
  const begin = (b: number) => {
    attempts[b]!++;
    if (c.strategy === 'conditionalUpdate') lockThen(b, WRITE);
    else if (c.strategy === 'selectForUpdate') lockThen(b, LOCKED_READ);
    else statement(b, READ);
  };

  const stepDone = (b: number) => {
    switch (step[b]) {
      case READ:
      case LOCKED_READ: {
        readCount[b] = counter;
        readVersion[b] = version;
        if (counter <= 0) {
          if (step[b] === LOCKED_READ) releaseRow(b);
          answer(b, false);
          return;
        }
        step[b] = THINK;
        events.schedule(events.now + c.thinkMs / 1000, STEP_DONE, b, 0);
        return;
      }
      case THINK:
        if (c.strategy === 'selectForUpdate') statement(b, WRITE);
        else lockThen(b, WRITE);
        return;
      case WRITE:
        write(b);
        return;
    }
  };

  const write = (b: number) => {
    let sold = false;
    let conflict = false;
    if (c.strategy === 'conditionalUpdate') {
      sold = counter > 0;
      if (sold) counter--;
    } else if (c.strategy === 'optimistic') {
      conflict = version !== readVersion[b];
      sold = !conflict;
    } else {
      sold = true;
    }
    if (sold && c.strategy !== 'conditionalUpdate') counter = readCount[b]! - 1;
    if (sold) version++;
    releaseRow(b);
    if (!conflict) return answer(b, sold);
    r.conflicts++;
    if (attempts[b]! >= c.maxAttempts) {
      r.gaveUp++;
      return finish(b);
    }
    r.retries++;
    step[b] = READ;
    releaseConnection();
    const cap = Math.min(MAX_BACKOFF_MS, c.retryBaseMs * 2 ** (attempts[b]! - 1));
    events.schedule(events.now + (jitter.next() * cap) / 1000, RETRY, b, 0);
  };

  const gap = c.arrivalWindowSec / n;
  let t = 0;
  for (let b = 0; b < n; b++) {
    t += arrivals.exponential(gap);
    events.schedule(t, ARRIVE, b, 0);
  }
  while (events.pop()) {
    sample(events.now);
    const b = events.argA;
    switch (events.kind) {
      case ARRIVE:
        arrivedAt[b] = events.now;
        if (pool.take(b)) begin(b);
        break;
      case RETRY:
        if (pool.take(b)) begin(b);
        break;
      case STEP_DONE:
        stepDone(b);
        break;
      case LOCK_TIMEOUT:
        if (events.argB !== waitToken[b] || !locks.isWaiting(b)) break;
        locks.leaveLine(b);
        r.lockTimeouts++;
        finish(b);
        break;
    }
  }
  sample(events.now);

  const sorted = Float64Array.from(answers).sort();
  const q = (p: number) => (sorted.length > 0 ? quantileSorted(sorted, p) : 0);
  return {
    buyers: n,
    sold: r.sold,
    oversold: Math.max(0, r.sold - c.stock),
    soldOutAnswers: r.soldOut,
    lockTimeouts: r.lockTimeouts,
    gaveUp: r.gaveUp,
    retries: r.retries,
    conflicts: r.conflicts,
    p50Ms: q(0.5),
    p95Ms: q(0.95),
    p99Ms: q(0.99),
    lastAnswerSec: r.last,
    counterAtEnd: counter,
    timeline,
  };
}
