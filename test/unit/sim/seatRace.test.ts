import { describe, expect, it } from 'vitest';
import { runSeatRace, type SeatRaceConfig, type SeatStrategy } from '../../../src-main/sim/contention/seatRace';
import { DATABASE } from '../../../src-main/experiments/scenarioComponents';

const race = (over: Partial<SeatRaceConfig>, seed: number) =>
  runSeatRace(
    { buyers: 200, stock: 50, arrivalWindowSec: 10, strategy: 'readThenWrite', thinkMs: 20, connections: 20, lockTimeoutMs: 2000, maxAttempts: 5, retryBaseMs: 10, statementMs: DATABASE.queryMs, ...over },
    seed,
  );
const SEEDS = Array.from({ length: 30 }, (_, i) => i + 1);

describe('the seat race (buyers against one stock row)', () => {
  it.each(['conditionalUpdate', 'selectForUpdate', 'optimistic'] as SeatStrategy[])('%s never sells a seat twice, across 30 seeds and three crowds', (strategy) => {
    for (const seed of SEEDS) {
      for (const [buyers, stock, window] of [[200, 50, 10], [500, 20, 2], [60, 59, 1]] as const) {
        const r = race({ strategy, buyers, stock, arrivalWindowSec: window }, seed);
        expect(r.oversold, `${strategy} seed ${seed}`).toBe(0);
        expect(r.sold).toBeLessThanOrEqual(stock);
        // Every buyer ends somewhere: a seat, sold out, a lock timeout or giving up.
        expect(r.sold + r.soldOutAnswers + r.lockTimeouts + r.gaveUp).toBe(buyers);
        expect(r.counterAtEnd).toBe(stock - r.sold);
      }
    }
  });

  it('read-then-write oversells under concurrency on every seed, and by about seats × rate × window', () => {
    const oversold = SEEDS.map((seed) => race({}, seed).oversold);
    for (const o of oversold) expect(o).toBeGreaterThan(0);
    // Hand calculation: 50 × 20/s × (20 ms + 28 ms) ≈ 48 seats oversold.
    const mean = oversold.reduce((a, b) => a + b, 0) / oversold.length;
    expect(mean).toBeGreaterThan(38);
    expect(mean).toBeLessThan(62);
  });

  it('read-then-write does not oversell when buyers never overlap', () => {
    // One buyer every 10 s against a 48 ms window: overlaps are vanishingly rare.
    for (const seed of SEEDS.slice(0, 5)) expect(race({ buyers: 20, stock: 10, arrivalWindowSec: 200 }, seed).oversold).toBe(0);
  });

  it('FOR UPDATE serialises the row: throughput stays at 1 / (two statements + app work)', () => {
    const r = race({ strategy: 'selectForUpdate', buyers: 400, stock: 1e9, arrivalWindowSec: 10 }, 3);
    const perSec = r.sold / r.lastAnswerSec;
    const ceiling = 1000 / (2 * DATABASE.meanQueryMs + 20);
    expect(perSec).toBeGreaterThan(ceiling * 0.9);
    expect(perSec).toBeLessThan(ceiling * 1.05);
  });

  it('a lock wait past the timeout fails the buyer with a lock timeout', () => {
    const r = race({ strategy: 'selectForUpdate', buyers: 300, stock: 1e9, arrivalWindowSec: 1, lockTimeoutMs: 200 }, 1);
    expect(r.lockTimeouts).toBeGreaterThan(0);
    expect(r.sold + r.lockTimeouts).toBe(300);
  });

  it('optimistic buyers retry on a conflict and give up after their attempts', () => {
    const one = race({ strategy: 'optimistic', stock: 1e9, buyers: 400, maxAttempts: 1 }, 2);
    expect(one.retries).toBe(0);
    expect(one.gaveUp).toBe(one.conflicts);
    const five = race({ strategy: 'optimistic', stock: 1e9, buyers: 400, maxAttempts: 5 }, 2);
    expect(five.retries).toBeGreaterThan(0);
    expect(five.gaveUp).toBeLessThan(one.gaveUp);
  });

  it('is deterministic for a seed', () => {
    expect(race({ strategy: 'optimistic' }, 7)).toEqual(race({ strategy: 'optimistic' }, 7));
    expect(race({}, 7).timeline).not.toEqual(race({}, 8).timeline);
  });
});
