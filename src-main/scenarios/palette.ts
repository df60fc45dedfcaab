/**
 * The designer's palette, read from each kind's own file (sim/models/): what
 * a kind is for, what it costs, the settings a learner may change, checking
 * those settings, and turning them into fields of the simulator's model.
 */
import type { ComponentKind } from '../sim/models/componentKind';
import { KINDS } from '../sim/models/index';
import type { OptionValues, PaletteSpec } from '../sim/models/kind';
import type { PaletteEntry } from './types';
import { withArticle } from './article';

/** The palette part of a kind's file; none for a name that is not a kind, or a kind the designer does not offer. */
function paletteOf(kind: string): PaletteSpec | null {
  return Object.hasOwn(KINDS, kind) ? KINDS[kind as ComponentKind].palette : null;
}

export function paletteEntry(kind: ComponentKind): PaletteEntry {
  const k = paletteOf(kind);
  return {
    kind,
    label: k?.label ?? kind,
    purpose: k?.purpose ?? '',
    costPerInstancePerMonth: Object.hasOwn(KINDS, kind) ? KINDS[kind].defaults.costPerInstancePerMonth.value : 0,
    maxInstances: k?.maxInstances ?? 1,
    options: k?.options ?? [],
  };
}

export function kindLabel(kind: string): string {
  return paletteOf(kind)?.label ?? kind;
}

/** Checks the learner's settings for one component; returns the problems in words. */
export function checkOptions(kind: ComponentKind, options: OptionValues): string[] {
  const specs = paletteOf(kind)?.options ?? [];
  const problems: string[] = [];
  for (const key of Object.keys(options)) {
    if (!specs.some((s) => s.key === key)) problems.push(`"${key}" is not a setting of ${withArticle(kindLabel(kind))}${specs.length ? ` (settings: ${specs.map((s) => s.key).join(', ')})` : ''}`);
  }
  for (const spec of specs) {
    const v = options[spec.key];
    if (v === undefined) continue;
    if (spec.type === 'number' && (typeof v !== 'number' || !Number.isFinite(v) || v < spec.min || v > spec.max)) problems.push(`${spec.label} should be a number from ${spec.min} to ${spec.max} ${spec.unit}, got ${JSON.stringify(v)}`);
    if (spec.type === 'choice' && !spec.choices.some((c) => c.value === v)) problems.push(`${spec.label} should be one of: ${spec.choices.map((c) => c.value).join(', ')}; got ${JSON.stringify(v)}`);
    if (spec.type === 'boolean' && typeof v !== 'boolean') problems.push(`${spec.label} should be true or false, got ${JSON.stringify(v)}`);
  }
  return problems;
}

/** Model fields for a component: defaults for settings left out, then the kind's own mapping. */
export function optionsToModel(kind: ComponentKind, options: OptionValues): Record<string, unknown> {
  const k = paletteOf(kind);
  if (!k) return {};
  const full: OptionValues = {};
  for (const spec of k.options) full[spec.key] = options[spec.key] ?? spec.default;
  if (k.toModel) return k.toModel(full);
  return { ...full };
}
