// The benchmark runner: each suite returns named figures; --json prints them as one object.
// --fuzz runs only the bad-request barrage against browser mode.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Figures = Record<string, number>;
interface Suite {
  name: string;
  file: string;
  run: (mod: Record<string, unknown>) => Promise<Figures>;
  /** A suite that runs alone, and only when this flag is given. */
  only?: string;
}

const suites: Suite[] = [
  { name: 'simulator', file: './sim.ts', run: (m) => (m.runSimBenchmarks as () => Promise<Figures>)() },
  { name: 'widget experiments', file: '../src-main/experiments/bench.ts', run: (m) => (m.runExperimentBenchmarks as () => Promise<Figures>)() },
  { name: 'bounded runs', file: './boundedRuns.ts', run: (m) => (m.runBoundedRunBenchmarks as () => Promise<Figures>)() },
  { name: 'scenarios', file: './scenario.ts', run: (m) => (m.runScenarioBenchmarks as () => Promise<Figures>)() },
  { name: 'widgets in Chromium', file: './widget.ts', run: (m) => (m.runWidgetBenchmarks as () => Promise<Figures>)() },
  { name: 'bad requests', file: './fuzz.ts', run: (m) => (m.runFuzzBenchmarks as () => Promise<Figures>)(), only: '--fuzz' },
];

const json = process.argv.includes('--json');
const figures: Figures = {};
const alone = suites.filter((s) => s.only && process.argv.includes(s.only));
for (const suite of alone.length ? alone : suites.filter((s) => !s.only)) {
  if (!existsSync(fileURLToPath(new URL(suite.file, import.meta.url)))) continue;
  if (!json) console.log(`Running ${suite.name} benchmarks...`);
  try {
    Object.assign(figures, await suite.run((await import(suite.file)) as Record<string, unknown>));
  } catch (err) {
    // One broken suite must not hide the others' figures; the failure is said, and the exit code shows it.
    console.error(`${suite.name} benchmarks failed: ${(err as Error).message.split('\n')[0]}`);
    process.exitCode = 1;
  }
}

if (json) {
  console.log(JSON.stringify(figures));
} else {
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  for (const [key, value] of Object.entries(figures)) {
    console.log(`${key.padEnd(width)}  ${value >= 1000 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2)}`);
  }
}
