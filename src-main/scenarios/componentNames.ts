/**
 * What the learner sees each component called, so hints and problems use the names on the canvas
 * rather than ids: the name they gave it, else its kind's name (numbered when several unnamed
 * components share a kind); a fixed component's label; "Users". The designer names its nodes by
 * the same rule (renderer edits.ts `nameOf`; test/unit/renderer/componentNames.test.ts holds them together).
 */
import { kindLabel } from './palette';
import type { ScenarioSpec } from './scenarioSchema';
import { USERS_NODE, type Design } from './types';

export function componentNames(scenario: Pick<ScenarioSpec, 'fixed'>, design: Pick<Design, 'components'>): Map<string, string> {
  const names = new Map<string, string>([[USERS_NODE, 'Users']]);
  for (const f of scenario.fixed ?? []) names.set(f.id, f.label);
  for (const c of design.components) {
    if (names.has(c.id)) continue;
    const unnamed = design.components.filter((x) => x.kind === c.kind && !x.label);
    names.set(c.id, c.label ?? (unnamed.length > 1 ? `${kindLabel(c.kind)} ${unnamed.indexOf(c) + 1}` : kindLabel(c.kind)));
  }
  return names;
}
