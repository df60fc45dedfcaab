/**
 * Email workers that autoscale through a surge: each job is 10 ms of CPU and
 * then a 200 ms call to the mail provider that the worker waits for. Scaling
 * on queue depth sees the backlog; scaling on CPU sees cores that are mostly
 * idle while every thread waits, and adds nobody. New workers serve only
 * after their warm-up.
 */
import type { ModelInput } from '../sim/index';
import { num, str } from './controls';
import { fmtInt, fmtMs, fmtPct, round } from './format';
import { thinSeries } from './series';
import { intervalEnds, runModel } from './simulation';
import type { ControlValues, Experiment, ExperimentResult, ExperimentSpec, RunHooks } from './types';

const THREADS = 8;
const CORES = 2;
const CPU_MS = 10;
const CALL_MS = 200;
const MIN_WORKERS = 2;
const MAX_WORKERS = 10;
const NORMAL_PER_SEC = 30;
const SURGE_FROM_SEC = 60;
const SURGE_SEC = 300;
const RUN_SEC = 900;
const CHECK_SEC = 15;
const TARGET_QUEUE = 100;
const TARGET_CPU = 0.6;
/** Jobs one worker finishes per second: its threads over the time each job holds one. */
const PER_WORKER = (THREADS * 1000) / (CPU_MS + CALL_MS);

type On = 'queueDepth' | 'cpu';

const spec: ExperimentSpec = {
  widget: 'autoscaling-workers',
  title: `Email workers scaling through a surge (each job: ${CPU_MS} ms of CPU, then a ${CALL_MS} ms call it waits for)`,
  controls: [
    {
      id: 'on',
      label: 'Scale on',
      kind: 'choice',
      options: [
        { value: 'cpu', label: `CPU (target ${fmtInt(TARGET_CPU * 100)} %)` },
        { value: 'queueDepth', label: `queue depth (${fmtInt(TARGET_QUEUE)} jobs a worker)` },
      ],
      default: 'cpu',
    },
    { id: 'surgePerSecond', label: 'Jobs during the surge', kind: 'number', unit: 'jobs/s', min: 10, max: 300, step: 10, default: 150 },
    { id: 'warmupSeconds', label: 'Warm-up of a new worker', kind: 'number', unit: 's', min: 0, max: 300, step: 5, default: 60 },
  ],
  metrics: [
    { id: 'workersAdded', label: 'Workers added at the most', unit: 'count' },
    { id: 'peakBacklog', label: 'Most jobs waiting', unit: 'count' },
    { id: 'meanJobMs', label: 'Time from enqueue to sent (mean)', unit: 'ms' },
    { id: 'cpuUtilisation', label: 'Worker CPU (mean)', unit: '%', ratio: true },
  ],
};

function model(on: On, surge: number, warmupSec: number): ModelInput {
  return {
    name: 'autoscaling-workers widget',
    traffic: { ratePerSec: surge, baselineRatePerSec: NORMAL_PER_SEC, shape: 'spike', startSec: SURGE_FROM_SEC, holdSec: SURGE_SEC, durationSec: RUN_SEC },
    components: {
      jobs: { kind: 'queue' },
      workers: {
        kind: 'workerPool',
        instances: MIN_WORKERS,
        concurrency: THREADS,
        cpuCores: CORES,
        serviceTime: { distribution: 'exponential', meanMs: CPU_MS },
        autoscale: {
          on,
          ...(on === 'cpu' ? { targetCpuUtilisation: TARGET_CPU } : { targetQueuePerInstance: TARGET_QUEUE }),
          minInstances: MIN_WORKERS,
          maxInstances: MAX_WORKERS,
          warmupSec,
          checkEverySec: CHECK_SEC,
        },
      },
      provider: { kind: 'external', serviceTime: { distribution: 'deterministic', meanMs: CALL_MS } },
    },
    workloads: { send: { path: ['jobs', 'workers', 'provider'] } },
  };
}

function run(controls: ControlValues, seed: number, hooks?: RunHooks): ExperimentResult {
  const on = str(controls, 'on') as On;
  const surge = num(controls, 'surgePerSecond');
  const warmupSec = num(controls, 'warmupSeconds');

  const outcome = runModel(model(on, surge, warmupSec), spec.widget, seed, hooks);
  const pool = outcome.components.find((c) => c.id === 'workers')!;
  const send = outcome.workloads[0]!;
  const timeSec = intervalEnds(outcome);
  const peakInstances = Math.max(MIN_WORKERS, ...pool.series.instances);
  const cpu = pool.cpuUtilisation ?? 0;

  // By hand: all 8 threads of a worker busy use 8 × 10/210 of a core each, 0.38 of its 2 cores: under the 60 % target.
  const cpuWhenFull = (THREADS * CPU_MS) / (CPU_MS + CALL_MS) / CORES;
  const needed = Math.ceil(surge / PER_WORKER);

  return {
    widget: spec.widget,
    seed,
    controls,
    metrics: {
      workersAdded: peakInstances - MIN_WORKERS,
      peakBacklog: round(pool.peakQueueDepth, 0),
      meanJobMs: round(send.asyncMeanMs, 0),
      cpuUtilisation: round(cpu, 4),
    },
    theory:
      on === 'cpu' && cpuWhenFull < TARGET_CPU
        ? { workersAdded: { value: 0, method: `every thread busy uses ${fmtPct(cpuWhenFull)} of the CPU, under the ${fmtPct(TARGET_CPU)} target` } }
        : {},
    series: [
      thinSeries({ id: 'instances', label: 'Workers in service', unit: 'workers', ratio: false, timeSec, values: pool.series.instances.map((n) => round(n, 2)) }),
      thinSeries({ id: 'backlog', label: 'Jobs waiting', unit: 'jobs', ratio: false, timeSec, values: pool.series.queueDepth.map((d) => round(d, 1)) }),
    ],
    bars: [
      {
        id: 'workers',
        label: 'Workers during the surge',
        unit: 'workers',
        bars: [
          { label: 'needed', value: Math.min(needed, MAX_WORKERS), tone: 'muted' },
          { label: 'most in service', value: peakInstances, tone: peakInstances >= Math.min(needed, MAX_WORKERS) ? 'pass' : 'fail' },
        ],
      },
    ],
    thresholds: [
      { axis: 'time', seriesId: null, value: SURGE_FROM_SEC, label: 'surge' },
      { axis: 'value', seriesId: 'instances', value: Math.min(needed, MAX_WORKERS), label: `needed ${fmtInt(Math.min(needed, MAX_WORKERS))}` },
    ],
    summary:
      `Scaling on ${on === 'cpu' ? 'CPU' : 'queue depth'}, the autoscaler added ${fmtInt(peakInstances - MIN_WORKERS)} worker${peakInstances - MIN_WORKERS === 1 ? '' : 's'} ` +
      `(the surge needs ${fmtInt(needed)} workers of ${fmtInt(PER_WORKER)} jobs/s each); at most ${fmtInt(pool.peakQueueDepth)} jobs waited, a job took ${fmtMs(send.asyncMeanMs)} on average, and the workers' CPU averaged ${fmtPct(cpu)}.`,
  };
}

export const experiment: Experiment = { spec, run };
