/**
 * A burst of jobs into a queue in front of a worker pool. While jobs arrive
 * faster than the workers finish them, the backlog grows at the difference;
 * after the burst it drains at the spare capacity, and if the normal rate
 * alone is more than the workers can do, it never drains.
 */
import type { ModelInput } from '../sim/index';
import { num } from './controls';
import { intervalEnds, runModel } from './simulation';
import { fmtInt, fmtMs, round } from './format';
import { thinSeries } from './series';
import type { ControlValues, Experiment, ExperimentResult, ExperimentSpec, RunHooks } from './types';

const JOB_MS = 100;
const THREADS_PER_WORKER = 4;
const BURST_START_SEC = 60;
const RUN_SEC = 600;
/** Jobs one worker finishes per second: its threads over the mean job time. */
const PER_WORKER = (THREADS_PER_WORKER * 1000) / JOB_MS;

const spec: ExperimentSpec = {
  widget: 'burst-backlog',
  title: `A burst of jobs into a queue; each worker runs ${THREADS_PER_WORKER} jobs of ${JOB_MS} ms at once (${fmtInt(PER_WORKER)} jobs/s)`,
  controls: [
    { id: 'workers', label: 'Workers', kind: 'number', unit: 'workers', min: 1, max: 20, step: 1, default: 3 },
    { id: 'normalPerSecond', label: 'Normal arrivals', kind: 'number', unit: 'jobs/s', min: 1, max: 200, step: 1, default: 50 },
    { id: 'burstPerSecond', label: 'Arrivals during the burst', kind: 'number', unit: 'jobs/s', min: 1, max: 500, step: 1, default: 200 },
    { id: 'burstSeconds', label: 'Burst length', kind: 'number', unit: 's', min: 1, max: 120, step: 1, default: 60 },
  ],
  metrics: [
    { id: 'peakQueueDepth', label: 'Most jobs waiting', unit: 'count' },
    { id: 'drainSeconds', label: 'Time to clear the backlog after the burst', unit: 's' },
    { id: 'longestWaitMs', label: 'Longest wait for a worker (about)', unit: 'ms' },
    { id: 'endQueueDepth', label: 'Jobs waiting at the end', unit: 'count' },
  ],
};

function model(workers: number, normal: number, burst: number, burstSec: number): ModelInput {
  return {
    name: 'burst-backlog widget',
    traffic: { ratePerSec: burst, baselineRatePerSec: normal, shape: 'spike', startSec: BURST_START_SEC, holdSec: burstSec, durationSec: RUN_SEC },
    components: {
      jobs: { kind: 'queue' },
      workers: { kind: 'workerPool', instances: workers, concurrency: THREADS_PER_WORKER, serviceTime: { distribution: 'exponential', meanMs: JOB_MS } },
    },
    workloads: { jobs: { path: ['jobs', 'workers'], deadlineMs: 1000 } },
  };
}

function run(controls: ControlValues, seed: number, hooks?: RunHooks): ExperimentResult {
  const workers = Math.round(num(controls, 'workers'));
  const normal = num(controls, 'normalPerSecond');
  const burst = num(controls, 'burstPerSecond');
  const burstSec = num(controls, 'burstSeconds');
  const capacity = workers * PER_WORKER;

  const outcome = runModel(model(workers, normal, burst, burstSec), spec.widget, seed, hooks);

  const pool = outcome.components.find((c) => c.id === 'workers')!;
  const timeSec = intervalEnds(outcome);
  const depth = pool.series.queueDepth;
  const peak = Math.max(0, ...depth);
  const burstEnd = BURST_START_SEC + burstSec;
  // Cleared: the first interval after the burst whose mean backlog is under one worker's threads.
  const cleared = timeSec.findIndex((t, i) => t > burstEnd && depth[i]! < THREADS_PER_WORKER);
  const drainSec = peak < THREADS_PER_WORKER ? 0 : cleared >= 0 ? Math.max(0, timeSec[cleared]! - burstEnd) : Number.POSITIVE_INFINITY;
  // A job joining a FIFO backlog of n waits for n jobs to finish ahead of it: n / capacity.
  const waitMs = depth.map((d) => (d / capacity) * 1000);
  const longestWait = Math.max(0, ...waitMs);
  const endDepth = depth.length ? depth[depth.length - 1]! : 0;

  // Fluid theory: the backlog grows at (burst − capacity) for the burst, then drains at (capacity − normal).
  // When the normal rate alone is too much, the backlog also grows outside the burst, to the end of the run.
  const growth = Math.max(0, burst - capacity);
  const peakTheory = growth * burstSec + Math.max(0, normal - capacity) * (RUN_SEC - burstSec);
  const drainTheory = capacity > normal ? peakTheory / (capacity - normal) : Number.POSITIVE_INFINITY;
  const drains = capacity > normal;

  return {
    widget: spec.widget,
    seed,
    controls,
    metrics: {
      peakQueueDepth: round(peak, 0),
      ...(Number.isFinite(drainSec) ? { drainSeconds: round(drainSec, 1) } : {}),
      longestWaitMs: round(longestWait, 0),
      endQueueDepth: round(endDepth, 0),
    },
    theory: {
      peakQueueDepth: { value: round(peakTheory, 0), method: '(burst rate − worker capacity) × burst length' },
      ...(Number.isFinite(drainTheory) ? { drainSeconds: { value: round(drainTheory, 1), method: 'peak backlog / (worker capacity − normal rate)' } } : {}),
    },
    series: [
      thinSeries({ id: 'queueDepth', label: 'Jobs waiting', unit: 'jobs', ratio: false, timeSec, values: depth.map((d) => round(d, 1)) }),
      thinSeries({ id: 'waitMs', label: 'Wait for a job joining now', unit: 'ms', ratio: false, timeSec, values: waitMs.map((w) => round(w, 0)) }),
    ],
    bars: [
      {
        id: 'rates',
        label: 'Arrivals against what the workers finish',
        unit: 'jobs/s',
        bars: [
          { label: 'normal', value: normal, tone: drains ? 'accent' : 'fail' },
          { label: 'burst', value: burst, tone: burst > capacity ? 'warn' : 'accent' },
          { label: 'workers finish', value: capacity, tone: 'pass' },
        ],
      },
    ],
    thresholds: [
      { axis: 'time', seriesId: null, value: BURST_START_SEC, label: 'burst' },
      { axis: 'time', seriesId: null, value: burstEnd, label: 'burst over' },
      { axis: 'value', seriesId: 'rates', value: capacity, label: `capacity ${fmtInt(capacity)} jobs/s` },
    ],
    summary:
      `${fmtInt(workers)} worker${workers === 1 ? '' : 's'} finish about ${fmtInt(capacity)} jobs/s; the backlog peaked at ${fmtInt(peak)} jobs (fluid theory ${fmtInt(peakTheory)}) ` +
      (Number.isFinite(drainSec)
        ? `and cleared ${fmtMs(drainSec * 1000)} after the burst; a job joining at the peak waited about ${fmtMs(longestWait)}.`
        : drains
          ? `and had not cleared when the run ended.`
          : `and never drains: the normal ${fmtInt(normal)} jobs/s alone are more than the workers finish, so ${fmtInt(endDepth)} were still waiting at the end.`),
  };
}

export const experiment: Experiment = { spec, run };
