/**
 * Worker pool: consumers sharing one waiting line (the queue before them).
 * Optionally autoscaled, every checkEverySec: on queue depth it aims for
 * targetQueuePerInstance waiting messages per instance; on CPU for
 * targetCpuUtilisation of its cores (instances × CPU since the last check /
 * target, as a Kubernetes HPA does). New instances start serving after warmupSec.
 */
import { z } from 'zod';
import { LIMITS, numberIn, positive, wholeNumber } from '../fields';
import type { StationPlan } from '../plan';
import { commonFields, instanceFields, instanceStation, kindLiteral, threadsOption } from './common';
import { defineKind } from './kind';
import { assumedZero, ASSUMED_VM, NO_ERRORS } from './sources';

const settings = {
  autoscaleWarmupSec: { value: 60, source: 'assumption: a new worker takes about a minute to boot' },
  autoscaleCheckEverySec: { value: 15, source: 'assumption: a typical autoscaler evaluation period' },
} as const;

const threads = { value: 4, source: 'assumption: 4 jobs at once per worker instance' };

export const workerPool = defineKind({
  kind: 'workerPool',
  // A worker waits for the calls it makes (a payment provider): a slow one holds it.
  traits: ['holdsCaller', 'sizedInstance'],
  defaults: {
    serviceTime: { value: { distribution: 'exponential', meanMs: 100 }, source: 'assumption: a background job takes ~100 ms' },
    baseLatencyMs: assumedZero('consumers pull from the queue; the hop is inside the queue time'),
    concurrency: threads,
    costPerInstancePerMonth: { value: 70, source: ASSUMED_VM },
    errorRate: NO_ERRORS,
  },
  settings,
  palette: {
    label: 'Worker pool',
    purpose: 'Background workers that take jobs from a queue or stream.',
    maxInstances: 100,
    options: [
      threadsOption(threads.value, 'Jobs one worker runs at once.'),
      { key: 'autoscale', label: 'Autoscale on queue depth', help: 'Add workers when the backlog grows (each takes a while to warm up).', type: 'boolean', default: false },
      { key: 'maxInstances', label: 'Most workers', help: 'The autoscaler never goes beyond this.', type: 'number', unit: 'workers', min: 1, max: 100, step: 1, default: 10 },
      { key: 'targetQueuePerInstance', label: 'Backlog per worker', help: 'The autoscaler adds a worker for every this many waiting jobs.', type: 'number', unit: 'jobs', min: 1, max: 100_000, step: 1, default: 100 },
    ],
    toModel: (o) => ({
      concurrency: o.concurrency,
      ...(o.autoscale === true ? { autoscale: { minInstances: 1, maxInstances: o.maxInstances, targetQueuePerInstance: o.targetQueuePerInstance } } : {}),
    }),
  },
  schema: z.strictObject({
    kind: kindLiteral('workerPool'),
    ...commonFields,
    ...instanceFields,
    autoscale: z
      .strictObject({
        minInstances: wholeNumber(1, LIMITS.maxInstances),
        maxInstances: wholeNumber(1, LIMITS.maxInstances),
        on: z.enum(['queueDepth', 'cpu'], { error: 'expected queueDepth or cpu' }).optional(),
        targetQueuePerInstance: positive(LIMITS.maxQueue, 'messages').optional(),
        targetCpuUtilisation: numberIn(0.05, 1, 'a fraction from 0.05 to 1').optional(),
        warmupSec: numberIn(0, 86_400, 'seconds').optional(),
        checkEverySec: positive(86_400, 'seconds').optional(),
      })
      .refine((a) => a.maxInstances >= a.minInstances, { error: 'expected maxInstances >= minInstances', path: ['maxInstances'] })
      .refine((a) => (a.on ?? 'queueDepth') !== 'queueDepth' || a.targetQueuePerInstance !== undefined, {
        error: 'expected a number of messages per instance (autoscaling on queueDepth)',
        path: ['targetQueuePerInstance'],
      })
      .refine((a) => a.on !== 'cpu' || a.targetCpuUtilisation !== undefined, { error: 'expected a fraction from 0.05 to 1 (autoscaling on cpu)', path: ['targetCpuUtilisation'] })
      .optional(),
  })
    // CPU utilisation exists only where the pool's cores are modelled.
    .refine((c) => c.autoscale?.on !== 'cpu' || c.cpuCores !== undefined, { error: 'expected cpuCores (autoscaling on cpu needs the cores it measures)', path: ['cpuCores'] }),
  toStation(id, index, c): StationPlan {
    const station = instanceStation(workerPool, id, index, c);
    station.sharedQueue = true;
    if (c.autoscale) {
      station.autoscale = {
        minInstances: c.autoscale.minInstances,
        maxInstances: c.autoscale.maxInstances,
        on: c.autoscale.on ?? 'queueDepth',
        targetQueuePerInstance: c.autoscale.targetQueuePerInstance ?? Infinity,
        targetCpu: c.autoscale.targetCpuUtilisation ?? 1,
        warmupSec: c.autoscale.warmupSec ?? settings.autoscaleWarmupSec.value,
        checkEverySec: c.autoscale.checkEverySec ?? settings.autoscaleCheckEverySec.value,
      };
      station.instances = Math.min(Math.max(station.instances, c.autoscale.minInstances), c.autoscale.maxInstances);
    }
    return station;
  },
});
