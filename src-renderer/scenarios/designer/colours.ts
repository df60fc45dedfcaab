// Workload colours: designer tokens (designer.css) picked by the workload's place in the scenario.
const WORKLOAD_TONES = 6;

export function workloadColour(index: number): string {
  return `var(--wl-${(Math.max(0, index) % WORKLOAD_TONES) + 1})`;
}
