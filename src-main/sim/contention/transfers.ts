/**
 * Transfers between accounts, each locking two account rows: a seeded
 * discrete-event run of deadlocks and their detection. A transfer takes a
 * connection, locks its first row and updates it (one statement), then locks
 * its second row and updates it, then commits and releases both.
 *
 * - `random` order: the rows are locked in the order the transfer names them
 *   (from, then to), so A->B and B->A can each hold one row and wait for the
 *   other: a deadlock.
 * - `ordered`: every transfer locks the lower account id first, so no cycle
 *   of waiters can form.
 *
 * Detection as PostgreSQL does it: once a lock wait has lasted
 * `deadlockTimeoutMs`, the waiter looks for a cycle of waiting transactions;
 * if it is in one it is aborted (its locks and connection freed, its work
 * wasted) and the application retries it at once, up to `maxAttempts`.
 * Deterministic for a seed.
 */
import { EventQueue } from '../engine/eventQueue';
import { RandomStream } from '../engine/rng';
import { quantileSorted } from '../metrics';
import { ConnectionPool } from './connections';
import { LockTable } from './lockTable';

export type LockOrder = 'random' | 'ordered';

export interface TransfersConfig {
  transfersPerSec: number;
  accounts: number;
  durationSec: number;
  order: LockOrder;
  connections: number;
  deadlockTimeoutMs: number;
  maxAttempts: number;
  /** One statement's round trip in ms (the scenarios' postgres query). */
  statementMs: (rng: RandomStream) => number;
}

export interface TransfersResult {
  transfers: number;
  committed: number;
  deadlocks: number;
  /** Transfers that were deadlock victims maxAttempts times. */
  failed: number;
  /** Connection time spent in attempts that were aborted, s. */
  wastedSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** When the last transfer ended, s. */
  lastEndSec: number;
  /** When each deadlock was detected, s. */
  deadlockTimesSec: number[];
}

const ARRIVE = 0;
const STEP_DONE = 1;
const CHECK = 2;

export function runTransfers(c: TransfersConfig, seed: number): TransfersResult {
  const arrivals = new RandomStream(seed, 'transfers/arrivals');
  const accounts = new RandomStream(seed, 'transfers/accounts');
  const service = new RandomStream(seed, 'transfers/statements');
  const events = new EventQueue(256);
  const pool = new ConnectionPool(c.connections);
  const locks = new LockTable(c.accounts);

  // Arrivals and the rows each transfer names, drawn up front.
  const first: number[] = [];
  const second: number[] = [];
  for (let t = arrivals.exponential(1 / c.transfersPerSec); t < c.durationSec; t += arrivals.exponential(1 / c.transfersPerSec)) {
    const from = accounts.below(c.accounts);
    let to = accounts.below(c.accounts - 1);
    if (to >= from) to++;
    const ordered = c.order === 'ordered' && to < from;
    first.push(ordered ? to : from);
    second.push(ordered ? from : to);
    events.schedule(t, ARRIVE, first.length - 1, 0);
  }
  const n = first.length;
  const arrivedAt = new Float64Array(n);
  const attemptStart = new Float64Array(n);
  const attempts = new Int32Array(n);
  /** 1 while updating the first row, 2 the second. */
  const stage = new Int8Array(n);
  const waitToken = new Int32Array(n);
  const durations: number[] = [];
  const deadlockTimes: number[] = [];
  const r = { committed: 0, deadlocks: 0, failed: 0, wasted: 0, last: 0 };

  const statement = (t: number) => events.schedule(events.now + c.statementMs(service) / 1000, STEP_DONE, t, 0);
  const lockThen = (t: number, row: number) => {
    if (locks.acquire(t, row)) return statement(t);
    events.schedule(events.now + c.deadlockTimeoutMs / 1000, CHECK, t, waitToken[t]!);
  };
  const grant = (next: number) => {
    if (next < 0) return;
    waitToken[next]!++;
    statement(next);
  };
  const begin = (t: number) => {
    attempts[t]!++;
    attemptStart[t] = events.now;
    stage[t] = 1;
    lockThen(t, first[t]!);
  };
  const releaseAll = (t: number) => {
    grant(locks.release(t, first[t]!));
    grant(locks.release(t, second[t]!));
    const next = pool.give();
    if (next >= 0) begin(next);
  };

  while (events.pop()) {
    const t = events.argA;
    r.last = events.now;
    if (events.kind === ARRIVE) {
      arrivedAt[t] = events.now;
      if (pool.take(t)) begin(t);
    } else if (events.kind === STEP_DONE) {
      if (stage[t] === 1) {
        stage[t] = 2;
        lockThen(t, second[t]!);
      } else {
        r.committed++;
        durations.push((events.now - arrivedAt[t]!) * 1000);
        releaseAll(t);
      }
    } else if (events.argB === waitToken[t] && locks.isWaiting(t) && locks.inCycle(t)) {
      // The victim: out of the line, its locks and connection freed, its work thrown away.
      locks.leaveLine(t);
      waitToken[t]!++;
      r.deadlocks++;
      deadlockTimes.push(events.now);
      r.wasted += events.now - attemptStart[t]!;
      releaseAll(t);
      if (attempts[t]! >= c.maxAttempts) r.failed++;
      else if (pool.take(t)) begin(t);
    }
  }

  const sorted = Float64Array.from(durations).sort();
  const q = (p: number) => (sorted.length > 0 ? quantileSorted(sorted, p) : 0);
  return {
    transfers: n,
    committed: r.committed,
    deadlocks: r.deadlocks,
    failed: r.failed,
    wastedSec: r.wasted,
    p50Ms: q(0.5),
    p95Ms: q(0.95),
    p99Ms: q(0.99),
    lastEndSec: r.last,
    deadlockTimesSec: deadlockTimes,
  };
}
