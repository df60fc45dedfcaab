/**
 * A stock counter under a sale: reservation attempts arrive (Poisson within
 * each step, at the rate the caller gives per step) and each tries to take
 * one unit. Pure and seeded: the same stream and rates give the same figures.
 *
 * - atomic (DECR and check, undone below zero): a reservation succeeds only
 *   while the count is above zero, so the counter can never hand out more
 *   units than it holds.
 * - readThenWrite: a buyer reads the count, and `gapSec` later writes back
 *   (what it read) - 1. Buyers who read during that gap read the same value
 *   and all write the same value back: one decrement for the whole group.
 *   So reads come in groups: a group opens at the first arrival after the
 *   previous group's first write, takes everyone arriving in the next gapSec
 *   (1 + Poisson(rate x gap) buyers) and lowers the count by one. Every buyer
 *   in a group gets a unit; the count reaches zero after `stock` groups.
 *   An increment (a returned unit) that lands while a group's writes are
 *   still pending is overwritten by them: a lost return.
 *
 * Reservations: a share (`abandonRate`) is never paid and its unit returns
 * after `ttlSec`; of the rest, the caller's `failedShare` fail at payment and
 * return after `paymentDelaySec`; the others are sold.
 *
 * Shards: the stock is split evenly across keys; each step's attempts go
 * evenly to the shards that still hold stock. An attempt that finds its shard
 * empty within a step is answered sold out (the next step routes around it).
 */
import type { RandomStream } from '../engine/rng';
import { binomial, poisson } from './draws';
import { ReturnQueue } from './returnQueue';

/** What a stock counter did over a run (all shards together; warm-up included: stock is not reset). */
export interface StockFigures {
  stock: number;
  attempts: number;
  /** Reservations granted (each one a buyer told "you have a unit"). */
  reserved: number;
  /** Reservations paid. */
  sold: number;
  /** Units sold beyond the stock: max(0, sold - stock). */
  oversold: number;
  /** What the counter says is left at the end (all shards). */
  remaining: number;
  /** Reservations neither paid nor returned yet at the end. */
  pendingReservations: number;
  returnedByExpiry: number;
  returnedByFailedPayment: number;
  /** Returned units the counter never saw (overwritten by a pending read-then-write). */
  lostReturns: number;
  /** When every shard had first answered "sold out"; null if stock never ran out. */
  soldOutAtSec: number | null;
  soldOutAnswers: number;
}

/** Below this many whole groups in a window, groups are drawn one by one. */
const BATCH_GROUPS = 8;

export type StockUpdate = 'atomic' | 'readThenWrite';

export interface StockParams {
  stock: number;
  update: StockUpdate;
  /** readThenWrite only: seconds between reading the count and writing it back. */
  gapSec: number;
  /** An unpaid reservation expires after this and its unit returns. */
  ttlSec: number;
  /** Share of reservations never paid. */
  abandonRate: number;
  shards: number;
  /** Seconds from a reservation to a failed payment giving its unit back. */
  paymentDelaySec: number;
}

interface Shard {
  count: number;
  /** Arrivals before this time join the open read group (readThenWrite). */
  groupOpenUntil: number;
  groupValue: number;
  /** Writes of groups already started land until this time. */
  protectedUntil: number;
  expiries: ReturnQueue;
  failures: ReturnQueue;
  firstSoldOutSec: number;
}

export class StockCounter {
  private readonly shards: Shard[];
  private readonly gap: number;
  private now = 0;
  private attempts = 0;
  private reserved = 0;
  private sold = 0;
  private pending = 0;
  private byExpiry = 0;
  private byFailure = 0;
  private lost = 0;
  private soldOut = 0;
  private failedShare = 0;

  constructor(
    private readonly p: StockParams,
    private readonly rng: RandomStream,
  ) {
    this.gap = p.update === 'readThenWrite' ? p.gapSec : 0;
    const n = Math.max(1, Math.floor(p.shards));
    this.shards = Array.from({ length: n }, (_, i) => ({
      count: Math.floor(p.stock / n) + (i < p.stock % n ? 1 : 0),
      groupOpenUntil: -Infinity,
      groupValue: 0,
      protectedUntil: -Infinity,
      expiries: new ReturnQueue(),
      failures: new ReturnQueue(),
      firstSoldOutSec: NaN,
    }));
  }

  /** True when no shard can grant a unit right now. */
  get exhausted(): boolean {
    for (const sh of this.shards) if (sh.count > 0 || this.now < sh.groupOpenUntil) return false;
    return true;
  }

  /**
   * Attempts at `ratePerSec` over the next `dtSec`; `failedShare` of the paid
   * reservations fail at payment. Returns the share of this step's attempts
   * answered sold out (NaN when there were none).
   */
  step(ratePerSec: number, dtSec: number, failedShare = 0): number {
    const t0 = this.now;
    const t1 = t0 + dtSec;
    this.failedShare = Math.min(1, Math.max(0, failedShare));
    const attemptsBefore = this.attempts;
    const soldOutBefore = this.soldOut;
    let active = 0;
    for (const sh of this.shards) if (sh.count > 0 || t0 < sh.groupOpenUntil) active++;
    const perShard = ratePerSec > 0 ? ratePerSec / (active > 0 ? active : this.shards.length) : 0;
    for (const sh of this.shards) {
      const live = active === 0 || sh.count > 0 || t0 < sh.groupOpenUntil;
      this.runShard(sh, t0, t1, live ? perShard : 0);
    }
    this.now = t1;
    const n = this.attempts - attemptsBefore;
    return n > 0 ? (this.soldOut - soldOutBefore) / n : NaN;
  }

