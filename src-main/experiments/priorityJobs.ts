/**
 * Paid and free jobs share one worker pool. With one first-in, first-out
 * queue every job waits the same; with a priority queue a paid job waits
 * only for the paid jobs ahead of it and a free worker thread. Theory: Erlang
 * C for the shared queue, and Cobham's formula for non-preemptive priorities
 * on M/M/c (the same mean service for both classes).
 */
import type { ModelInput } from '../sim/index';
import { erlangC } from '../sim/theory/index';
import { num, str } from './controls';
import { runModel } from './simulation';
import { fmtInt, fmtMs, round } from './format';
import type { ControlValues, Experiment, ExperimentResult, ExperimentSpec, RunHooks } from './types';

const WORKERS = 5;
const THREADS_PER_WORKER = 4;
const THREADS = WORKERS * THREADS_PER_WORKER;
const JOB_MS = 500;
const CAPACITY = (THREADS * 1000) / JOB_MS;
/** Two hours: enough jobs that each class's mean service is within a few ms of 500 ms. */
const RUN_SEC = 7200;
const WARMUP_SEC = 300;
const PAID_PRIORITY = 5;

type Order = 'fifo' | 'priority';

const spec: ExperimentSpec = {
  widget: 'priority-jobs',
  title: `Paid and free jobs of ${JOB_MS} ms share ${fmtInt(THREADS)} worker threads (${fmtInt(CAPACITY)} jobs/s)`,
  controls: [
    {
      id: 'order',
      label: 'Queue',
      kind: 'choice',
      options: [
        { value: 'fifo', label: 'one queue, first in first out' },
        { value: 'priority', label: 'priority queue, paid first' },
      ],
      default: 'priority',
    },
    { id: 'loadPercent', label: 'Load', kind: 'number', unit: '% of capacity', min: 10, max: 98, step: 1, default: 90 },
    { id: 'paidPercent', label: 'Paid jobs', kind: 'number', unit: '% of jobs', min: 5, max: 95, step: 5, default: 20 },
  ],
  metrics: [
    { id: 'paidWaitMs', label: 'Paid jobs: wait (mean time to done − 500 ms)', unit: 'ms' },
    { id: 'freeWaitMs', label: 'Free jobs: wait (mean time to done − 500 ms)', unit: 'ms' },
    { id: 'allWaitMs', label: 'All jobs: wait for a worker (mean)', unit: 'ms' },
  ],
};

function model(order: Order, rate: number, paidShare: number): ModelInput {
  return {
    name: 'priority-jobs widget',
    traffic: { ratePerSec: rate, durationSec: RUN_SEC, warmupSec: WARMUP_SEC },
    components: {
      // No network hop on the queue, so a job's time to done is its wait plus its service.
      jobs: { kind: 'queue', baseLatencyMs: 0 },
      workers: { kind: 'workerPool', instances: WORKERS, concurrency: THREADS_PER_WORKER, serviceTime: { distribution: 'exponential', meanMs: JOB_MS } },
    },
    workloads: {
      paid: { share: paidShare, path: ['jobs', 'workers'], ...(order === 'priority' ? { priority: PAID_PRIORITY } : {}) },
      free: { share: 1 - paidShare, path: ['jobs', 'workers'] },
    },
  };
}

/** Mean waits by theory: Erlang C for one FIFO queue; Cobham's formula per class with priorities. */
function theoryWaits(order: Order, rate: number, paidShare: number): { paid: number; free: number; all: number } {
  const mmc = erlangC(THREADS, rate, 1000 / JOB_MS)!;
  const all = mmc.meanWait * 1000;
  if (order === 'fifo') return { paid: all, free: all, all };
  const w0 = (mmc.probabilityOfWaiting / (THREADS * (1000 / JOB_MS))) * 1000;
  const sigmaPaid = (rate * paidShare) / CAPACITY;
  const sigma = rate / CAPACITY;
  return { paid: w0 / (1 - sigmaPaid), free: w0 / ((1 - sigmaPaid) * (1 - sigma)), all };
}

function run(controls: ControlValues, seed: number, hooks?: RunHooks): ExperimentResult {
  const order = str(controls, 'order') as Order;
  const load = num(controls, 'loadPercent') / 100;
  const paidShare = num(controls, 'paidPercent') / 100;
  const rate = load * CAPACITY;

  const outcome = runModel(model(order, rate, paidShare), spec.widget, seed, hooks);

  const byId = (id: string) => outcome.workloads.find((w) => w.id === id)!;
  // Time to done less the mean job: the wait (the sample's mean service differs from 500 ms by a few ms).
  const waitOf = (id: string) => Math.max(0, byId(id).asyncMeanMs - JOB_MS);
  const paid = waitOf('paid');
  const free = waitOf('free');
  const pool = outcome.components.find((c) => c.id === 'workers')!;
  const theory = theoryWaits(order, rate, paidShare);
  const method = order === 'fifo' ? 'Erlang C (M/M/c), one queue' : "Cobham's formula, non-preemptive priority on M/M/c";

  return {
    widget: spec.widget,
    seed,
    controls,
    metrics: { paidWaitMs: round(paid, 1), freeWaitMs: round(free, 1), allWaitMs: round(pool.meanWaitMs, 1) },
    theory: {
      paidWaitMs: { value: round(theory.paid, 1), method },
      freeWaitMs: { value: round(theory.free, 1), method },
      allWaitMs: { value: round(theory.all, 1), method: 'Erlang C (M/M/c): the order changes who waits, not the total' },
    },
    series: [],
    bars: [
      {
        id: 'waits',
        label: 'Mean wait for a worker',
        unit: 'ms',
        bars: [
          { label: 'paid', value: round(paid, 1), tone: 'pass' },
          { label: 'free', value: round(free, 1), tone: 'warn' },
          { label: 'paid (theory)', value: round(theory.paid, 1), tone: 'muted' },
          { label: 'free (theory)', value: round(theory.free, 1), tone: 'muted' },
        ],
      },
    ],
    thresholds: [{ axis: 'value', seriesId: 'waits', value: round(theory.all, 1), label: `one FIFO queue (theory) ${fmtMs(theory.all)}` }],
    summary:
      `With ${order === 'fifo' ? 'one first-in, first-out queue' : 'a priority queue'} at ${fmtInt(load * 100)} % load, paid jobs waited ${fmtMs(paid)} and free jobs ${fmtMs(free)} on average ` +
      `(theory ${fmtMs(theory.paid)} and ${fmtMs(theory.free)}); all jobs together waited ${fmtMs(pool.meanWaitMs)}.`,
  };
}

export const experiment: Experiment = { spec, run };
