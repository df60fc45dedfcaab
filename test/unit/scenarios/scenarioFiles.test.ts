// Every shipped scenario loads, its reference design passes its contract and its starting design
// fails, with at least one hint explaining why. This is the scenarios' own acceptance test.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadScenarios } from '../../../src-main/scenarios/loadScenarios';
import { templateDesign } from '../../../src-main/scenarios/designs';
import { gradeDesign } from '../../../src-main/scenarios/runScenario';

const folder = resolve(import.meta.dirname, '../../../scenarios');
const set = loadScenarios(folder);

function grade(id: string, which: 'starting' | 'reference', drill?: string) {
  const scenario = set.scenarios.find((s) => s.id === id)!;
  const out = gradeDesign(scenario, templateDesign(scenario, which), { seed: 1, drill, remedies: false });
  if (out.status !== 'complete') throw new Error('cancelled');
  return out.run;
}

describe('the shipped scenarios', () => {
  it('all load without problems, one per file, with the categories the syllabus starts with', () => {
    expect(set.problems).toEqual([]);
    const ids = set.scenarios.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['checkout-contention', 'email-workers', 'flash-sale', 'place-order', 'catalogue-celebrity']));
    expect([...new Set(set.scenarios.map((s) => s.category))]).toEqual(expect.arrayContaining(['Contention and isolation', 'Async processing', 'Caching']));
  });

  for (const s of set.scenarios) {
    it(`${s.id}: the reference design passes every contract term`, () => {
      const run = grade(s.id, 'reference');
      const failing = run.terms.filter((t) => !t.pass).map((t) => `${t.term}: ${t.measured} ${t.unit}`);
      expect(failing).toEqual([]);
      expect(run.pass).toBe(true);
    });

    it(`${s.id}: the starting design fails, and a hint says why`, () => {
      const run = grade(s.id, 'starting');
      expect(run.pass).toBe(false);
      expect(run.terms.some((t) => !t.pass)).toBe(true);
      expect(run.hints.length).toBeGreaterThan(0);
      for (const h of run.hints) expect(h.evidence.length, h.id).toBeGreaterThan(0);
    });
  }

  it('the same seed gives the same verdict and figures', () => {
    const a = grade('checkout-contention', 'starting');
    const b = grade('checkout-contention', 'starting');
    expect(b.terms).toEqual(a.terms);
    expect(b.result.totals).toEqual(a.result.totals);
  });

  it('a drill that stops the background workers shows up as a silent failure even when the contract holds', () => {
    const run = grade('place-order', 'reference', 'email-worker-stops');
    expect(run.drill).toBe('email-worker-stops');
    expect(run.silentFailures.map((f) => f.workload)).toContain('placeOrder');
    expect(run.silentFailures[0]!.message).toMatch(/waiting/);
  });

  it('a drill that breaks the email service leaves dead letters in sight', () => {
    const run = grade('place-order', 'reference', 'email-down');
    expect(run.result.workloads.find((w) => w.id === 'placeOrder')!.deadLettered).toBeGreaterThan(0);
    expect(run.silentFailures[0]!.message).toMatch(/dead-lettered/);
    expect(run.hints.map((h) => h.id)).toContain('email-worker-silent');
  });
});
