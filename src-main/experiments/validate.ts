/**
 * One validator for every widget, driven by its ControlSpecs: unknown ids,
 * wrong types, values outside [min, max] and choices not offered are refused
 * with a message that names the control, what was expected and what came.
 */
import { ExperimentError } from './errors';
import type { ControlSpec, ControlValues, ExperimentSpec } from './types';

function fmt(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

function got(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function expected(control: ControlSpec): string {
  if (control.kind === 'choice') return `expected one of ${control.options.map((o) => o.value).join(', ')}`;
  const unit = control.unit ? ` ${control.unit}` : '';
  return `expected a number from ${fmt(control.min)} to ${fmt(control.max)}${unit}`;
}

function accepts(control: ControlSpec, value: number | string): boolean {
  if (control.kind === 'choice') return typeof value === 'string' && control.options.some((o) => o.value === value);
  return typeof value === 'number' && Number.isFinite(value) && value >= control.min && value <= control.max;
}

/** The controls to run with: the given ones checked, the missing ones at their defaults. */
export function resolveControls(spec: ExperimentSpec, given: ControlValues): ControlValues {
  const byId = new Map(spec.controls.map((c) => [c.id, c]));
  for (const [id, value] of Object.entries(given)) {
    const control = byId.get(id);
    if (!control) {
      throw new ExperimentError(`${id}: not a control of ${spec.widget} (known: ${spec.controls.map((c) => c.id).join(', ')})`);
    }
    if (!accepts(control, value)) throw new ExperimentError(`${id}: ${expected(control)}, got ${got(value)}`);
  }
  const resolved: ControlValues = {};
  for (const control of spec.controls) resolved[control.id] = given[control.id] ?? control.default;
  return resolved;
}
