import { describe, expect, it } from 'vitest';
import {
  betterOf,
  betterShown,
  formatMeasured,
  formatTargetShort,
  betterTerm,
  diffDesigns,
  diffWires,
  formatTarget,
  pairTerms,
  runLabels,
  termName,
  peakOf,
  queueMatters,
  allZero,
  worstWorkload,
} from '../../../src-renderer/scenarios/runFigures';
import { hourTicks, logTicks, minuteTicks, readsInMinutes } from '../../../src-renderer/charts/axes';
import type { Design, TermVerdict } from '../../../src-main/api/contract';

const sp = '\u00a0';

describe('time axis ticks', () => {
  it('reads a widget run longer than ten minutes in whole minutes, never as "1200 s"', () => {
    expect(readsInMinutes(0, 600)).toBe(false);
    expect(readsInMinutes(0, 1200)).toBe(true);
    expect(minuteTicks(0, 1200, 8)).toEqual([0, 300, 600, 900, 1200]);
    expect(minuteTicks(0, 3600, 8)).toEqual([0, 600, 1200, 1800, 2400, 3000, 3600]);
    expect(minuteTicks(30, 1000, 4).every((t) => t % 60 === 0 && t >= 30 && t <= 1000)).toBe(true);
    expect(minuteTicks(0, 7200, 3).length).toBeLessThanOrEqual(3);
  });

  it('puts hour ticks on round steps, never more than asked', () => {
    expect(hourTicks(0, 24 * 3600, 8)).toEqual([0, 4, 8, 12, 16, 20, 24].map((h) => h * 3600));
    expect(hourTicks(0, 24 * 3600, 13)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24].map((h) => h * 3600));
    expect(hourTicks(0, 3 * 3600, 7)).toEqual([0, 1800, 3600, 5400, 7200, 9000, 10800]);
    expect(hourTicks(0, 600, 3)).toEqual([0, 300, 600]);
    for (const [hi, n] of [[7 * 3600, 5], [50 * 3600, 6], [123, 2], [86400 * 30, 4]] as const) {
      const ticks = hourTicks(0, hi, n);
      expect(ticks.length).toBeLessThanOrEqual(n);
      expect(ticks.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('starts at the first round step inside the domain', () => {
    expect(hourTicks(1000, 4 * 3600, 5)).toEqual([3600, 7200, 10800, 14400]);
  });

  it('survives an empty or backwards domain', () => {
    expect(hourTicks(0, 0, 5)).toEqual([0]);
    expect(hourTicks(10, 5, 5)).toEqual([10]);
  });
});

describe('contract targets', () => {
  it('words the target', () => {
    expect(formatTarget({ comparison: 'min', target: 99.9, unit: '%' })).toBe(`at least 99.9${sp}%`);
    expect(formatTarget({ comparison: 'max', target: 160, unit: 'ms' })).toBe(`at most 160${sp}ms`);
  });

  it('says "none" where nothing at all is allowed, not "at most 0 units"', () => {
    expect(formatTarget({ comparison: 'max', target: 0, unit: 'units' })).toBe('none');
    expect(formatTargetShort({ comparison: 'max', target: 0, unit: 'times' })).toBe('none');
    expect(formatTargetShort({ comparison: 'min', target: 0, unit: 'units' })).toBe(`≥${sp}0${sp}units`);
  });
});

const term = (name: string, comparison: 'min' | 'max', measured: number, unit = 'ms'): TermVerdict => ({
  term: name,
  comparison,
  measured,
  target: 0,
  unit,
  pass: true,
});

describe('two attempts', () => {
  it('knows which side is better by the term direction', () => {
    expect(betterOf(1, 2, true)).toBe('b');
    expect(betterOf(1, 2, false)).toBe('a');
    expect(betterOf(3, 3, false)).toBe('same');
    expect(betterOf(Number.NaN, 3, false)).toBe('b');
    expect(betterTerm(term('p95', 'max', 120), term('p95', 'max', 180))).toBe('a');
    expect(betterTerm(term('uptime', 'min', 99.5, '%'), term('uptime', 'min', 99.95, '%'))).toBe('b');
  });

  it('does not call a figure better when both sides read the same', () => {
    // 57.31 % and 57.34 % both print "57.3 %": neither is better to the reader.
    expect(betterShown(57.31, 57.34, '%', true)).toBe('same');
    expect(betterShown(57.3, 58.3, '%', true)).toBe('b');
    expect(betterTerm(term('dupes', 'max', 0, 'times'), term('dupes', 'max', 0, 'times'))).toBe('same');
    expect(betterTerm(term('p95', 'max', 58.47, 'ms'), term('p95', 'max', 58.49, 'ms'))).toBe('same');
  });

  it('pairs terms by name, keeping the ones only one side has', () => {
    const rows = pairTerms([term('uptime', 'min', 1), term('p95', 'max', 2)], [term('p95', 'max', 3), term('extra', 'max', 4)]);
    expect(rows.map((r) => [r.key, r.a?.measured ?? null, r.b?.measured ?? null])).toEqual([
      ['uptime|min', 1, null],
      ['p95|max', 2, 3],
      ['extra|max', null, 4],
    ]);
  });

});

const design = (components: Design['components'], wires: Design['wires'] = []): Design => ({
  format: 'backpressure-design',
  version: 1,
  scenarioId: 's',
  components,
  wires,
  policies: {},
});

describe('design differences', () => {
  it('lists added, removed and changed components', () => {
    const a = design([
      { id: 'api', kind: 'server', x: 0, y: 0, instances: 2, options: { threads: 8 } },
      { id: 'db', kind: 'postgres', x: 0, y: 0, instances: 1, options: {} },
    ] as Design["components"]);
    const b = design([
      { id: 'api', kind: 'server', label: 'API', x: 9, y: 9, instances: 4, options: { threads: 16, pool: true } },
      { id: 'cache', kind: 'redisCache', x: 0, y: 0, instances: 1, options: {} },
    ] as Design["components"]);
    const changes = diffDesigns(a, b);
    expect(changes.map((c) => [c.change, c.id])).toEqual([
      ['removed', 'db'],
      ['changed', 'api'],
      ['added', 'cache'],
    ]);
    const changed = changes.find((c) => c.change === 'changed');
    expect(changed && changed.change === 'changed' ? changed.details : []).toEqual(['instances 2 → 4', 'pool default → on', 'threads 8 → 16']);
    expect(changed?.label).toBe('API');
  });

  it('names options by their palette labels when it has them', () => {
    const a = design([{ id: 'db', kind: 'postgres', x: 0, y: 0, instances: 1, options: { pool: 20, mode: 'rtw' } }] as Design['components']);
    const b = design([{ id: 'db', kind: 'postgres', x: 0, y: 0, instances: 1, options: { pool: 60, mode: 'atomic' } }] as Design['components']);
    const palette = [
      {
        kind: 'postgres',
        options: [
          { key: 'pool', label: 'Connection pool', help: '', type: 'number' as const, unit: 'connections', min: 1, max: 100, step: 1, default: 20 },
          { key: 'mode', label: 'Stock update', help: '', type: 'choice' as const, choices: [{ value: 'rtw', label: 'read then write' }, { value: 'atomic', label: 'atomic' }], default: 'rtw' },
        ],
      },
    ];
    const changed = diffDesigns(a, b, palette)[0];
    expect(changed?.change === 'changed' ? changed.details : []).toEqual(['Stock update read then write → atomic', `Connection pool 20${sp}connections → 60${sp}connections`]);
  });

  it('ignores moves on the canvas and reports wires', () => {
    const c = { id: 'api', kind: 'server', x: 0, y: 0, instances: 1, options: {} } as Design['components'][number];
    expect(diffDesigns(design([c]), design([{ ...c, x: 50 }]))).toEqual([]);
    const w = diffWires(design([], [{ from: 'users', to: 'api', workloads: [] }]), design([], [{ from: 'users', to: 'lb', workloads: [] }]));
    expect(w).toEqual({ added: ['users → lb'], removed: ['users → api'] });
  });
});

describe('series', () => {
  it('finds the peak past gaps and decides whether a queue matters', () => {
    expect(peakOf([null, 3, null, 7, 2])).toBe(7);
    expect(peakOf([null, null])).toBeNull();
    expect(queueMatters([0, 0.2, 0.4], 'queue')).toBe(false);
    expect(queueMatters([0, 3, 0], 'queue')).toBe(true);
    expect(queueMatters([0, 3, 0], 'server')).toBe(false);
    expect(queueMatters([0, 130_800, 0], 'server')).toBe(true);
    expect(allZero([[0, null], [0]])).toBe(true);
    expect(allZero([[0, 0.01]])).toBe(false);
  });
});

describe('log ticks', () => {
  it('uses powers of ten over several decades and adds 2× and 5× over fewer', () => {
    expect(logTicks(30, 200_000)).toEqual([100, 1000, 10_000, 100_000]);
    expect(logTicks(30, 900)).toEqual([50, 100, 200, 500]);
    expect(logTicks(0, 10)).toEqual([]);
  });
});

describe('names and edge figures', () => {
  it('capitalises term names but not p95', () => {
    expect(termName('uptime')).toBe('Uptime');
    expect(termName('p95 latency')).toBe('p95 latency');
  });

  it('names kinds from the palette, else in words', () => {
    const labels = runLabels({ workloads: [], fixed: [{ id: 'payments', label: 'Payment provider' }], drills: [], lessons: [], palette: [{ kind: 'redisCache', label: 'Redis cache' }] }, null);
    expect(labels.kind('redisCache')).toBe('Redis cache');
    expect(labels.kind('workerPool')).toBe('Worker pool');
    expect(labels.component('payments')).toBe('Payment provider');
    expect(labels.drill(null)).toBeNull();
    expect(labels.drill('payments-slow')).toBe('Payments slow');
  });
});

describe('the workload a run opens on', () => {
  it('is the one the users fared worst in', () => {
    const w = (id: string, uptimePct: number, p95Ms: number) => ({ id, uptimePct, p95Ms });
    expect(worstWorkload([w('browse', 99.99, 40), w('checkout', 62, 9000), w('login', 99.5, 80)], 160)).toBe('checkout');
    // Equal uptime: the one whose p95 broke the contract.
    expect(worstWorkload([w('browse', 100, 40), w('login', 100, 400)], 160)).toBe('login');
    // All well: the first, not one picked by a latency under the contract.
    expect(worstWorkload([w('browse', 100, 40), w('login', 100, 90)], 160)).toBe('browse');
    expect(worstWorkload([], 160)).toBeNull();
  });
});

describe('a term without a figure', () => {
  it('says why in words, never a bare dash', () => {
    // Infinity crosses JSON as null: a p99 of admitted buyers when nobody was admitted.
    const none = { ...term('Reservation p99 once admitted', 'max', null as unknown as number), unmeasured: 'nobody was admitted' };
    expect(formatMeasured(none)).toBe('nobody was admitted');
    expect(formatMeasured(term('p95', 'max', Infinity))).toBe('not measured');
    expect(formatMeasured(term('p95', 'max', 12))).toBe('12\u00a0ms');
  });
});
