/**
 * Scenario benchmarks: scenarioGradeMs is grading the checkout scenario's
 * reference design (design -> model, the 54-hour horizon run, the verdict and
 * the hint conditions), median of 15 runs after 3 warm-ups. Target: < 100 ms.
 * scenarioGradeWithRemediesMs grades its starting design, whose fired hints
 * re-run the design with their remedies (up to three more runs).
 */
import { resolve } from 'node:path';
import { loadScenarios } from '../src-main/scenarios/loadScenarios';
import { templateDesign } from '../src-main/scenarios/designs';
import { gradeDesign } from '../src-main/scenarios/runScenario';

function medianMs(runs: number, warmups: number, body: () => void): number {
  for (let i = 0; i < warmups; i++) body();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    body();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1]!;
}

export async function runScenarioBenchmarks(): Promise<Record<string, number>> {
  const set = loadScenarios(resolve(import.meta.dirname, '../scenarios'));
  const checkout = set.scenarios.find((s) => s.id === 'checkout-contention');
  if (!checkout) throw new Error(`checkout-contention did not load: ${set.problems.map((p) => p.message).join('; ')}`);
  const reference = templateDesign(checkout, 'reference');
  const starting = templateDesign(checkout, 'starting');
  const grade = (design: typeof reference) => {
    const out = gradeDesign(checkout, design, { seed: 1 });
    if (out.status !== 'complete') throw new Error('cancelled');
  };
  return {
    scenarioGradeMs: medianMs(15, 3, () => grade(reference)),
    scenarioGradeWithRemediesMs: medianMs(5, 1, () => grade(starting)),
  };
}
