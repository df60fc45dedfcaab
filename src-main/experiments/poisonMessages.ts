/**
 * Poison messages: a few messages fail on every attempt, each after tying up
 * a worker thread for a while (a parser that spins until its timeout). The
 * queue retries them up to its attempts, then dead-letters them; until then
 * they take worker time from the good jobs.
 */
import type { ModelInput } from '../sim/index';
import { num } from './controls';
import { intervalEnds, runModel } from './simulation';
import { fmtInt, fmtMs, fmtPct, round } from './format';
import { thinSeries } from './series';
import type { ControlValues, Experiment, ExperimentResult, ExperimentSpec, RunHooks } from './types';

const RATE = 100;
const JOB_MS = 100;
const THREADS_PER_WORKER = 4;
const RUN_SEC = 300;

const spec: ExperimentSpec = {
  widget: 'poison-messages',
  title: `${fmtInt(RATE)} jobs/s of ${JOB_MS} ms into a queue; a few are poison and fail on every attempt`,
  controls: [
    { id: 'maxAttempts', label: 'Attempts before dead-lettering', kind: 'number', unit: 'attempts', min: 1, max: 20, step: 1, default: 5 },
    { id: 'poisonPerThousand', label: 'Poison messages', kind: 'number', unit: 'per 1,000', min: 0, max: 10, step: 0.5, default: 2 },
    { id: 'failAfterSeconds', label: 'A poison attempt fails after', kind: 'number', unit: 's', min: 0.1, max: 30, step: 0.1, default: 5, scale: 'log' },
    { id: 'workers', label: `Workers (${THREADS_PER_WORKER} threads each)`, kind: 'number', unit: 'workers', min: 1, max: 20, step: 1, default: 5 },
  ],
  metrics: [
    { id: 'poisonShareOfWork', label: "Share of the workers' busy time spent on poison", unit: '%', ratio: true },
    { id: 'goodJobMs', label: 'Good jobs: time to done (mean)', unit: 'ms' },
    { id: 'deadLettered', label: 'Messages dead-lettered', unit: 'count' },
    { id: 'endBacklog', label: 'Jobs waiting at the end', unit: 'count' },
  ],
};

function model(maxAttempts: number, poisonShare: number, failMs: number, workers: number): ModelInput {
  return {
    name: 'poison-messages widget',
    traffic: { ratePerSec: RATE, durationSec: RUN_SEC },
    components: {
      jobs: { kind: 'queue', maxAttempts },
      workers: { kind: 'workerPool', instances: workers, concurrency: THREADS_PER_WORKER, serviceTime: { distribution: 'exponential', meanMs: JOB_MS } },
      // The step a poison message always fails at; it is reached only after the worker's time on it.
      parser: { kind: 'server', concurrency: 100_000, serviceTime: { distribution: 'deterministic', meanMs: 0 }, baseLatencyMs: 0, errorRate: 1 },
    },
    workloads: {
      good: { share: 1 - poisonShare, path: ['jobs', 'workers'] },
      ...(poisonShare > 0
        ? { poison: { share: poisonShare, path: ['jobs', { component: 'workers', serviceTime: { distribution: 'deterministic', meanMs: failMs } }, 'parser'] } }
        : {}),
    },
  };
}

function run(controls: ControlValues, seed: number, hooks?: RunHooks): ExperimentResult {
  const maxAttempts = Math.round(num(controls, 'maxAttempts'));
  const poisonShare = num(controls, 'poisonPerThousand') / 1000;
  const failSec = num(controls, 'failAfterSeconds');
  const workers = Math.round(num(controls, 'workers'));
  const threads = workers * THREADS_PER_WORKER;

  const outcome = runModel(model(maxAttempts, poisonShare, failSec * 1000, workers), spec.widget, seed, hooks);

  const pool = outcome.components.find((c) => c.id === 'workers')!;
  const parser = outcome.components.find((c) => c.id === 'parser')!;
  const good = outcome.workloads.find((w) => w.id === 'good')!;
  const poison = outcome.workloads.find((w) => w.id === 'poison');
  // Each poison attempt held a thread for failSec and then reached the parser, which failed it.
  const poisonBusy = parser.arrivals * failSec;
  const totalBusy = pool.utilisation * pool.servers * (outcome.durationSec - outcome.warmupSec);
  const share = totalBusy > 0 ? Math.min(1, poisonBusy / totalBusy) : 0;
  const depth = pool.series.queueDepth;
  const timeSec = intervalEnds(outcome);

  // Threads each kind needs in steady state: poison rate × attempts × time per attempt; good rate × job time.
  const poisonThreads = RATE * poisonShare * maxAttempts * failSec;
  const goodThreads = (RATE * (1 - poisonShare) * JOB_MS) / 1000;
  const overloaded = poisonThreads + goodThreads >= threads;

  return {
    widget: spec.widget,
    seed,
    controls,
    metrics: {
      poisonShareOfWork: round(share, 4),
      goodJobMs: round(good.asyncMeanMs, 0),
      deadLettered: poison?.deadLettered ?? 0,
      endBacklog: round(depth.length ? depth[depth.length - 1]! : 0, 0),
    },
    theory: overloaded
      ? {}
      : { poisonShareOfWork: { value: round(poisonThreads / (poisonThreads + goodThreads), 4), method: 'poison rate × attempts × time per attempt, against the good jobs’ rate × job time' } },
    series: [
      thinSeries({ id: 'backlog', label: 'Jobs waiting', unit: 'jobs', ratio: false, timeSec, values: depth.map((d) => round(d, 1)) }),
      thinSeries({ id: 'busyThreads', label: 'Worker threads busy', unit: 'threads', ratio: false, timeSec, values: pool.series.utilisation.map((u) => round(u * pool.servers, 2)) }),
    ],
    bars: [
      {
        id: 'threads',
        label: 'Worker threads needed (steady state)',
        unit: 'threads',
        bars: [
          { label: 'good jobs', value: round(goodThreads, 1), tone: 'accent' },
          { label: 'poison retries', value: round(poisonThreads, 1), tone: overloaded ? 'fail' : 'warn' },
        ],
      },
    ],
    thresholds: [
      { axis: 'value', seriesId: 'threads', value: threads, label: `${fmtInt(threads)} threads` },
      { axis: 'value', seriesId: 'busyThreads', value: threads, label: `${fmtInt(threads)} threads` },
    ],
    summary:
      `Poison messages took ${fmtPct(share)} of the workers' busy time; ${fmtInt(poison?.deadLettered ?? 0)} were dead-lettered, ` +
      `good jobs took ${fmtMs(good.asyncMeanMs)} on average` +
      (overloaded ? `, and the workers fell behind: their retries need ${fmtInt(poisonThreads)} of ${fmtInt(threads)} threads.` : '.'),
  };
}

export const experiment: Experiment = { spec, run };
