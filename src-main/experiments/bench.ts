/** Run-time figures for the widget experiments: median ms per default run, after warm-up. */
import { experiments } from './index';

const WARMUP_RUNS = 5;
const TIMED_RUNS = 21;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function camel(widget: string): string {
  return widget.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export async function runExperimentBenchmarks(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const all: number[] = [];
  for (const [widget, experiment] of Object.entries(experiments)) {
    const defaults = Object.fromEntries(experiment.spec.controls.map((c) => [c.id, c.default]));
    for (let i = 0; i < WARMUP_RUNS; i++) experiment.run(defaults, i);
    const times: number[] = [];
    for (let i = 0; i < TIMED_RUNS; i++) {
      const start = performance.now();
      experiment.run(defaults, 1000 + i);
      times.push(performance.now() - start);
    }
    figures[`experimentRunMs.${camel(widget)}`] = median(times);
    all.push(...times);
    // Let the event loop breathe between widgets.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { experimentRunMs: median(all), ...figures };
}
