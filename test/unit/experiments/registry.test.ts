import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ControlValues } from '../../../src-main/api/contract';
import { ExperimentError, experiments, listExperimentSpecs, runExperiment } from '../../../src-main/experiments/index';
import { EXTREME_CONTROLS } from '../../../bench/boundedRuns';

const defaults = (widget: string): ControlValues => Object.fromEntries(experiments[widget]!.spec.controls.map((c) => [c.id, c.default]));

describe('the experiment registry', () => {
  it('lists every lesson widget, each with labelled controls and metrics', () => {
    expect(listExperimentSpecs().map((s) => s.widget).sort()).toEqual(
      ['cache-aside', 'cache-warming', 'consistent-hashing', 'coordination', 'deadlocks', 'double-booking', 'eviction-race', 'hot-key', 'hot-row', 'locking-vs-optimistic', 'seat-holds', 'stampede', 'write-strategies', 'sync-vs-async', 'burst-backlog', 'retry-storm', 'poison-messages', 'priority-jobs', 'autoscaling-workers'].sort(),
    );
    for (const spec of listExperimentSpecs()) {
      for (const c of spec.controls) {
        expect(c.label).not.toBe('');
        if (c.kind === 'number') expect(c.default).toBeGreaterThanOrEqual(c.min);
        if (c.kind === 'number') expect(c.default).toBeLessThanOrEqual(c.max);
      }
    }
  });

  it.each(Object.keys(experiments))('%s gives identical results for the same seed and different ones for another', (widget) => {
    const a = runExperiment(widget, {}, 11);
    expect(runExperiment(widget, {}, 11)).toEqual(a);
    expect(runExperiment(widget, {}, 12).metrics).not.toEqual(a.metrics);
    expect(a.controls).toEqual(defaults(widget));
    expect(a.summary).toMatch(/\d/);
    for (const s of a.series) expect(s.values.length).toBe(s.timeSec.length);
    // Ratio series hold 0..1; every value line names a series or bar group of this result.
    for (const s of a.series.filter((x) => x.ratio)) for (const v of s.values) expect(v).toBeGreaterThanOrEqual(0), expect(v).toBeLessThanOrEqual(1);
    const named = new Set([...a.series.map((s) => s.id), ...a.bars.map((b) => b.id)]);
    for (const t of a.thresholds) {
      if (t.axis === 'value') expect(named, `${widget}: threshold "${t.label}"`).toContain(t.seriesId);
      else expect(t.seriesId).toBeNull();
    }
  });

  it('refuses an unknown widget, naming the known ones', () => {
    expect(() => runExperiment('cache-asid', {}, 1)).toThrow(ExperimentError);
    expect(() => runExperiment('cache-asid', {}, 1)).toThrow(/^unknown widget "cache-asid" \(known: cache-aside, .*hot-key.*\)$/);
  });

  it('refuses a control out of range, naming the range with its unit and the value got', () => {
    expect(() => runExperiment('cache-aside', { cacheSize: 5 }, 1)).toThrow('cacheSize: expected a number from 10 to 1,000,000 entries, got 5');
  });

  it('refuses a control of the wrong type, an unknown control and a choice not offered', () => {
    expect(() => runExperiment('cache-aside', { keys: '10000' }, 1)).toThrow('keys: expected a number from 100 to 1,000,000 keys, got "10000"');
    expect(() => runExperiment('cache-aside', { size: 5 }, 1)).toThrow(/^size: not a control of cache-aside \(known: keys, cacheSize/);
    expect(() => runExperiment('stampede', { protection: 'mutex' }, 1)).toThrow('protection: expected one of none, lock, coalesce, early-refresh, got "mutex"');
    expect(() => runExperiment('hot-key', { copies: Number.NaN }, 1)).toThrow(ExperimentError);
  });

  it('stays bounded on absurd but allowed controls', () => {
    // How long these take is the bench's experimentExtremeMs; here, that every figure stays finite.
    for (const [widget, controls] of EXTREME_CONTROLS) {
      const r = runExperiment(widget, controls, 1);
      for (const [metric, v] of Object.entries(r.metrics)) expect(Number.isFinite(v), `${widget}: ${metric}`).toBe(true);
    }
  });
});

interface WidgetBlock {
  widget: string;
  predict: { metric: string; choices: { label: string; range: [number, number] }[] };
  controls: ControlValues;
}

/**
 * The choice theory says is right for each widget block, in lesson order, with the theory figure:
 * cache-aside Che 0.676; TTL 2,000 × (1 − Σ p_i·λ_iτ/(1+λ_iτ)) ≈ 486/s; write-behind 500 × 1 s;
 * Che LRU at Zipf 0.8 0.437; cold first second ≈ 1,748 distinct keys; herd 3,000/s; 1.48; 1 − 1/10.
 */
const expected: { widget: string; choice: number; theory: number }[] = [
  { widget: 'cache-aside', choice: 0, theory: 0.676 },
  { widget: 'write-strategies', choice: 2, theory: 500 },
  { widget: 'cache-aside', choice: 1, theory: 486 },
  { widget: 'eviction-race', choice: 2, theory: 0.437 },
  { widget: 'cache-warming', choice: 0, theory: 1748 },
  { widget: 'stampede', choice: 1, theory: 3000 },
  { widget: 'hot-key', choice: 0, theory: 1.48 },
  { widget: 'consistent-hashing', choice: 2, theory: 0.9 },
];

/**
 * A lesson's widget blocks against the choices theory picks: theory and the simulation at the block's
 * starting controls (seed 1) each fall in that choice and in no other, and where the experiment reports
 * its own theory figure for the predicted metric, it is within 10 % of the hand calculation.
 */
function describePredictions(lesson: string, expectedBlocks: { widget: string; choice: number; theory: number }[]): void {
  describe(`the ${lesson} lesson's predictions`, () => {
    const file = fileURLToPath(new URL(`../../../content/lessons/${lesson}.md`, import.meta.url));
    const blocks = [...readFileSync(file, 'utf8').matchAll(/```widget\n([\s\S]*?)```/g)].map((m) => parse(m[1]!) as WidgetBlock);

    it('has the widget blocks this test knows the answers to', () => {
      expect(blocks.map((b) => b.widget)).toEqual(expectedBlocks.map((e) => e.widget));
    });

    it.each(expectedBlocks.map((e, i) => [i, e] as const))('block %i: theory and the simulation both land in the choice theory picks, and in no other', (i, want) => {
      const block = blocks[i]!;
      const inRange = (v: number, range: [number, number]) => v >= range[0] && v <= range[1];
      const ranges = block.predict.choices.map((c) => c.range);
      expect(ranges.map((r) => inRange(want.theory, r))).toEqual(ranges.map((_, k) => k === want.choice));
      const result = runExperiment(block.widget, block.controls, 1);
      const measured = result.metrics[block.predict.metric]!;
      expect(ranges.map((r) => inRange(measured, r))).toEqual(ranges.map((_, k) => k === want.choice));
      const own = result.theory[block.predict.metric];
      if (own) expect(Math.abs(own.value - want.theory)).toBeLessThanOrEqual(0.1 * Math.abs(want.theory));
    });
  });
}

describePredictions('caching', expected);

/**
 * The contention lesson's blocks, in lesson order, with the hand calculation:
 * read-then-write oversells 50 × 20/s × (20 ms + 28 ms) ≈ 48 seats; FOR UPDATE holds the row 2 × 28 + 20 = 76 ms, 13.2/s;
 * deadlocks 60 × 50² × 0.028 s / (50 × 49) ≈ 1.71 a minute; one counter row at 30/s is M/G/1 (P-K): 0.5 + 27.5 + 79.3 ≈ 107 ms;
 * ten-minute holds: 100 seats × 0.7 paying × (1 − e^(−10/2)) ≈ 69.5 sold, abandoned seats back after the sale;
 * 2PC caught mid-way: 20/s × (0.35 s charge + 0.028 s decision log) ≈ 7.6 orders (Little's law).
 */
const contentionExpected: { widget: string; choice: number; theory: number }[] = [
  { widget: 'double-booking', choice: 3, theory: 48 },
  { widget: 'locking-vs-optimistic', choice: 1, theory: 13.2 },
  { widget: 'deadlocks', choice: 1, theory: 1.71 },
  { widget: 'hot-row', choice: 2, theory: 107.3 },
  { widget: 'seat-holds', choice: 3, theory: 69.5 },
  { widget: 'coordination', choice: 1, theory: 7.6 },
];

describePredictions('contention', contentionExpected);

// Busy threads by Little's law, 4/min × 3 min + 100/s × 20 ms = 14; the burst's backlog by the fluid model, (200 − 3 × 40)/s × 60 s = 4,800;
// a retry storm after a 10 s slowdown: only the calls of the first 30 s of 180 succeed; poison at 0.2/s × 5 attempts × 5 s = 5 threads
// against 99.8/s × 0.1 s of good jobs; paid jobs first on M/M/20 at 90 %: Erlang C 0.551 / (20 × 2/s) / (1 − 0.18) = 16.8 ms;
// a full email worker uses 8 × 10/210 of a core on each of 2 cores, 19 %, under a 60 % CPU target: nobody is added.
describePredictions('long-running-tasks', [
  { widget: 'sync-vs-async', choice: 1, theory: 14 }, { widget: 'burst-backlog', choice: 1, theory: 4800 }, { widget: 'retry-storm', choice: 2, theory: 30 / 180 }, { widget: 'poison-messages', choice: 0, theory: 5 / (5 + 9.98) },
  { widget: 'priority-jobs', choice: 2, theory: 16.8 },
  { widget: 'autoscaling-workers', choice: 1, theory: 0 },
]);
