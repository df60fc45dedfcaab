import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../../src-main/sim/engine/rng';
import { quantileSorted, summarise, summariseInPlace } from '../../../src-main/sim/metrics';

describe('percentiles by selection', () => {
  it('in place on a sub-range gives what a sorted copy gives, and leaves the rest alone', () => {
    const rng = new RandomStream(9, 's');
    for (const n of [1, 2, 3, 10, 101, 5000]) {
      const values = Float64Array.from({ length: n + 20 }, () => Math.floor(rng.next() * 50) / 7);
      const from = 7;
      const to = 7 + n;
      const sorted = values.slice(from, to).sort();
      const copy = summarise(values, from, to);
      const outside = [...values.slice(0, from), ...values.slice(to)];
      const inPlace = summariseInPlace(values, from, to);
      expect(inPlace).toEqual(copy);
      for (const [p, v] of [[0.5, inPlace.p50], [0.95, inPlace.p95], [0.99, inPlace.p99]] as const) expect(v).toBe(quantileSorted(sorted, p));
      expect([...values.slice(0, from), ...values.slice(to)]).toEqual(outside);
    }
  });
});
