/**
 * Autoscaling: every checkEverySec a station asks for enough instances for
 * the work in hand plus its target backlog; new ones serve after their
 * warm-up, surplus ones go at once. Changing the instances changes the
 * servers (and cores) behind the station's shared queue.
 */
import * as eventCodes from './events';
import * as areaFields from './stationAreas';
import { Stations } from './stations';

// Module-local copies, read once: under vitest each read of an imported binding is a getter call, and these are read on every event.
const { EV_AUTOSCALE, EV_INSTANCE_READY } = eventCodes;
const { LV_BUSY, LV_CAPACITY, LV_INSTANCES, LV_QUEUED, LV_SHIFT } = areaFields;

export abstract class Autoscaling extends Stations {
  protected onAutoscale(s: number): void {
    const a = this.st[s]!.autoscale!;
    const concurrency = this.st[s]!.concurrency;
    // Enough instances for the work in hand plus the target backlog per instance.
    const lv = s << LV_SHIFT;
    const wanted = Math.ceil(this.lv[lv + LV_BUSY]! / concurrency + this.lv[lv + LV_QUEUED]! / a.targetQueuePerInstance);
    const desired = Math.min(a.maxInstances, Math.max(a.minInstances, wanted));
    const active = this.lv[lv + LV_INSTANCES]!;
    const pending = this.stPending[s]!;
    if (desired > active + pending) {
      for (let k = active + pending; k < desired; k++) this.q.schedule(this.now + a.warmupSec, EV_INSTANCE_READY, s, 0);
      this.stPending[s] = desired - active;
    } else if (desired < active && pending === 0) {
      this.setInstances(s, desired);
    }
    this.q.schedule(this.now + a.checkEverySec, EV_AUTOSCALE, s, 0);
  }

  protected onInstanceReady(s: number): void {
    this.stPending[s]!--;
    this.setInstances(s, Math.min(this.lv[(s << LV_SHIFT) + LV_INSTANCES]! + 1, this.st[s]!.autoscale!.maxInstances));
  }

  protected setInstances(s: number, n: number): void {
    this.touch(s);
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
