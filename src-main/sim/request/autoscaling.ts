/**
 * Autoscaling: every checkEverySec a station asks for enough instances for
 * the work in hand plus its target backlog (on queue depth), or for its CPU
 * at the target utilisation (on cpu: instances × utilisation since the last
 * check / target); new ones serve after their warm-up, surplus ones go at
 * once. Changing the instances changes the servers (and cores) behind the
 * station's shared queue.
 */
import * as eventCodes from './events';
import * as areaFields from './stationAreas';
import { Stations } from './stations';

// Module-local copies, read once: under vitest each read of an imported binding is a getter call, and these are read on every event.
const { EV_AUTOSCALE, EV_INSTANCE_READY } = eventCodes;
const { LV_BUSY, LV_CAPACITY, LV_INSTANCES, LV_QUEUED, LV_SHIFT } = areaFields;

export abstract class Autoscaling extends Stations {
  /** Per station: CPU busy (in full-CPU requests × s) and CPU capacity (× s) up to the last check, and since when capacity was added up. */
  private cpuBusyAtCheck: number[] = [];
  private cpuCapArea: number[] = [];
  private cpuCapAtCheck: number[] = [];
  private cpuCapSince: number[] = [];

  protected onAutoscale(s: number): void {
    const a = this.st[s]!.autoscale!;
    const lv = s << LV_SHIFT;
    const active = this.lv[lv + LV_INSTANCES]!;
    const wanted = a.on === 'cpu' ? Math.ceil((active * this.cpuSinceCheck(s)) / a.targetCpu) : this.wantedForQueue(s, a.targetQueuePerInstance);
    const desired = Math.min(a.maxInstances, Math.max(a.minInstances, wanted));
    const pending = this.stPending[s]!;
    if (desired > active + pending) {
      for (let k = active + pending; k < desired; k++) this.q.schedule(this.now + a.warmupSec, EV_INSTANCE_READY, s, 0);
      this.stPending[s] = desired - active;
    } else if (desired < active && pending === 0) {
      this.setInstances(s, desired);
    }
    this.q.schedule(this.now + a.checkEverySec, EV_AUTOSCALE, s, 0);
  }

  /** Enough instances for the work in hand plus the target backlog per instance. */
  private wantedForQueue(s: number, target: number): number {
    const lv = s << LV_SHIFT;
    return Math.ceil(this.lv[lv + LV_BUSY]! / this.st[s]!.concurrency + this.lv[lv + LV_QUEUED]! / target);
  }

  /** The station's CPU utilisation since its last check (0..1), from the CPU level's running integral. */
  private cpuSinceCheck(s: number): number {
    this.touchCpu(s);
    this.addCpuCapacity(s);
    let busy = 0;
    const base = s * this.B;
    for (let b = 0; b <= this.curBucket; b++) busy += this.stCpuSeries[base + b]!;
    const capacity = this.cpuCapArea[s]! - (this.cpuCapAtCheck[s] ?? 0);
    const used = busy - (this.cpuBusyAtCheck[s] ?? 0);
    this.cpuBusyAtCheck[s] = busy;
    this.cpuCapAtCheck[s] = this.cpuCapArea[s]!;
    return capacity > 0 ? Math.min(1, used / capacity) : 0;
  }

  /** Adds the CPU capacity of the instances in service since the last change (full-CPU requests × s). */
  private addCpuCapacity(s: number): void {
    const since = this.cpuCapSince[s] ?? 0;
    this.cpuCapArea[s] = (this.cpuCapArea[s] ?? 0) + this.qCpuFull[this.stQueueBase[s]!]! * (this.now - since);
    this.cpuCapSince[s] = this.now;
  }

  protected onInstanceReady(s: number): void {
    this.stPending[s]!--;
    this.setInstances(s, Math.min(this.lv[(s << LV_SHIFT) + LV_INSTANCES]! + 1, this.st[s]!.autoscale!.maxInstances));
  }

  protected setInstances(s: number, n: number): void {
    this.touch(s);
    if (this.stCpuCores[s]! > 0) this.addCpuCapacity(s);
    this.lv[(s << LV_SHIFT) + LV_INSTANCES] = n;
    const g = this.stQueueBase[s]!;
    const servers = Math.min(n * this.st[s]!.concurrency, this.stServerCap[s]!);
    this.qServers[g] = servers;
    this.lv[(s << LV_SHIFT) + LV_CAPACITY] = servers;
    if (this.stCpuCores[s]! > 0) {
      // The queue's requests now share the cores of n instances.
      this.touchCpu(s);
      this.qCpuFull[g] = this.stCpuFull[s]! * this.cpuInstances(s);
      this.stCpuLevel[s] = Math.min(this.qInService[g]!, this.qCpuFull[g]!);
    }
    while (this.qLen[g]! > 0 && this.qBusy[g]! < servers) this.startNextWaiting(s, g);
  }
}
