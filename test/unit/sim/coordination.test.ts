import { describe, expect, it } from 'vitest';
import { runCoordination, type CoordinationConfig } from '../../../src-main/sim/contention/coordination';
import { DATABASE } from '../../../src-main/experiments/scenarioComponents';
import type { RandomStream } from '../../../src-main/sim/engine/rng';

const chargeMs = (rng: RandomStream) => 200 + 300 * rng.next();
const orders = (over: Partial<CoordinationConfig>, seed: number) =>
  runCoordination({ ordersPerSec: 20, durationSec: 120, seats: 20, protocol: 'twoPhase', crashAtSec: 60, downSec: 30, declineRate: 0.02, statementMs: DATABASE.queryMs, chargeMs, ...over }, seed);

describe('two-phase commit against a saga when the coordinator crashes', () => {
  it('2PC leaves prepared rows locked until the coordinator returns; a saga never holds a lock past one statement', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const twoPhase = orders({}, seed);
      const saga = orders({ protocol: 'saga' }, seed);
      expect(twoPhase.stalled).toBeGreaterThan(0);
      expect(twoPhase.longestLockSec).toBeGreaterThan(25);
      expect(twoPhase.longestLockSec).toBeLessThan(31);
      expect(twoPhase.blockedSeatSec).toBeGreaterThan(0);
      expect(twoPhase.inconsistentSeatSec).toBe(0);
      expect(saga.longestLockSec).toBeLessThan(0.06);
      // At most the statements that were running when it crashed.
      expect(saga.blockedSeatSec).toBeLessThan(0.5);
      expect(saga.inconsistentSeatSec).toBeGreaterThan(saga.completed * 0.2);
    }
  });

  it('catches about orders/s × (charge + decision log) orders mid-way (Little), and refuses the outage’s arrivals', () => {
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const mean = seeds.reduce((sum, seed) => sum + orders({}, seed).stalled, 0) / seeds.length;
    const theory = 20 * (0.35 + DATABASE.meanQueryMs / 1000);
    expect(mean).toBeGreaterThan(theory * 0.7);
    expect(mean).toBeLessThan(theory * 1.3);
    const r = orders({}, 1);
    expect(r.refused).toBeGreaterThan(20 * 30 * 0.8);
    expect(r.refused).toBeLessThan(20 * 30 * 1.2);
    expect(r.completed + r.declined + r.refused).toBe(r.orders);
  });

  it('without a crash nothing stalls and every order ends', () => {
    const r = orders({ crashAtSec: 1e9 }, 2);
    expect(r.stalled).toBe(0);
    expect(r.refused).toBe(0);
    expect(r.completed + r.declined).toBe(r.orders);
  });

  it('is deterministic for a seed', () => {
    expect(orders({ protocol: 'saga' }, 4)).toEqual(orders({ protocol: 'saga' }, 4));
  });
});
