/** What the kinds that end the synchronous path (queue, stream, pub/sub) share: fields, a default, a setting, the station's role. */
import { LIMITS, positive, wholeNumber } from '../fields';
import { ROLE_ASYNC, type StationPlan } from '../plan';
import type { OptionSpec } from './kind';

export const asyncFields = {
  /** Messages waiting at most; an enqueue beyond it is rejected. Unbounded when omitted. */
  maxDepth: wholeNumber(0, LIMITS.maxQueue).optional(),
  /** Processing attempts per message before it goes to the dead-letter queue. */
  maxAttempts: wholeNumber(1, LIMITS.maxAttempts).optional(),
  /** Seconds a consumer may hold a message before it is delivered again (request level only). Never when omitted. */
  visibilityTimeoutSec: positive(43_200, 'seconds').optional(),
};

export const asyncSettings = {
  queueMaxAttempts: { value: 5, source: 'assumption: a common dead-letter threshold' },
} as const;

export const attemptsBeforeDeadLetterOption: OptionSpec = {
  key: 'maxAttempts',
  label: 'Attempts before dead-letter',
  help: 'A message that fails this many times is set aside instead of retried forever.',
  type: 'number',
  unit: 'attempts',
  min: 1,
  max: 20,
  step: 1,
  default: asyncSettings.queueMaxAttempts.value,
};

export function makeAsync(
  station: StationPlan,
  c: { maxDepth?: number | undefined; maxAttempts?: number | undefined; visibilityTimeoutSec?: number | undefined },
): StationPlan {
  station.role = ROLE_ASYNC;
  station.maxDepth = c.maxDepth ?? Infinity;
  station.maxAttempts = c.maxAttempts ?? asyncSettings.queueMaxAttempts.value;
  station.visibilityTimeoutSec = c.visibilityTimeoutSec ?? Infinity;
  return station;
}
