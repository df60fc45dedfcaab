// What nodes and wires on the canvas read without being rebuilt: the highlighted
// workload, each workload's colour and path, and which components have problems.
import { getContext, setContext } from 'svelte';
import type { DesignCheck, WorkloadView } from '../../../src-main/api/contract';
import { workloadColour } from './colours';
import { USERS } from './model';

const key = Symbol('designer-view');

export class DesignerView {
  workloads = $state.raw<WorkloadView[]>([]);
  /** The workload whose path is highlighted (hovered or chosen in the workloads panel). */
  highlight = $state<string | null>(null);
  check = $state.raw<DesignCheck | null>(null);

  index(workloadId: string): number {
    return this.workloads.findIndex((w) => w.id === workloadId);
  }

  colour(workloadId: string): string {
    return workloadColour(this.index(workloadId));
  }

  label(workloadId: string): string {
    return this.workloads.find((w) => w.id === workloadId)?.label ?? workloadId;
  }

  /** Nodes on the highlighted workload's path (users first), or null when none is highlighted. */
  highlightNodes = $derived.by((): Set<string> | null => {
    if (!this.highlight) return null;
    const hops = this.check?.paths[this.highlight]?.hops ?? [];
    return new Set([USERS, ...hops]);
  });

  /** Is the wire from -> to a hop of this workload's path, and does it run in the background? */
  hop(workloadId: string, from: string, to: string): { onPath: boolean; background: boolean } {
    const path = this.check?.paths[workloadId];
    if (!path) return { onPath: false, background: false };
    const nodes = [USERS, ...path.hops];
    for (let i = 1; i < nodes.length; i++) {
      if (nodes[i - 1] === from && nodes[i] === to) {
        // hops[i - 1] is the wire's target; it runs in the background at or past asyncFrom.
        return { onPath: true, background: path.asyncFrom !== null && i - 1 >= path.asyncFrom };
      }
    }
    return { onPath: false, background: false };
  }

  problemsOf(componentId: string): { errors: number; warnings: number } {
    let errors = 0;
    let warnings = 0;
    for (const p of this.check?.problems ?? []) {
      if (p.component !== componentId) continue;
      if (p.severity === 'error') errors++;
      else warnings++;
    }
    return { errors, warnings };
  }
}

export function provideDesignerView(view: DesignerView): DesignerView {
  return setContext(key, view);
}

export function designerView(): DesignerView {
  const view = getContext<DesignerView | undefined>(key);
  if (!view) throw new Error('designerView() outside the Designer');
  return view;
}
