/**
 * Station measures: bringing a station's time integrals up to date before a
 * level changes, a departure's stay and wait, and the start of the measured
 * window (the end of the warm-up).
 */
import * as jobFields from './jobs';
import { Cpu } from './cpu';

// Module-local copies, read once: under vitest each read of an imported binding is a getter call, and these are read on every event.
const { J_WORKLOAD, JF_ARRIVE, JF_START, JOB_FLOAT_SHIFT, JOB_INT_SHIFT } = jobFields;

export abstract class Measures extends Cpu {
  /** Adds the time since the station last changed to its integrals (per interval and total). */
  protected touch(s: number): void {
    this.areas.update(s, this.now, this.curBucket, this.measuring);
  }

  /** A departure's measures over the measured window. */
  protected recordDeparture(job: number, s: number): void {
    const f = job << JOB_FLOAT_SHIFT;
    const jf = this.jf;
    const now = this.now;
    const arrive = jf[f + JF_ARRIVE]!;
    const start = jf[f + JF_START]!;
    const sojourn = now - arrive;
    this.stDepartures[s]!++;
    this.stSojournSum[s]! += sojourn;
    this.stWaitSum[s]! += start - arrive;
    this.stSojournHist[s]!.add(sojourn);
    this.stWork[s * this.nW + this.ji[(job << JOB_INT_SHIFT) + J_WORKLOAD]!]! += now - start;
  }

  /** A departure's measures, for a caller that held its thread until now. */
  protected heldDeparture(s: number, w: number, arrive: number, start: number, since: number): void {
    const sojourn = this.now - arrive;
    this.stHeldSec[s]! += this.now - since;
    this.stDepartures[s]!++;
    this.stSojournSum[s]! += sojourn;
    this.stWaitSum[s]! += start - arrive;
    this.stSojournHist[s]!.add(sojourn);
    this.stWork[s * this.nW + w]! += this.now - start;
  }

  protected onWarmupEnd(): void {
    for (let s = 0; s < this.nS; s++) {
      this.touch(s);
      if (this.stCpuCores[s]! > 0) this.touchCpu(s);
    }
    this.measuring = true;
  }
}
