/**
 * Row locks: a hop with locksRow draws one of its store's hot rows. A
 * transaction holds its connection while it waits for the row; the waiters
 * of a row form a FIFO (linked through J_NEXT), and the row passes to the
 * next one when its owner's service ends.
 */
import { integers } from '../engine/arrays';
import type { Plan } from '../plan';
import type { RunControl } from '../runControl';
import * as eventCodes from './events';
import * as jobFields from './jobs';
import { Autoscaling } from './autoscaling';

// Module-local copies, read once: under vitest each read of an imported binding is a getter call, and these are read on every event.
const { NONE } = eventCodes;
const { J_GH, J_NEXT, J_ROW, JOB_INT_SHIFT } = jobFields;

export abstract class RowLocks extends Autoscaling {
  declare readonly rowOwner: number[][];
  declare readonly rowHead: number[][];
  declare readonly rowTail: number[][];

  constructor(plan: Plan, seed: number, control: RunControl) {
    super(plan, seed, control);
    this.rowOwner = plan.stations.map((s) => integers(s.hotRows, NONE));
    this.rowHead = plan.stations.map((s) => integers(s.hotRows, NONE));
    this.rowTail = plan.stations.map((s) => integers(s.hotRows, NONE));
  }

  /** The transaction holds its connection while it waits for the row: true if it has the row now, false if it waits. */
  protected lockRow(job: number, s: number): boolean {
    const row = this.rngRow[s]!.below(this.rowOwner[s]!.length);
    this.ji[(job << JOB_INT_SHIFT) + J_ROW] = row;
    if (this.rowOwner[s]![row] !== NONE) {
      const tail = this.rowTail[s]![row]!;
      this.ji[(job << JOB_INT_SHIFT) + J_NEXT] = NONE;
      if (tail === NONE) this.rowHead[s]![row] = job;
      else this.ji[(tail << JOB_INT_SHIFT) + J_NEXT] = job;
      this.rowTail[s]![row] = job;
      return false;
    }
    this.rowOwner[s]![row] = job;
    return true;
  }

  protected unlockRow(job: number, s: number): void {
    const o = (job << JOB_INT_SHIFT) + J_ROW;
    const row = this.ji[o]!;
    this.ji[o] = NONE;
    this.passRowLock(s, row);
  }

  protected passRowLock(s: number, row: number): void {
    const next = this.rowHead[s]![row]!;
    if (next === NONE) {
      this.rowOwner[s]![row] = NONE;
      return;
    }
    const after = this.ji[(next << JOB_INT_SHIFT) + J_NEXT]!;
    this.rowHead[s]![row] = after;
    if (after === NONE) this.rowTail[s]![row] = NONE;
    this.rowOwner[s]![row] = next;
    this.scheduleServiceDone(next, s, this.ji[(next << JOB_INT_SHIFT) + J_GH]!);
  }
}
