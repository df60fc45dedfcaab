/**
 * The CPU behind a pooled store (StationPlan.cpu), or behind an instance
 * whose threads outnumber its cores: each query's service stretches by
 * max(1, n · share / cores), n the queries in service on its instance's
 * cores. The level Σ min(n, cores / share) is integrated over time for the
 * CPU utilisation and its series.
 */
import type { Plan } from '../plan';
import type { RunControl } from '../runControl';
import * as jobFields from './jobs';
import * as areaFields from './stationAreas';
import { Pools } from './pools';

// Module-local copies, read once: under vitest each read of an imported binding is a getter call, and these are read on every event.
const { J_QUEUE, JOB_INT_SHIFT } = jobFields;
const { LV_INSTANCES, LV_SHIFT } = areaFields;

export abstract class Cpu extends Pools {
  constructor(plan: Plan, seed: number, control: RunControl) {
    super(plan, seed, control);
    for (let s = 0; s < this.nS; s++) {
      for (let k = 0; k < this.stQueueCount[s]!; k++) this.qCpuFull[this.stQueueBase[s]! + k] = this.stCpuFull[s]! * this.cpuInstances(s);
    }
  }

  /**
   * A request starts service on a station with a CPU: its service stretches
   * by max(1, n · share / cores), n the requests in service on the same
   * cores with it (those waiting for a row lock, or holding a thread while
   * their call goes on, do not count).
   */
  protected cpuStretch(job: number, s: number): number {
    const g = this.ji[(job << JOB_INT_SHIFT) + J_QUEUE]!;
    const n = ++this.qInService[g]!;
    const full = this.qCpuFull[g]!;
    if (n - 1 < full) {
      this.touchCpu(s);
      this.stCpuLevel[s]! += Math.min(n, full) - (n - 1);
    }
    // n · share / cores (of every instance behind the queue).
    return n > full ? n / full : 1;
  }

  protected leaveCpu(s: number, g: number): void {
    const n = this.qInService[g]!--;
    const full = this.qCpuFull[g]!;
    if (n - 1 < full) {
      this.touchCpu(s);
      this.stCpuLevel[s]! -= Math.min(n, full) - (n - 1);
    }
  }

  /**
   * Instances whose cores one queue's requests share: all of them for a
   * shared queue (worker pools, autoscaled or not), else its own (a station
   * with one queue per instance and a single instance has one either way).
   */
  protected cpuInstances(s: number): number {
    return this.stQueueCount[s] === 1 ? Math.max(1, this.lv[(s << LV_SHIFT) + LV_INSTANCES]!) : 1;
  }

  /** Adds the time since the CPU level of station s last changed to its integrals (per interval, and over the measured window). */
  protected touchCpu(s: number): void {
    const now = this.now;
    const last = this.stCpuLast[s]!;
    const level = this.stCpuLevel[s]!;
    if (level > 0 && now > last) {
      if (this.measuring) this.stCpuArea[s]! += level * (now - last);
      const b = this.stCpuBucket[s]!;
      if (b === this.curBucket) this.stCpuSeries[s * this.B + b]! += level * (now - last);
      else this.cpuAcrossIntervals(s, b, last, level);
    }
    this.stCpuLast[s] = now;
    this.stCpuBucket[s] = this.curBucket;
  }

  /** The CPU level of station s from `from` (in interval b) to now, split at interval ends. */
  protected cpuAcrossIntervals(s: number, b: number, from: number, level: number): void {
    const base = s * this.B;
    while (b < this.curBucket) {
      const end = (b + 1) * this.bucketSec;
      if (end > from) this.stCpuSeries[base + b]! += level * (end - from);
      from = end;
      b++;
    }
    if (this.now > from) this.stCpuSeries[base + b]! += level * (this.now - from);
  }
}
