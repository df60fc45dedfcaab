import { describe, expect, it } from 'vitest';
import { grade, simulate, validateModel, type ModelInput } from '../../../src-main/sim/index';
import { run } from './helpers';

/** A 20-second burst of 50,000 joins/s at a gate admitting 1,000 buyers/s, then checkout and the stock counter. */
function flashSale(gate: Record<string, unknown>, options: { retry?: boolean; update?: 'atomic' | 'readThenWrite' } = {}): ModelInput {
  return {
    name: 'flash sale',
    traffic: { baselineRatePerSec: 1, ratePerSec: 50_000, shape: 'spike', startSec: 120, holdSec: 20, durationSec: 1500 },
    components: {
      gateway: { kind: 'loadBalancer', concurrency: 100_000 },
      gate: gate as { kind: 'virtualQueue' },
      checkout: { kind: 'server', instances: 4, concurrency: 8 },
      stock: { kind: 'inventory', stock: 10_000, update: options.update ?? 'atomic' },
    },
    workloads: {
      buy: { path: ['gateway', 'gate', 'checkout', 'stock'], ...(options.retry ? { retry: { policy: 'fixed', maxAttempts: 3 } } : {}) },
    },
  };
}

const component = (r: ReturnType<typeof run>, id: string) => r.components.find((c) => c.id === id)!;

describe('flash sale: a virtual queue against a rate limiter', () => {
  const queued = run(flashSale({ kind: 'virtualQueue', admitPerSec: 1000 }), 1, 'horizon');

  it('the hops after the gate never see more than ~1,000 buyers/s, and keep seeing them while the line drains', () => {
    const arrivals = component(queued, 'checkout').series.arrivalsPerSec;
    expect(Math.max(...arrivals)).toBeLessThanOrEqual(1000 * 1.001);
    expect(Math.max(...arrivals)).toBeGreaterThan(990);
    // ~980,000 wait after the burst; at 1,000/s the line lasts until ~1,120 s.
    const at = (sec: number): number => arrivals[Math.floor((sec / 1500) * arrivals.length)]!;
    expect(at(800)).toBeGreaterThan(990);
    expect(at(1300)).toBeLessThan(10);
  });

  it('joins are answered in a few milliseconds, and nobody is refused', () => {
    const w = queued.workloads[0]!;
    expect(w.p99Ms).toBeLessThan(5);
    expect(w.uptimePct).toBe(100);
    expect(component(queued, 'gate').rejected).toBe(0);
  });

  it('the queue depth peaks at the backlog: 20 s x (50,000 - 1,000)/s', () => {
    expect(Math.abs(component(queued, 'gate').peakQueueDepth / 980_000 - 1)).toBeLessThan(0.05);
    // Those at the back wait for everyone ahead: minutes, reported as the gate's mean wait.
    expect(component(queued, 'gate').meanWaitMs).toBeGreaterThan(60_000);
  });

  it('the stock sells out at the admission rate, and an atomic counter sells exactly the stock', () => {
    const inv = component(queued, 'stock').inventory!;
    expect(inv.oversold).toBe(0);
    expect(inv.sold + inv.pendingReservations).toBeLessThanOrEqual(10_000);
    // 10,000 units at 1,000 admitted/s: about 10 s after the burst begins.
    expect(inv.soldOutAtSec).toBeGreaterThan(125);
    expect(inv.soldOutAtSec).toBeLessThan(140);
    expect(inv.soldOutAnswers).toBeGreaterThan(900_000);
    expect(component(queued, 'gate').inventory).toBeNull();
  });

  it('a rate limiter instead rejects the burst; with retries the offered load rises', () => {
    const limited = run(flashSale({ kind: 'rateLimiter', ratePerSec: 1000 }), 1, 'horizon');
    const retried = run(flashSale({ kind: 'rateLimiter', ratePerSec: 1000 }, { retry: true }), 1, 'horizon');
    const gate = component(limited, 'gate');
    expect(gate.rejected).toBeGreaterThan(0.9 * 20 * 49_000);
    expect(limited.workloads[0]!.uptimePct).toBeLessThan(50);
    expect(retried.workloads[0]!.offeredLoadPerSec).toBeGreaterThan(2 * limited.workloads[0]!.offeredLoadPerSec);
    expect(component(retried, 'gate').rejected).toBeGreaterThan(2 * gate.rejected);
  });

  it('a read-then-write counter oversells behind the same gate, and the contract says so', () => {
    const racy = run(flashSale({ kind: 'virtualQueue', admitPerSec: 1000 }, { update: 'readThenWrite' }), 1, 'horizon');
    const inv = component(racy, 'stock').inventory!;
    // 1,000/s x 60 ms: ~60 buyers per read, so far more units are sold than exist.
    expect(inv.oversold).toBeGreaterThan(10 * 10_000);
    const contract = { extra: [{ metric: 'oversoldUnits' as const, max: 0 }, { metric: 'soldUnits' as const, component: 'stock', min: 9_000 }] };
    const bad = grade(racy, contract);
    const good = grade(queued, contract);
    expect(bad.pass).toBe(false);
    expect(bad.terms[0]).toMatchObject({ term: 'oversold units', unit: 'units', measured: inv.oversold, pass: false });
    expect(good.pass).toBe(true);
    expect(good.terms[1]).toMatchObject({ term: 'units sold of stock', unit: 'units', pass: true });
  });
});

