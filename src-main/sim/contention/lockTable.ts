/**
 * Exclusive row locks for the contention runs: each row has one owner and a
 * FIFO of waiting transactions. A waiter can leave the line (its lock wait
 * timed out, or it was chosen as a deadlock victim). The wait-for chain
 * (waiter -> owner of the row it waits for -> the row that owner waits for ...)
 * is what deadlock detection follows.
 */

export const NOBODY = -1;

export class LockTable {
  private readonly owner: Int32Array;
  private readonly waiters: number[][];
  /** The row each transaction waits for, NOBODY when it waits for none. */
  private readonly waitingOn = new Map<number, number>();

  constructor(rows: number) {
    this.owner = new Int32Array(rows).fill(NOBODY);
    this.waiters = Array.from({ length: rows }, () => []);
  }

  get rows(): number {
    return this.owner.length;
  }

  ownerOf(row: number): number {
    return this.owner[row]!;
  }

  /** True when txn holds the row now; false when it joined the row's line. */
  acquire(txn: number, row: number): boolean {
    const o = this.owner[row]!;
    if (o === txn) return true;
    if (o === NOBODY) {
      this.owner[row] = txn;
      return true;
    }
    this.waiters[row]!.push(txn);
    this.waitingOn.set(txn, row);
    return false;
  }

  isWaiting(txn: number): boolean {
    return this.waitingOn.has(txn);
  }

  /** Takes txn out of the line it waits in (its lock wait timed out, or it was a deadlock victim). */
  leaveLine(txn: number): void {
    const row = this.waitingOn.get(txn);
    if (row === undefined) return;
    const line = this.waiters[row]!;
    line.splice(line.indexOf(txn), 1);
    this.waitingOn.delete(txn);
  }

  /** Frees the row; returns the waiter that now holds it, or NOBODY. */
  release(txn: number, row: number): number {
    if (this.owner[row] !== txn) return NOBODY;
    const next = this.waiters[row]!.shift();
    if (next === undefined) {
      this.owner[row] = NOBODY;
      return NOBODY;
    }
    this.owner[row] = next;
    this.waitingOn.delete(next);
    return next;
  }

  /** True when the wait-for chain from txn comes back to txn: a deadlock it is part of. */
  inCycle(txn: number): boolean {
    let current = txn;
    for (let steps = 0; steps <= this.waitingOn.size; steps++) {
      const row = this.waitingOn.get(current);
      if (row === undefined) return false;
      const o = this.owner[row]!;
      if (o === txn) return true;
      if (o === NOBODY) return false;
      current = o;
    }
    return false;
  }
}
