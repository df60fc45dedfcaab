// What the results say to a learner, graded on the shipped scenarios as the app grades them:
// no field names from the files, durations a person can read, articles that fit the name.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadScenarios } from '../../../src-main/scenarios/loadScenarios';
import { templateDesign } from '../../../src-main/scenarios/designs';
import { gradeDesign } from '../../../src-main/scenarios/runScenario';
import { withArticle } from '../../../src-main/scenarios/article';
import { applyPatches, optionWords } from '../../../src-main/scenarios/remedy';
import { evaluate } from '../../../src-main/scenarios/conditions';
import type { SimResult } from '../../../src-main/sim/types';

const shipped = loadScenarios(resolve(import.meta.dirname, '../../../scenarios')).scenarios;

// Names from the scenario and design files that mean nothing to a learner.
const CODE_NAME = /\b(zipf\w*|cacheSize|capacityKeys|p95Ms|p99Ms|uptimePct|costPerMonth|oversoldUnits|virtualNodes|flushIntervalMs|timeoutMs|maxAttempts|idempotencyKey)\b/;
// "4,849,000 ms": a duration past ten seconds still counted in milliseconds.
const LONG_MS = /\b\d{1,3}(,\d{3})+(\.\d+)? ms\b/;

describe('the words a graded run shows', () => {
  for (const scenario of shipped) {
    it(`${scenario.id}: hints, evidence and remedies of the starting design name no code fields and no long ms figures`, () => {
      const out = gradeDesign(scenario, templateDesign(scenario, 'starting'), { seed: 1 });
      if (out.status !== 'complete') throw new Error('cancelled');
      const words = [out.run.result.explanation.summary, ...out.run.hints.flatMap((h) => [h.title, h.text, ...h.evidence, h.remedy?.description ?? '', ...(h.remedy?.changes ?? [])])];
      expect(out.run.hints.length).toBeGreaterThan(0);
      for (const line of words) {
        expect(line, line).not.toMatch(CODE_NAME);
        expect(line, line).not.toMatch(LONG_MS);
        expect(line, line).not.toMatch(/\ba [AEIOU]/);
      }
    });
  }
});

describe('articles', () => {
  it('reads a name with the article it is said with', () => {
    expect(withArticle('App server')).toBe('an App server');
    expect(withArticle('Queue')).toBe('a Queue');
    expect(withArticle('Auth service')).toBe('an Auth service');
    expect(withArticle('SQS queue')).toBe('an SQS queue');
    expect(withArticle('CDN')).toBe('a CDN');
    expect(withArticle('user')).toBe('a user');
  });
});

describe('a remedy that changes a setting', () => {
  it('names the setting and its choice as the designer does, not by their keys', () => {
    expect(optionWords('inventory', 'update', 'atomic')).toBe('Update → Atomic decrement');
    expect(optionWords('notAKind', 'flushIntervalMs', 5)).toBe('flush interval ms → 5');
  });

  it('words a timeout in the unit a person would use', () => {
    const scenario = shipped.find((s) => s.workloads.length > 0)!;
    const design = templateDesign(scenario, 'starting');
    const workload = scenario.workloads[0]!;
    const { changes } = applyPatches(design, [{ setPolicy: { workload: workload.id, timeoutMs: 1500 } }], { labels: { [workload.id]: workload.label }, fixedKinds: {} });
    expect(changes).toEqual([`${workload.label}: a 1.5 s timeout`]);
  });
});

describe('evidence about the whole run', () => {
  const result = { totals: { p95Ms: 4_849_000, uptimePct: 12.5, costPerMonth: 340 }, components: [{ inventory: { oversold: 0 } }] } as unknown as SimResult;
  const ctx = { result, design: { components: [], wires: [], policies: {} }, build: {} } as unknown as Parameters<typeof evaluate>[1];

  it('says a long p95 in hours, not in milliseconds or by its field name', () => {
    expect(evaluate({ total: 'p95Ms', atLeast: 100 }, ctx).evidence).toEqual(['p95 latency over the whole run 1.3 h']);
  });

  it('says "no units oversold" rather than "0 units"', () => {
    expect(evaluate({ total: 'oversoldUnits', atMost: 0 }, ctx).evidence).toEqual(['no units oversold']);
  });
});
