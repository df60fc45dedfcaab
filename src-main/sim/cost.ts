/**
 * Monthly cost: instances x price per instance, per component. Autoscaled
 * pools are charged for the instances they ran on average (when a result is
 * given) or for their configured count (from the model alone).
 */
import { compile } from './compile';
import type { Plan } from './plan';
import type { CostBreakdown, Model } from './types';

export function planCost(plan: Plan, meanInstances?: readonly number[]): CostBreakdown {
  const lines = plan.stations.map((s, i) => {
    const instances = meanInstances?.[i] ?? s.instances;
    return {
      component: s.id,
      kind: s.kind,
      instances,
      costPerInstancePerMonth: s.costPerInstancePerMonth,
      costPerMonth: instances * s.costPerInstancePerMonth,
    };
  });
  return { totalPerMonth: lines.reduce((sum, l) => sum + l.costPerMonth, 0), lines };
}

export function monthlyCost(model: Model): CostBreakdown {
  return planCost(compile(model));
}
