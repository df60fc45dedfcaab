import { describe, expect, it } from 'vitest';
import { runSeatHolds, type SeatHoldsConfig } from '../../../src-main/sim/contention/seatHolds';

const sale = (over: Partial<SeatHoldsConfig>, seed: number) =>
  runSeatHolds({ seats: 100, buyers: 300, saleSec: 600, strategy: 'hold', holdTtlSec: 600, abandonRate: 0.3, payMeanSec: 120, connections: 20, requestTimeoutSec: 30, ...over }, seed);

describe('seat holds with a TTL against a row lock through payment', () => {
  it('never sells more seats than exist, and every seat ends sold or free', () => {
    for (let seed = 1; seed <= 20; seed++) {
      for (const strategy of ['hold', 'lock'] as const) {
        for (const holdTtlSec of [30, 120, 600]) {
          const r = sale({ strategy, holdTtlSec }, seed);
          expect(r.sold).toBeLessThanOrEqual(100);
          expect(r.sold + r.unsold).toBe(100);
        }
      }
    }
  });

  it('a TTL longer than the rest of the sale sells about seats × paying share (abandoned seats return after it)', () => {
    const sold = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => sale({}, seed).sold);
    const mean = sold.reduce((a, b) => a + b, 0) / sold.length;
    expect(mean).toBeGreaterThan(64);
    expect(mean).toBeLessThan(76);
  });

  it('a shorter TTL sells more seats but loses slow paying buyers', () => {
    const long = sale({ holdTtlSec: 600 }, 3);
    const short = sale({ holdTtlSec: 120 }, 3);
    expect(short.sold).toBeGreaterThan(long.sold);
    expect(short.expiredBeforePaying).toBeGreaterThan(long.expiredBeforePaying);
    expect(long.expiredBeforePaying).toBeLessThanOrEqual(2);
  });

  it('a lock through payment caps checkouts at the pool: buyers time out waiting for a connection and fewer seats sell', () => {
    const held = sale({ strategy: 'hold' }, 5);
    const locked = sale({ strategy: 'lock' }, 5);
    expect(held.connectionTimeouts).toBe(0);
    expect(locked.connectionTimeouts).toBeGreaterThan(100);
    expect(locked.sold).toBeLessThan(held.sold);
  });

  it('is deterministic for a seed', () => {
    expect(sale({ strategy: 'lock' }, 9)).toEqual(sale({ strategy: 'lock' }, 9));
  });
});