describe('virtualQueue and inventory in the model language', () => {
  const model = flashSale({ kind: 'virtualQueue' });

  it('default to the horizon level; an explicit request-level run is refused with a clear error', () => {
    const m = validateModel({ ...model, traffic: { ratePerSec: 10, durationSec: 60 } }, 'sale.yaml');
    expect(simulate(m, { seed: 1 }).level).toBe('horizon');
    expect(() => simulate(m, { seed: 1, level: 'request' })).toThrow('virtualQueue and inventory are simulated at the horizon level only');
  });

  it('schema errors name the field', () => {
    const bad = (components: Record<string, unknown>) => () => validateModel({ ...model, components: { ...model.components, ...components } }, 'sale.yaml');
    expect(bad({ stock: { kind: 'inventory', update: 'sometimes' } })).toThrow('sale.yaml: components.stock.update: expected one of: atomic, readThenWrite, got "sometimes"');
    expect(bad({ stock: { kind: 'inventory', abandonRate: 2 } })).toThrow('components.stock.abandonRate: expected a fraction from 0 to 1');
    expect(bad({ stock: { kind: 'inventory', shards: 0 } })).toThrow('components.stock.shards: expected a whole number from 1 to 1,000');
    expect(bad({ stock: { kind: 'inventory', instances: 2 } })).toThrow('components.stock.instances: unknown field');
    expect(bad({ gate: { kind: 'virtualQueue', admitPerSec: 0 } })).toThrow('components.gate.admitPerSec: expected users per second greater than 0');
    expect(bad({ gate: { kind: 'virtualQueue', maxWaiting: -1 } })).toThrow('components.gate.maxWaiting: expected a whole number');
  });

  it('a path holds at most one virtual queue, before any queue', () => {
    const twice = { ...model, workloads: { buy: { path: ['gateway', 'gate', 'checkout', 'gate'] } } };
    expect(() => validateModel(twice, 'sale.yaml')).toThrow('workloads.buy.path[3]: expected at most one virtualQueue per path');
  });

  it('maxWaiting bounds the line: joins beyond it are rejected', () => {
    const r = run(flashSale({ kind: 'virtualQueue', admitPerSec: 1000, maxWaiting: 100_000 }), 1, 'horizon');
    const gate = component(r, 'gate');
    expect(gate.peakQueueDepth).toBeLessThanOrEqual(100_000);
    expect(gate.rejected).toBeGreaterThan(0.8 * (980_000 - 100_000));
    expect(r.workloads[0]!.uptimePct).toBeLessThan(100);
  });
});
