/**
 * Units due back to stock, as (time, count) batches in time order. Every
 * batch of one queue is pushed with the same delay after its reservation, so
 * pushes arrive in time order and a FIFO is enough (no heap). A batch due
 * within MERGE_SEC of the last one joins it (returning up to that much
 * early), so the work stays bounded by time, not by reservations.
 */
const MERGE_SEC = 1;

export class ReturnQueue {
  private times = new Float64Array(16);
  private counts = new Float64Array(16);
  private head = 0;
  private tail = 0;

  get empty(): boolean {
    return this.head === this.tail;
  }

  /** Time of the next batch, Infinity when none. */
  get nextTime(): number {
    return this.head < this.tail ? this.times[this.head]! : Infinity;
  }

  push(time: number, count: number): void {
    if (count <= 0) return;
    if (this.tail > this.head && time - this.times[this.tail - 1]! < MERGE_SEC) {
      this.counts[this.tail - 1]! += count;
      return;
    }
    if (this.tail === this.times.length) this.grow();
    this.times[this.tail] = time;
    this.counts[this.tail] = count;
    this.tail++;
  }

  /** Removes the next batch and returns its count. */
  pop(): number {
    return this.counts[this.head++]!;
  }

  /** Units in batches not yet due. */
  pending(): number {
    let sum = 0;
    for (let i = this.head; i < this.tail; i++) sum += this.counts[i]!;
    return sum;
  }

  private grow(): void {
    // Compact what was consumed, then double if still full.
    const live = this.tail - this.head;
    const size = live * 2 > this.times.length ? this.times.length * 2 : this.times.length;
    const times = new Float64Array(size);
    const counts = new Float64Array(size);
    times.set(this.times.subarray(this.head, this.tail));
    counts.set(this.counts.subarray(this.head, this.tail));
    this.times = times;
    this.counts = counts;
    this.head = 0;
    this.tail = live;
  }
}
