// Widget kinds the lessons can name (```widget blocks), one component each.
import type { Component } from 'svelte';
import type { ExperimentSpec, LessonBlock } from '../../../src-main/api/contract';
import type { WidgetConfig } from './validate';
import CacheAside from './CacheAside.svelte';
import EvictionRace from './EvictionRace.svelte';
import Stampede from './Stampede.svelte';
import WriteStrategies from './WriteStrategies.svelte';
import CacheWarming from './CacheWarming.svelte';
import ConsistentHashing from './ConsistentHashing.svelte';
import HotKey from './HotKey.svelte';
import DoubleBooking from './DoubleBooking.svelte';
import LockingVsOptimistic from './LockingVsOptimistic.svelte';
import Deadlocks from './Deadlocks.svelte';
import HotRow from './HotRow.svelte';
import SeatHolds from './SeatHolds.svelte';
import Coordination from './Coordination.svelte';
import SyncVsAsync from './SyncVsAsync.svelte';
import BurstBacklog from './BurstBacklog.svelte';
import RetryStorm from './RetryStorm.svelte';
import PoisonMessages from './PoisonMessages.svelte';
import PriorityJobs from './PriorityJobs.svelte';
import AutoscalingWorkers from './AutoscalingWorkers.svelte';

export interface WidgetProps {
  lessonId: string;
  block: Extract<LessonBlock, { type: 'widget' }>;
  spec: ExperimentSpec;
  config: WidgetConfig;
}

export const widgets: Record<string, Component<WidgetProps>> = {
  'cache-aside': CacheAside,
  'eviction-race': EvictionRace,
  stampede: Stampede,
  'write-strategies': WriteStrategies,
  'cache-warming': CacheWarming,
  'consistent-hashing': ConsistentHashing,
  'hot-key': HotKey,
  'double-booking': DoubleBooking,
  'locking-vs-optimistic': LockingVsOptimistic,
  deadlocks: Deadlocks,
  'hot-row': HotRow,
  'seat-holds': SeatHolds,
  coordination: Coordination,
  'sync-vs-async': SyncVsAsync,
  'burst-backlog': BurstBacklog,
  'retry-storm': RetryStorm,
  'poison-messages': PoisonMessages,
  'priority-jobs': PriorityJobs,
  'autoscaling-workers': AutoscalingWorkers,
};

export function widgetFor(kind: string): Component<WidgetProps> | undefined {
  return Object.prototype.hasOwnProperty.call(widgets, kind) ? widgets[kind] : undefined;
}
