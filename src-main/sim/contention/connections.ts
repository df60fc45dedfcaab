/**
 * A database's connection pool for the contention runs: a transaction holds
 * one connection from its first statement to its commit or abort, and one that
 * finds none free waits in line (FIFO), as the request level's postgres does.
 */

export class ConnectionPool {
  private free: number;
  private readonly line: number[] = [];
  private head = 0;

  constructor(size: number) {
    this.free = size;
  }

  /** True when txn has a connection now; false when it waits for one. */
  take(txn: number): boolean {
    if (this.free > 0) {
      this.free--;
      return true;
    }
    this.line.push(txn);
    return false;
  }

  /** Gives the connection back; returns the waiter that gets it, or -1. */
  give(): number {
    if (this.head < this.line.length) return this.line[this.head++]!;
    this.free++;
    return -1;
  }
}
