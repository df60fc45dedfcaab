import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../../src-main/sim/engine/rng';
import { simulateStock, type StockParams } from '../../../src-main/sim/inventory/stockCounter';

const sale = (over: Partial<StockParams>): StockParams => ({
  stock: 10_000,
  update: 'atomic',
  gapSec: 0.06,
  ttlSec: 300,
  abandonRate: 0,
  shards: 1,
  paymentDelaySec: 0.35,
  ...over,
});
const steady = (ratePerSec: number, seconds: number): Float64Array => new Float64Array(seconds).fill(ratePerSec);
const stream = (seed: number): RandomStream => new RandomStream(seed, 'stock');

/*
 * Expected oversell with read-then-write, no returns, demand lasting past the sell-out:
 * buyers who read during one gap g read the same count and write back the same value,
 * so a "read group" is its first buyer plus everyone arriving in the next g seconds:
 * 1 + Poisson(λg) buyers, all granted a unit, lowering the count by one. The count
 * reaches zero after exactly `stock` groups, so reserved = stock + Σ Poisson(λg) over
 * `stock` groups: E[oversold] = stock·λ·g, with standard deviation sqrt(stock·λ·g).
 */
const expectedOversold = (stock: number, rate: number, gapSec: number): { mean: number; sd: number } => ({ mean: stock * rate * gapSec, sd: Math.sqrt(stock * rate * gapSec) });

describe('stock counter', () => {
  it('atomic updates never oversell, even at 500,000 attempts/s', () => {
    for (const shards of [1, 8]) {
      const f = simulateStock(sale({ stock: 100_000, shards, abandonRate: 0.1 }), steady(500_000, 600), 1, stream(shards), 0.05);
      expect(f.oversold).toBe(0);
      expect(f.sold + f.pendingReservations).toBeLessThanOrEqual(100_000);
      expect(f.soldOutAnswers).toBeGreaterThan(0);
    }
  });

  it('read-then-write oversells about stock x rate x gap when rate x gap >> 1', () => {
    // 1,000 buyers/s, 60 ms gap: 60 buyers share each read, the count falls once per gap.
    const f = simulateStock(sale({ update: 'readThenWrite', gapSec: 0.06 }), steady(1000, 900), 1, stream(1));
    const e = expectedOversold(10_000, 1000, 0.06);
    expect(Math.abs(f.oversold - e.mean)).toBeLessThan(4 * e.sd + 0.01 * e.mean);
    expect(f.oversold).toBeGreaterThan(50 * f.stock);
  });

  it('read-then-write (almost) never oversells when rate x gap << 1, as the same formula says', () => {
    // 5 buyers/s, 1 ms gap: lambda*g = 0.005, so about 5 of 1,000 units, averaged over seeds.
    const runs = Array.from({ length: 40 }, (_, seed) => simulateStock(sale({ stock: 1000, update: 'readThenWrite', gapSec: 0.001 }), steady(5, 400), 1, stream(seed)).oversold);
    const mean = runs.reduce((a, b) => a + b, 0) / runs.length;
    const e = expectedOversold(1000, 5, 0.001);
    expect(Math.abs(mean - e.mean)).toBeLessThan((4 * e.sd) / Math.sqrt(runs.length));
    expect(Math.max(...runs)).toBeLessThan(0.03 * 1000);
  });

  it('expired reservations and failed payments return stock: sold + remaining = stock once nothing is pending', () => {
    // 100 attempts/s sell 10,000 units in ~100 s; 10 % are abandoned (back after 300 s), 5 % fail at payment.
    const rates = new Float64Array(1200);
    rates.fill(100, 0, 600);
    const f = simulateStock(sale({ abandonRate: 0.1 }), rates, 1, stream(3), 0.05);
    expect(f.returnedByExpiry).toBeGreaterThan(800);
    expect(f.returnedByFailedPayment).toBeGreaterThan(300);
    expect(f.pendingReservations).toBe(0);
    expect(f.sold + f.remaining).toBe(10_000);
    // While demand lasted, returned units were sold again.
    expect(f.sold).toBeGreaterThan(10_000 - (f.returnedByExpiry + f.returnedByFailedPayment) / 2);
    expect(f.reserved).toBe(f.sold + f.returnedByExpiry + f.returnedByFailedPayment);
  });

  it('units that expire after demand stops stay in stock', () => {
    const rates = new Float64Array(900);
    rates.fill(50, 0, 100); // 5,000 attempts for 10,000 units, then nobody
    const f = simulateStock(sale({ abandonRate: 0.2 }), rates, 1, stream(4));
    expect(f.soldOutAtSec).toBeNull();
    expect(f.pendingReservations).toBe(0);
    expect(f.sold + f.remaining).toBe(10_000);
    expect(f.remaining).toBeGreaterThan(5000);
  });

  it('the same seed gives the same figures; another seed does not', () => {
    const p = sale({ update: 'readThenWrite', gapSec: 0.01, abandonRate: 0.1 });
    const run = (seed: number) => simulateStock(p, steady(300, 600), 1, stream(seed), 0.02);
    expect(run(7)).toEqual(run(7));
    expect(run(8)).not.toEqual(run(7));
  });

  it("a sale of 100,000 units at 1,000 attempts/s sells nearly all of it (its run time is the bench's stockSaleMs)", () => {
    for (const update of ['atomic', 'readThenWrite'] as const) {
      const p = sale({ stock: 100_000, update, gapSec: 0.001, abandonRate: 0.1 });
      const f = simulateStock(p, steady(1000, 3600), 1, stream(1), 0.02);
      expect(f.sold).toBeGreaterThan(90_000);
    }
  });
});
