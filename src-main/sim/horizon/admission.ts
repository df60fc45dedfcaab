/**
 * Virtual-queue gates at the horizon level. Each step every workload's joins
 * are collected first; then each gate releases at most admitPerSec (joins
 * plus those already waiting), first come first served: the waiting line is
 * kept per workload, and releases are shared in proportion to who waits
 * (a fluid FIFO). Beyond maxWaiting, joins are rejected.
 */
import type { Plan } from '../plan';

export class AdmissionGates {
  /** Station indices of the gates. */
  readonly stations: number[];
  private readonly W: number;
  private readonly joins: Float64Array;
  private readonly waitingBy: Float64Array;
  private readonly releasedBy: Float64Array;
  private readonly rejectedShare: Float64Array;

  constructor(private readonly plan: Plan) {
    const S = plan.stations.length;
    this.W = plan.workloads.length;
    this.stations = plan.stations.filter((s) => s.admission !== null).map((s) => s.index);
    this.joins = new Float64Array(S * this.W);
    this.waitingBy = new Float64Array(S * this.W);
    this.releasedBy = new Float64Array(S * this.W);
    this.rejectedShare = new Float64Array(S);
  }

  get any(): boolean {
    return this.stations.length > 0;
  }

  /** Starts a step: no joins yet. */
  reset(): void {
    this.joins.fill(0);
  }

  join(station: number, workload: number, perSec: number): void {
    this.joins[station * this.W + workload]! += perSec;
  }

  /** Decides this step's rejections and releases; `failing` says which gates are down (a fail fault). */
  resolve(dtSec: number, failing: (station: number) => boolean): void {
    const W = this.W;
    for (const s of this.stations) {
      const gate = this.plan.stations[s]!.admission!;
      const base = s * W;
      let joined = 0;
      let waiting = 0;
      for (let w = 0; w < W; w++) {
        joined += this.joins[base + w]! * dtSec;
        waiting += this.waitingBy[base + w]!;
      }
      let rejected = failing(s) ? 1 : 0;
      const release = Math.min(gate.admitPerSec * dtSec, waiting + joined * (1 - rejected));
      const over = waiting + joined * (1 - rejected) - release - gate.maxWaiting;
      if (over > 0 && joined > 0) rejected = Math.min(1, rejected + over / joined);
      this.rejectedShare[s] = rejected;
      const line = waiting + joined * (1 - rejected);
      for (let w = 0; w < W; w++) {
        const mine = this.waitingBy[base + w]! + this.joins[base + w]! * dtSec * (1 - rejected);
        const out = line > 0 ? (release * mine) / line : 0;
        this.releasedBy[base + w] = out / dtSec;
        this.waitingBy[base + w] = Math.max(0, mine - out);
      }
    }
  }

  /** Joins of this workload accepted per second (answered). */
  accepted(station: number, workload: number): number {
    return this.joins[station * this.W + workload]! * (1 - this.rejectedShare[station]!);
  }

  /** Users of this workload released to the next hop per second. */
  released(station: number, workload: number): number {
    return this.releasedBy[station * this.W + workload]!;
  }

  rejected(station: number): number {
    return this.rejectedShare[station]!;
  }

  /** Users waiting at this gate. */
  waiting(station: number): number {
    let sum = 0;
    for (let w = 0; w < this.W; w++) sum += this.waitingBy[station * this.W + w]!;
    return sum;
  }
}
