/** Active users over a scenario's run, sampled for drawing and for finding the peak. */
import { trafficPlan } from '../sim/traffic';
import type { TrafficSpec } from '../sim/types';
import { trafficOf } from './designToModel';
import type { ScenarioSpec } from './scenarioSchema';

export function trafficCurve(scenario: ScenarioSpec, points = 200): { hour: number; users: number }[] {
  const t = scenario.traffic;
  const plan = trafficPlan(trafficOf(scenario) as TrafficSpec);
  const out: { hour: number; users: number }[] = [];
  for (let i = 0; i < points; i++) {
    const sec = ((i + 0.5) / points) * t.hours * 3600;
    out.push({ hour: Math.round((sec / 3600) * 1000) / 1000, users: Math.round((plan.rateAt(sec) / t.requestsPerUserPerSec) * 10) / 10 });
  }
  return out;
}
