/**
 * The contents of one cache: which keys it holds, in what order they leave.
 * Keys are whole numbers below keyCount, so every structure is a typed array
 * indexed by key: no maps, no allocation per request.
 *
 * LRU and FIFO share a doubly linked list (head = newest); LRU moves a key to
 * the head on each hit, FIFO does not. LFU keeps a min-heap on (hits, last
 * use) so the least used key leaves first and ties go to the least recent.
 * A TTL makes an entry miss once it is older than ttlSec since it was filled.
 */
import type { Eviction } from '../plan';

const NONE = -1;

export class CacheStore {
  size = 0;
  private declare readonly present: Uint8Array;
  private declare readonly filledAt: Float64Array;
  // Linked list (LRU, FIFO).
  private declare readonly prev: Int32Array;
  private declare readonly next: Int32Array;
  private head = NONE;
  private tail = NONE;
  // Min-heap (LFU).
  private declare readonly heap: Int32Array;
  private declare readonly heapPos: Int32Array;
  private declare readonly uses: Float64Array;
  private declare readonly lastUse: Float64Array;
  private useClock = 0;

  constructor(
    private readonly capacity: number,
    keyCount: number,
    private readonly eviction: Eviction,
    private readonly ttlSec: number,
  ) {
    this.present = new Uint8Array(keyCount);
    this.filledAt = new Float64Array(Number.isFinite(ttlSec) ? keyCount : 0);
    const listed = eviction !== 'lfu';
    this.prev = new Int32Array(listed ? keyCount : 0);
    this.next = new Int32Array(listed ? keyCount : 0);
    this.heap = new Int32Array(listed ? 0 : capacity);
    this.heapPos = new Int32Array(listed ? 0 : keyCount);
    this.uses = new Float64Array(listed ? 0 : keyCount);
    this.lastUse = new Float64Array(listed ? 0 : keyCount);
  }

  /** Is the key here and fresh? Counts as a use for LRU and LFU. */
  lookup(key: number, nowSec: number): boolean {
    if (this.present[key] === 0) return false;
    if (this.filledAt.length > 0 && nowSec - this.filledAt[key]! >= this.ttlSec) {
      this.remove(key);
      return false;
    }
    if (this.eviction === 'lru') this.moveToHead(key);
    else if (this.eviction === 'lfu') {
      this.uses[key] = this.uses[key]! + 1;
      this.lastUse[key] = this.useClock++;
      this.siftDown(this.heapPos[key]!);
    }
    return true;
  }

  /** Puts a key in (after a miss was served from the source), evicting if full. */
  fill(key: number, nowSec: number): void {
    if (this.capacity <= 0) return;
    if (this.filledAt.length > 0) this.filledAt[key] = nowSec;
    if (this.present[key] === 1) return;
    if (this.size >= this.capacity) this.evictOne();
    this.present[key] = 1;
    this.size++;
    if (this.eviction === 'lfu') {
      this.uses[key] = 1;
      this.lastUse[key] = this.useClock++;
      const i = this.size - 1;
      this.heap[i] = key;
      this.heapPos[key] = i;
      this.siftUp(i);
    } else {
      this.linkAtHead(key);
    }
  }

  private evictOne(): void {
    if (this.eviction === 'lfu') this.remove(this.heap[0]!);
    else this.remove(this.tail);
  }

  private remove(key: number): void {
    this.present[key] = 0;
    this.size--;
    if (this.eviction === 'lfu') {
      const i = this.heapPos[key]!;
      const last = this.heap[this.size]!;
      if (i !== this.size) {
        this.heap[i] = last;
        this.heapPos[last] = i;
        this.siftDown(i);
        this.siftUp(this.heapPos[last]!);
      }
    } else {
      this.unlink(key);
    }
  }

  private linkAtHead(key: number): void {
    this.prev[key] = NONE;
    this.next[key] = this.head;
    if (this.head !== NONE) this.prev[this.head] = key;
    this.head = key;
    if (this.tail === NONE) this.tail = key;
  }

  private unlink(key: number): void {
    const p = this.prev[key]!;
    const n = this.next[key]!;
    if (p !== NONE) this.next[p] = n;
    else this.head = n;
    if (n !== NONE) this.prev[n] = p;
    else this.tail = p;
  }

  private moveToHead(key: number): void {
    if (this.head === key) return;
    this.unlink(key);
    this.linkAtHead(key);
  }

  private less(a: number, b: number): boolean {
    const ua = this.uses[a]!;
    const ub = this.uses[b]!;
    return ua < ub || (ua === ub && this.lastUse[a]! < this.lastUse[b]!);
  }

  private siftUp(i: number): void {
    const heap = this.heap;
    const key = heap[i]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = heap[p]!;
      if (!this.less(key, pk)) break;
      heap[i] = pk;
      this.heapPos[pk] = i;
      i = p;
    }
    heap[i] = key;
    this.heapPos[key] = i;
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    const n = this.size;
    const key = heap[i]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.less(heap[c + 1]!, heap[c]!)) c++;
      const ck = heap[c]!;
      if (!this.less(ck, key)) break;
      heap[i] = ck;
      this.heapPos[ck] = i;
      i = c;
    }
    heap[i] = key;
    this.heapPos[key] = i;
  }
}
