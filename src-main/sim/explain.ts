/**
 * The explanation a learner reads under the charts: which components ran
 * out of capacity, and which workload put the most work on each.
 */
import type { ComponentResult, Explanation, Saturation, WorkloadResult } from './types';

/** A peak (over ~20 windows) above this, or a mean above MEAN_SATURATION, counts as saturated. */
export const SATURATION_UTILISATION = 0.9;
const MEAN_SATURATION = 0.85;

export interface ExplainInput {
  components: readonly ComponentResult[];
  workloads: readonly WorkloadResult[];
  /** Per component: server-seconds of work done for each workload (same order as workloads). */
  workByWorkload: readonly (readonly number[])[];
}

const pct = (x: number): string => `${Math.round(x * 100)} %`;

export function explain({ components, workloads, workByWorkload }: ExplainInput): Explanation {
  const saturated: Saturation[] = [];
  components.forEach((c, i) => {
    const queueing = c.peakQueueDepth > Math.max(10, c.servers);
    // The CPU behind the connections or threads can run out first: a big pool in front of two cores.
    const cpuPeak = c.peakCpuUtilisation ?? 0;
    // A caller whose threads also ran out is named for its threads (they filled up waiting first).
    const cpuHot = cpuPeak >= SATURATION_UTILISATION && cpuPeak >= c.peakUtilisation && (c.peakUtilisation < SATURATION_UTILISATION || (c.waitingOnCallsShare ?? 0) < 0.5);
    const hot = cpuHot || c.peakUtilisation >= SATURATION_UTILISATION || c.utilisation >= MEAN_SATURATION;
    if (!hot && !(queueing && c.peakUtilisation >= 0.8)) return;
    const work = workByWorkload[i] ?? [];
    const total = work.reduce((a, b) => a + b, 0);
    let top = -1;
    for (let w = 0; w < work.length; w++) if (top < 0 || work[w]! > work[top]!) top = w;
    const drivers = total > 0 ? work.map((w, k) => ({ workload: workloads[k]!.id, share: w / total })).filter((d) => d.share > 0).sort((a, b) => b.share - a.share) : [];
    saturated.push({
      component: c.id,
      utilisation: cpuHot ? cpuPeak : c.peakUtilisation,
      resource: cpuHot ? 'cpu' : 'servers',
      queueDepth: c.peakQueueDepth,
      drivenBy: top >= 0 && total > 0 ? workloads[top]!.id : null,
      drivenByShare: top >= 0 && total > 0 ? work[top]! / total : 0,
      drivers,
    });
  });
  saturated.sort((a, b) => b.utilisation - a.utilisation);
  if (saturated.length === 0) {
    const busiest = [...components].sort((a, b) => b.peakUtilisation - a.peakUtilisation)[0];
    return {
      summary: busiest
        ? `No component ran out of capacity. The busiest was ${busiest.id} at ${pct(busiest.peakUtilisation)} at its peak.`
        : 'No component ran out of capacity.',
      saturated,
    };
  }
  const parts = saturated.map((s) => {
    // A second workload with a fifth of the work or more is named too: the bottleneck may be shared.
    const second = s.drivers[1] && s.drivers[1].share >= 0.2 ? ` and ${s.drivers[1].workload} (${pct(s.drivers[1].share)})` : '';
    const driver = s.drivenBy ? `, driven by ${s.drivenBy} (${pct(s.drivenByShare)} of its work)${second}` : '';
    const what = s.resource === 'cpu' ? `its CPU ${pct(s.utilisation)} busy at the peak` : `peak utilisation ${pct(s.utilisation)}`;
    return `${s.component} saturated (${what}, up to ${Math.round(s.queueDepth)} waiting)${driver}`;
  });
  return { summary: `${parts.join('; ')}.`, saturated };
}
