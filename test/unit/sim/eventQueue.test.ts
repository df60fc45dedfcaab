import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../../src-main/sim/engine/eventQueue';
import { RandomStream } from '../../../src-main/sim/engine/rng';

describe('event queue', () => {
  it('pops in (time, insertion) order through growth and interleaved pops, ties first-scheduled-first', () => {
    const q = new EventQueue(2);
    // Twice on one queue: small (a sorted list), past SORTED_MAX (a heap), drained, and again.
    for (const seed of [1, 2]) checkOrder(q, seed, 20_000);
    // Staying small all along.
    for (const seed of [3, 4]) checkOrder(new EventQueue(4), seed, 40);
  });
});

function checkOrder(q: EventQueue, seed: number, rounds: number): void {
  const rng = new RandomStream(seed, 'q');
  const pending: { at: number; seq: number; a: number }[] = [];
  let seq = 0;
  let popped = 0;
  for (let round = 0; round < rounds; round++) {
    // Coarse times make many ties.
    const at = Math.floor(rng.next() * 50) + Math.floor(round / 10);
    q.schedule(at, round % 7, seq, 3 * seq);
    if (pending.length === 0 || at < pending[0]!.at) expect(q.peekTime()).toBe(at);
    // Kept sorted: after every event at or before `at` (equal times keep insertion order).
    let lo = 0;
    let hi = pending.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pending[mid]!.at <= at) lo = mid + 1;
      else hi = mid;
    }
    pending.splice(lo, 0, { at, seq, a: seq });
    seq++;
    if (rng.next() < 0.45 || round === rounds - 1) {
      const pops = round === rounds - 1 ? pending.length : 1;
      for (let k = 0; k < pops; k++) {
        const want = pending.shift()!;
        expect(q.pop()).toBe(true);
        expect([q.now, q.argA, q.argB, q.kind]).toEqual([want.at, want.a, 3 * want.a, want.seq % 7]);
        popped++;
      }
    }
  }
  expect(q.size).toBe(0);
  expect(q.peekTime()).toBe(Infinity);
  expect(q.pop()).toBe(false);
  expect(popped).toBe(rounds);
}
