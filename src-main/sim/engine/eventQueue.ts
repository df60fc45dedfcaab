/**
 * The future event list: a 4-ary min-heap over typed arrays (half the depth
 * of a binary one, a little faster to sift), ordered by (time, sequence). The sequence number is the insertion order, so two events
 * at the same instant always run first-scheduled-first, whatever the heap does.
 *
 * Most runs have a few dozen events pending. While there are at most
 * SORTED_MAX, they are kept as a list sorted latest first instead: a pop takes
 * the last one, a schedule shifts up the few events due sooner (both cheap
 * and predictable). Past that the list turns into the heap (reversed, a
 * sorted list is one) until the queue empties. Either way events come out in
 * the same (time, sequence) order.
 *
 * An event is a kind (small integer) and two integer arguments. They stay in
 * a slot (from a free list) while the heap moves only (time, sequence, slot),
 * so a sift step copies three numbers instead of five. Nothing is allocated
 * per event; the arrays double when full.
 *
 * The arrays are plain arrays of numbers (packed doubles or small integers),
 * not typed arrays: once any ArrayBuffer in the process has been detached
 * (tsx's loader does it, so do transfers), V8 checks for detachment on every
 * typed-array access, which cost about a sixth of a request-level run.
 */
import { doubles, integers } from './arrays';

/** Up to this many events are kept as a sorted list (latest first): popping is taking the last one. */
const SORTED_MAX = 64;

export class EventQueue {
  size = 0;
  /** Time of the event popped last: the simulation clock. */
  now = 0;
  /** Kind and arguments of the event popped last. */
  kind = 0;
  argA = 0;
  argB = 0;

  // The heap.
  private declare time: number[];
  private declare seq: number[];
  private declare slot: number[];
  // Slots: what each event is. A slot is free again once its event is popped.
  private declare kinds: number[];
  private declare as: number[];
  private declare bs: number[];
  private declare free: number[];
  /** Length of every array above. */
  private declare capacity: number;
  private nextSeq = 0;
  /** False while the events fit in a sorted list; true once they went over SORTED_MAX (until the queue empties). */
  private heapMode = false;

  constructor(initialCapacity = 1024) {
    const n = Math.max(1, initialCapacity);
    this.capacity = n;
    this.time = doubles(n);
    this.seq = doubles(n);
    this.slot = integers(n);
    this.kinds = integers(n);
    this.as = integers(n);
    this.bs = integers(n);
    // Free slots: with k events queued, the slots not in use are free[k..n).
    const free = integers(n);
    for (let i = 0; i < n; i++) free[i] = i;
    this.free = free;
  }

  schedule(at: number, kind: number, a: number, b: number): void {
    const n = this.size;
    if (n === this.capacity) this.grow();
    const slot = this.free[n]!;
    this.kinds[slot] = kind;
    this.as[slot] = a;
    this.bs[slot] = b;
    const s = this.nextSeq++;
    if (this.heapMode || n === SORTED_MAX) {
      this.pushHeap(at, s, slot);
      return;
    }
    // Latest first: shift the events due at or before `at` (the new one is the latest of equal times) one place up.
    // The list's order is the (time, sequence) order, so it keeps no sequence numbers (toHeap gives them).
    const time = this.time;
    const slots = this.slot;
    this.size = n + 1;
    let j = n;
    while (j > 0 && time[j - 1]! <= at) {
      time[j] = time[j - 1]!;
      slots[j] = slots[j - 1]!;
      j--;
    }
    time[j] = at;
    slots[j] = slot;
  }

  /** Past SORTED_MAX events (kept apart so the sorted-list path stays small enough to inline). */
  private pushHeap(at: number, s: number, slot: number): void {
    if (!this.heapMode) this.toHeap();
    const time = this.time;
    const seq = this.seq;
    const slots = this.slot;
    // Sift the hole up from the end, then drop the new event into it.
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 2;
      const pt = time[p]!;
      if (pt < at || (pt === at && seq[p]! < s)) break;
      time[i] = pt;
      seq[i] = seq[p]!;
      slots[i] = slots[p]!;
      i = p;
    }
    time[i] = at;
    seq[i] = s;
    slots[i] = slot;
  }

  /** Removes the earliest event into (now, kind, argA, argB). Returns false when empty. */
  pop(): boolean {
    if (this.size === 0) return false;
    if (this.heapMode) return this.popHeap();
    const n = --this.size;
    const first = this.slot[n]!;
    this.now = this.time[n]!;
    this.kind = this.kinds[first]!;
    this.argA = this.as[first]!;
    this.argB = this.bs[first]!;
    this.free[n] = first;
    return true;
  }

  /** pop() while in heap mode (kept apart so the sorted-list path stays small enough to inline). */
  private popHeap(): boolean {
    const time = this.time;
    const seq = this.seq;
    const slots = this.slot;
    const top = slots[0]!;
    this.now = time[0]!;
    this.kind = this.kinds[top]!;
    this.argA = this.as[top]!;
    this.argB = this.bs[top]!;
    const n = --this.size;
    this.free[n] = top;
    if (n === 0) {
      this.heapMode = false;
      return true;
    }
    const lt = time[n]!;
    const ls = seq[n]!;
    const lslot = slots[n]!;
    // Sift the hole down from the root with the last event in hand (4 children a node).
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      let c = first;
      let ct = time[c]!;
      const end = first + 4 < n ? first + 4 : n;
      for (let k = first + 1; k < end; k++) {
        const kt = time[k]!;
        if (kt < ct || (kt === ct && seq[k]! < seq[c]!)) {
          c = k;
          ct = kt;
        }
      }
      if (lt < ct || (lt === ct && ls < seq[c]!)) break;
      time[i] = ct;
      seq[i] = seq[c]!;
      slots[i] = slots[c]!;
      i = c;
    }
    time[i] = lt;
    seq[i] = ls;
    slots[i] = lslot;
    return true;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    if (this.size === 0) return Infinity;
    return this.heapMode ? this.time[0]! : this.time[this.size - 1]!;
  }

  /**
   * Latest-first sorted list to heap: reversed, it is sorted earliest first, which is a valid heap.
   * Sequence numbers follow that order (only their order among equal times matters), below any given from now on.
   */
  private toHeap(): void {
    const time = this.time;
    const seq = this.seq;
    const slots = this.slot;
    const n = this.size;
    for (let i = 0, j = n - 1; i < j; i++, j--) {
      const t = time[i]!;
      time[i] = time[j]!;
      time[j] = t;
      const k = slots[i]!;
      slots[i] = slots[j]!;
      slots[j] = k;
    }
    for (let i = 0; i < n; i++) seq[i] = this.nextSeq - n - 1 + i;
    this.heapMode = true;
  }

  private grow(): void {
    const old = this.capacity;
    const n = old * 2;
    for (let i = old; i < n; i++) {
      this.time.push(0.5);
      this.seq.push(0.5);
      this.slot.push(0);
      this.kinds.push(0);
      this.as.push(0);
      this.bs.push(0);
      // Every slot is in use when the heap is full; the new ones are free.
      this.free.push(i);
    }
    this.capacity = n;
  }
}
