/**
 * The future event list: a 4-ary min-heap over typed arrays (half the depth
 * of a binary one, a little faster to sift), ordered by (time, sequence). The sequence number is the insertion order, so two events
 * at the same instant always run first-scheduled-first, whatever the heap does.
 *
 * An event is a kind (small integer) and two integer arguments. They stay in
 * a slot (from a free list) while the heap moves only (time, sequence, slot),
 * so a sift step copies three numbers instead of five. Nothing is allocated
 * per event; the arrays double when full.
 */
export class EventQueue {
  size = 0;
  /** Time of the event popped last: the simulation clock. */
  now = 0;
  /** Kind and arguments of the event popped last. */
  kind = 0;
  argA = 0;
  argB = 0;

  // The heap.
  private declare time: Float64Array;
  private declare seq: Float64Array;
  private declare slot: Int32Array;
  // Slots: what each event is. A slot is free again once its event is popped.
  private declare kinds: Int32Array;
  private declare as: Int32Array;
  private declare bs: Int32Array;
  private declare free: Int32Array;
  private nextSeq = 0;

  constructor(initialCapacity = 1024) {
    const n = Math.max(1, initialCapacity);
    this.time = new Float64Array(n);
    this.seq = new Float64Array(n);
    this.slot = new Int32Array(n);
    this.kinds = new Int32Array(n);
    this.as = new Int32Array(n);
    this.bs = new Int32Array(n);
    // Free slots: with k events queued, the slots not in use are free[k..n).
    this.free = Int32Array.from({ length: n }, (_, i) => i);
  }

  schedule(at: number, kind: number, a: number, b: number): void {
    if (this.size === this.time.length) this.grow();
    const time = this.time;
    const seq = this.seq;
    const slots = this.slot;
    const slot = this.free[this.size]!;
    this.kinds[slot] = kind;
    this.as[slot] = a;
    this.bs[slot] = b;
    const s = this.nextSeq++;
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
    if (n === 0) return true;
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
    return this.size === 0 ? Infinity : this.time[0]!;
  }

  private grow(): void {
    const old = this.time.length;
    const n = old * 2;
    const grow = <T extends Float64Array | Int32Array>(a: T): T => {
      const next = (a instanceof Int32Array ? new Int32Array(n) : new Float64Array(n)) as T;
      next.set(a);
      return next;
    };
    this.time = grow(this.time);
    this.seq = grow(this.seq);
    this.slot = grow(this.slot);
    this.kinds = grow(this.kinds);
    this.as = grow(this.as);
    this.bs = grow(this.bs);
    // Every slot is in use when the heap is full; the new ones are free.
    this.free = grow(this.free);
    for (let i = old; i < n; i++) this.free[i] = i;
  }
}
