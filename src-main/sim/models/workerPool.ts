/**
 * Worker pool: consumers sharing one waiting line (the queue before them).
 * Optionally autoscaled on queue depth: every checkEverySec it aims for
 * targetQueuePerInstance waiting messages per instance; new instances start
 * serving after warmupSec.
 */
import { z } from 'zod';
import { SPECIFIC_DEFAULTS } from '../defaults';
import { LIMITS, numberIn, positive, wholeNumber } from '../fields';
import { baseStation, commonFields, concurrencyField, cpuCoresField, instanceCpu, kindLiteral } from './common';
import type { StationPlan } from '../plan';

export const workerPoolSchema = z.strictObject({
  kind: kindLiteral('workerPool'),
  ...commonFields,
  concurrency: concurrencyField,
  cpuCores: cpuCoresField,
  autoscale: z
    .strictObject({
      minInstances: wholeNumber(1, LIMITS.maxInstances),
      maxInstances: wholeNumber(1, LIMITS.maxInstances),
      targetQueuePerInstance: positive(LIMITS.maxQueue, 'messages'),
      warmupSec: numberIn(0, 86_400, 'seconds').optional(),
      checkEverySec: positive(86_400, 'seconds').optional(),
    })
    .refine((a) => a.maxInstances >= a.minInstances, { error: 'expected maxInstances >= minInstances', path: ['maxInstances'] })
    .optional(),
});

export function workerPoolStation(id: string, index: number, c: z.output<typeof workerPoolSchema>): StationPlan {
  const station = baseStation('workerPool', id, index, c, c.concurrency);
  station.sharedQueue = true;
  // A worker waits for the calls it makes (a payment provider): a slow one holds it.
  station.holdsCaller = true;
  station.cpu = instanceCpu(c.cpuCores);
  if (c.autoscale) {
    station.autoscale = {
      minInstances: c.autoscale.minInstances,
      maxInstances: c.autoscale.maxInstances,
      targetQueuePerInstance: c.autoscale.targetQueuePerInstance,
      warmupSec: c.autoscale.warmupSec ?? SPECIFIC_DEFAULTS.autoscaleWarmupSec.value,
      checkEverySec: c.autoscale.checkEverySec ?? SPECIFIC_DEFAULTS.autoscaleCheckEverySec.value,
    };
    station.instances = Math.min(Math.max(station.instances, c.autoscale.minInstances), c.autoscale.maxInstances);
  }
  return station;
}
