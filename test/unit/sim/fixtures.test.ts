import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPONENT_KINDS, parseModel, simulate } from '../../../src-main/sim/index';
import { erlangB } from '../../../src-main/sim/theory/index';

const dir = join(import.meta.dirname, '../../fixtures/models');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const load = (file: string) => parseModel(readFileSync(join(dir, file), 'utf8'), file);

describe('example models', () => {
  it('there is one example per component kind, plus mmc.yaml', () => {
    for (const kind of COMPONENT_KINDS) expect(files).toContain(`${kind}.yaml`);
    expect(files).toContain('mmc.yaml');
  });

  for (const file of files) {
    it(`${file} validates and runs at both levels (horizon only where a kind needs it)`, () => {
      const model = load(file);
      // Virtual queues and inventories exist at the horizon level only; asking for a request-level run says so.
      const horizonOnly = Object.values(model.components).some((c) => c.kind === 'virtualQueue' || c.kind === 'inventory');
      if (horizonOnly) expect(() => simulate(model, { seed: 1, level: 'request' })).toThrow(/horizon level only/);
      for (const level of horizonOnly ? (['horizon'] as const) : (['request', 'horizon'] as const)) {
        const r = simulate(model, { seed: 1, level });
        expect(r.status).toBe('complete');
        if (r.status !== 'complete') continue;
        expect(r.totals.userRequests).toBeGreaterThan(0);
        expect(r.totals.throughputPerSec).toBeGreaterThan(0);
      }
    });
  }

  it('mmc.yaml shows Erlang C beside the measured station', () => {
    const r = simulate(load('mmc.yaml'), { seed: 1 });
    if (r.status !== 'complete') throw new Error('cancelled');
    const station = r.components[0]!;
    expect(station.theory?.model).toBe('M/M/c (Erlang C)');
    expect(Math.abs(station.meanSojournMs / station.theory!.meanSojournMs! - 1)).toBeLessThan(0.1);
  });

  it('the WebSocket gateway refuses connections as Erlang B predicts', () => {
    const r = simulate(load('websocketGateway.yaml'), { seed: 2 });
    if (r.status !== 'complete') throw new Error('cancelled');
    const g = r.components[0]!;
    // Each of 2 instances: 500 places, 15/s x 40 s = 600 Erlangs offered.
    const expected = erlangB(500, 600);
    expect(Math.abs(g.rejected / g.arrivals - expected)).toBeLessThan(0.02);
    expect(g.theory?.blockingProbability).toBeCloseTo(expected, 3);
  });

  it('the rate limiter passes about ratePerSec and rejects the rest', () => {
    const r = simulate(load('rateLimiter.yaml'), { seed: 1 });
    if (r.status !== 'complete') throw new Error('cancelled');
    const app = r.components.find((c) => c.id === 'app')!;
    expect(Math.abs(app.arrivalRatePerSec / 100 - 1)).toBeLessThan(0.02);
  });

  it('a stream caps its consumers at one message per partition', () => {
    const r = simulate(load('stream.yaml'), { seed: 1 });
    if (r.status !== 'complete') throw new Error('cancelled');
    expect(r.components.find((c) => c.id === 'consumers')!.connectionsInUse).toBeLessThanOrEqual(4);
  });

  it('row locks make checkout wait while browse does not', () => {
    const r = simulate(load('postgres.yaml'), { seed: 1 });
    if (r.status !== 'complete') throw new Error('cancelled');
    const checkout = r.workloads.find((w) => w.id === 'checkout')!;
    const browse = r.workloads.find((w) => w.id === 'browse')!;
    expect(checkout.p95Ms).toBeGreaterThan(browse.p95Ms);
  });

  it('a pub/sub topic delivers fanout messages per publish', () => {
    const r = simulate(load('pubsub.yaml'), { seed: 1 });
    if (r.status !== 'complete') throw new Error('cancelled');
    const w = r.workloads[0]!;
    expect(Math.abs(w.asyncCompleted / w.userRequests - 3)).toBeLessThan(0.05);
  });

  it('autoscaled workers add instances under the spike', () => {
    const r = simulate(load('workerPool.yaml'), { seed: 1 });
    if (r.status !== 'complete') throw new Error('cancelled');
    const workers = r.components.find((c) => c.id === 'workers')!;
    expect(Math.max(...workers.series.instances)).toBeGreaterThan(2);
  });
});