  figures(): StockFigures {
    let remaining = 0;
    let lastSoldOut = 0;
    for (const sh of this.shards) {
      remaining += sh.count;
      lastSoldOut = Math.max(lastSoldOut, sh.firstSoldOutSec);
    }
    return {
      stock: this.p.stock,
      attempts: this.attempts,
      reserved: this.reserved,
      sold: this.sold,
      oversold: Math.max(0, this.sold - this.p.stock),
      remaining,
      pendingReservations: this.pending,
      returnedByExpiry: this.byExpiry,
      returnedByFailedPayment: this.byFailure,
      lostReturns: this.lost,
      // Math.max over NaN is NaN: some shard never ran out.
      soldOutAtSec: Number.isFinite(lastSoldOut) ? lastSoldOut : null,
      soldOutAnswers: this.soldOut,
    };
  }

  private runShard(sh: Shard, t0: number, t1: number, rate: number): void {
    const rng = this.rng;
    let now = t0;
    for (;;) {
      const due = Math.max(now, Math.min(sh.expiries.nextTime, sh.failures.nextTime));
      const returnFirst = due < t1;
      if (now < sh.groupOpenUntil) {
        // Arrivals join the open group: they read the same value. Returns due
        // meanwhile are overwritten by the group's writes (lost).
        const end = Math.min(sh.groupOpenUntil, t1);
        const n = poisson(rng, rate * (end - now));
        if (n > 0) {
          this.attempts += n;
          this.reserve(sh, (now + end) / 2, n);
          sh.protectedUntil = Math.max(sh.protectedUntil, now + ((end - now) * n) / (n + 1) + this.gap);
        }
        while (Math.min(sh.expiries.nextTime, sh.failures.nextTime) < end) this.takeReturn(sh, -Infinity);
        now = end;
        if (end < sh.groupOpenUntil) return;
        sh.count = sh.groupValue - 1;
        sh.groupOpenUntil = -Infinity;
        continue;
      }
      const end = returnFirst ? due : t1;
      if (sh.count <= 0) {
        const n = poisson(rng, rate * (end - now));
        if (n > 0) {
          this.attempts += n;
          this.soldOut += n;
          if (Number.isNaN(sh.firstSoldOutSec)) sh.firstSoldOutSec = now + (end - now) / (n + 1);
        }
      } else if (this.gap === 0) {
        // Atomic: each arrival decrements in turn, until the count is gone.
        const n = poisson(rng, rate * (end - now));
        const k = Math.min(n, sh.count);
        this.attempts += n;
        if (k > 0) {
          sh.count -= k;
          this.reserve(sh, now + ((end - now) * k) / (2 * (n + 1)), k);
        }
        if (n > k) {
          this.soldOut += n - k;
          if (Number.isNaN(sh.firstSoldOutSec)) sh.firstSoldOutSec = now + ((end - now) * (k + 1)) / (n + 1);
        }
      } else {
        // readThenWrite. Many whole groups fit before the next event: take them
        // at once (k groups: k first readers plus Poisson(k x rate x gap) more,
        // lasting k x gap plus a Gamma(k) wait for the first readers).
        const fit = rate > 0 ? (end - now) / (this.gap + 1 / rate) : 0;
        const k = Math.min(sh.count, Math.floor(fit - 2 * Math.sqrt(fit)));
        if (k >= BATCH_GROUPS) {
          const waits = Math.max(0, (k + Math.sqrt(k) * Math.max(-3, Math.min(3, rng.normal()))) / rate);
          const until = Math.min(end, now + k * this.gap + waits);
          const n = k + poisson(rng, k * rate * this.gap);
          this.attempts += n;
          sh.count -= k;
          this.reserve(sh, (now + until) / 2, n);
          now = until;
          sh.protectedUntil = Math.max(sh.protectedUntil, now + (this.gap * rate * this.gap) / (1 + rate * this.gap));
          continue;
        }
        // Otherwise the next arrival opens one group reading the current count.
        const a = rate > 0 ? now + rng.exponential(1 / rate) : Infinity;
        if (a < end) {
          this.attempts += 1;
          sh.groupValue = sh.count;
          sh.groupOpenUntil = a + this.gap;
          sh.protectedUntil = Math.max(sh.protectedUntil, a + this.gap);
          this.reserve(sh, a, 1);
          now = a;
          continue;
        }
      }
      now = end;
      if (!returnFirst) return;
      this.takeReturn(sh, now);
    }
  }

  private reserve(sh: Shard, timeSec: number, n: number): void {
    const abandoned = binomial(this.rng, n, this.p.abandonRate);
    const failed = binomial(this.rng, n - abandoned, this.failedShare);
    this.reserved += n;
    this.sold += n - abandoned - failed;
    this.pending += abandoned + failed;
    sh.expiries.push(timeSec + this.p.ttlSec, abandoned);
    sh.failures.push(timeSec + this.p.paymentDelaySec, failed);
  }

  /** The earlier of the two due batches goes back to the counter (unless a pending write overwrites it). */
  private takeReturn(sh: Shard, now: number): void {
    const expiry = sh.expiries.nextTime <= sh.failures.nextTime;
    const m = expiry ? sh.expiries.pop() : sh.failures.pop();
    if (expiry) this.byExpiry += m;
    else this.byFailure += m;
    this.pending -= m;
    // now is -Infinity for a return known to be overwritten.
    if (now < sh.protectedUntil) this.lost += m;
    else sh.count += m;
  }
}

/** Runs a whole sale: `rates[k]` attempts per second during step k of `dtSec`. */
export function simulateStock(p: StockParams, rates: ArrayLike<number>, dtSec: number, rng: RandomStream, failedShare = 0): StockFigures {
  const counter = new StockCounter(p, rng);
  for (let k = 0; k < rates.length; k++) counter.step(rates[k]!, dtSec, failedShare);
  return counter.figures();
}
