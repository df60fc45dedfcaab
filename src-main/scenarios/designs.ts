/**
 * Designs at the boundary: checking one the designer sends, reading one from
 * an imported file, and the live check (problems, paths, cost) the designer
 * shows as the learner works.
 */
import { validateModel } from '../sim/parse';
import { monthlyCost } from '../sim/cost';
import { designToModel } from './designToModel';
import { designSchema, normaliseDesign } from './designSchema';
import { describeFileIssues } from './fileErrors';
import { kindLabel, paletteEntry } from './palette';
import type { ScenarioSpec } from './scenarioSchema';
import type { Design, DesignCheck } from './types';

export class DesignFileError extends Error {
  override readonly name = 'DesignFileError';
  constructor(
    message: string,
    readonly field: string | null,
  ) {
    super(message);
  }
}

export const DESIGN_DOCS = 'the README section "Design files"';

/** Validates a design (from the designer, a draft or a file) against its scenario's format and offer. */
export function readDesign(scenario: ScenarioSpec, value: unknown, source = 'design'): Design {
  const parsed = designSchema.safeParse(value);
  if (!parsed.success) {
    const p = describeFileIssues(source, parsed.error, value, DESIGN_DOCS);
    throw new DesignFileError(p.message, p.field);
  }
  if (parsed.data.scenarioId !== scenario.id) throw new DesignFileError(`${source}: scenarioId: this design is for "${parsed.data.scenarioId}", not "${scenario.id}"`, 'scenarioId');
  const foreign = parsed.data.components.filter((c) => !scenario.offered.includes(c.kind));
  if (foreign.length > 0) {
    const names = foreign.map((c) => `${c.id} (${kindLabel(c.kind)})`).join(', ');
    throw new DesignFileError(`${source}: this scenario does not offer ${names}; it offers: ${scenario.offered.map(kindLabel).join(', ')}`, 'components');
  }
  return normaliseDesign(scenario.id, parsed.data, scenario.workloads.map((w) => w.id));
}

/** An imported file's text: JSON, then the same checks as any design. */
export function importDesignText(scenario: ScenarioSpec, text: string, fileName = 'imported file'): Design {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new DesignFileError(`${fileName}: not valid JSON (${(err as Error).message})`, null);
  }
  return readDesign(scenario, value, fileName);
}

export function templateDesign(scenario: ScenarioSpec, which: 'starting' | 'reference'): Design {
  return normaliseDesign(scenario.id, scenario[which], scenario.workloads.map((w) => w.id));
}

/** The design as it behaves, without where its nodes sit or what they are called: for telling the reference apart from the learner's own. */
function behaviourOf(design: Design): string {
  const components = design.components.map(({ x: _x, y: _y, label: _label, ...rest }) => rest).sort((a, b) => a.id.localeCompare(b.id));
  const wires = design.wires.map((w) => ({ ...w, workloads: [...w.workloads].sort() })).sort((a, b) => `${a.from}>${a.to}`.localeCompare(`${b.from}>${b.to}`));
  const policies = Object.keys(design.policies).sort().map((k) => [k, design.policies[k]]);
  return JSON.stringify({ components, wires, policies });
}

/** True when the design is the scenario's reference (moved around, perhaps, but otherwise unchanged). */
export function isReferenceDesign(scenario: ScenarioSpec, design: Design): boolean {
  return behaviourOf(design) === behaviourOf(templateDesign(scenario, 'reference'));
}

export function checkDesign(scenario: ScenarioSpec, design: Design): DesignCheck {
  const build = designToModel(scenario, design);
  const problems = [...build.problems];
  // The simulator's own cost when the design runs; the palette's prices while it is still incomplete.
  let costLines: DesignCheck['costLines'] = design.components.map((c) => ({ component: c.id, kind: c.kind, instances: c.instances, costPerMonth: c.instances * paletteEntry(c.kind).costPerInstancePerMonth }));
  if (build.model) {
    try {
      const cost = monthlyCost(validateModel(build.model, 'design'));
      costLines = cost.lines.filter((l) => l.costPerMonth > 0 || design.components.some((c) => c.id === l.component)).map((l) => ({ component: l.component, kind: l.kind, instances: l.instances, costPerMonth: l.costPerMonth }));
    } catch (err) {
      problems.push({ severity: 'error', message: (err as Error).message });
    }
  }
  const costPerMonth = costLines.reduce((sum, l) => sum + l.costPerMonth, 0);
  return { design, problems, paths: build.paths, costPerMonth, costLines, runnable: build.model !== null && !problems.some((p) => p.severity === 'error') };
}
