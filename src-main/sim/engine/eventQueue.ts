/**
 * The future event list: a binary min-heap over typed arrays, ordered by
 * (time, sequence). The sequence number is the insertion order, so two events
 * at the same instant always run first-scheduled-first, whatever the heap does.
 *
 * An event is a kind (small integer) and two integer arguments. Nothing is
 * allocated per event; the arrays double when full.
 */
export class EventQueue {
  size = 0;
  /** Time of the event popped last: the simulation clock. */
  now = 0;
  /** Kind and arguments of the event popped last. */
  kind = 0;
  argA = 0;
  argB = 0;

  private time: Float64Array;
  private seq: Float64Array;
  private kinds: Int32Array;
  private as: Int32Array;
  private bs: Int32Array;
  private nextSeq = 0;

  constructor(initialCapacity = 1024) {
    this.time = new Float64Array(initialCapacity);
    this.seq = new Float64Array(initialCapacity);
    this.kinds = new Int32Array(initialCapacity);
    this.as = new Int32Array(initialCapacity);
    this.bs = new Int32Array(initialCapacity);
  }

  schedule(at: number, kind: number, a: number, b: number): void {
    if (this.size === this.time.length) this.grow();
    const time = this.time;
    const seq = this.seq;
    const kinds = this.kinds;
    const as = this.as;
    const bs = this.bs;
    const s = this.nextSeq++;
    // Sift the hole up from the end, then drop the new event into it.
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = time[p]!;
      if (pt < at || (pt === at && seq[p]! < s)) break;
      time[i] = pt;
      seq[i] = seq[p]!;
      kinds[i] = kinds[p]!;
      as[i] = as[p]!;
      bs[i] = bs[p]!;
      i = p;
    }
    time[i] = at;
    seq[i] = s;
    kinds[i] = kind;
    as[i] = a;
    bs[i] = b;
  }

  /** Removes the earliest event into (now, kind, argA, argB). Returns false when empty. */
  pop(): boolean {
    if (this.size === 0) return false;
    const time = this.time;
    const seq = this.seq;
    const kinds = this.kinds;
    const as = this.as;
    const bs = this.bs;
    this.now = time[0]!;
    this.kind = kinds[0]!;
    this.argA = as[0]!;
    this.argB = bs[0]!;
    const n = --this.size;
    if (n === 0) return true;
    const lt = time[n]!;
    const ls = seq[n]!;
    // Sift the hole down from the root with the last event in hand.
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n) {
        const ct = time[c]!;
        const rt = time[r]!;
        if (rt < ct || (rt === ct && seq[r]! < seq[c]!)) c = r;
      }
      const ct = time[c]!;
      if (lt < ct || (lt === ct && ls < seq[c]!)) break;
      time[i] = ct;
      seq[i] = seq[c]!;
      kinds[i] = kinds[c]!;
      as[i] = as[c]!;
      bs[i] = bs[c]!;
      i = c;
    }
    time[i] = lt;
    seq[i] = ls;
    kinds[i] = kinds[n]!;
    as[i] = as[n]!;
    bs[i] = bs[n]!;
    return true;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.size === 0 ? Infinity : this.time[0]!;
  }

  private grow(): void {
    const n = this.time.length * 2;
    const grow = <T extends Float64Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(n);
      next.set(old);
      return next;
    };
    this.time = grow(this.time, (k) => new Float64Array(k));
    this.seq = grow(this.seq, (k) => new Float64Array(k));
    this.kinds = grow(this.kinds, (k) => new Int32Array(k));
    this.as = grow(this.as, (k) => new Int32Array(k));
    this.bs = grow(this.bs, (k) => new Int32Array(k));
  }
}
