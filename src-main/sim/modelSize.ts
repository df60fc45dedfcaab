/**
 * The model's size and nesting, checked before it is parsed or validated field
 * by field: a model thousands of levels deep or with tens of thousands of parts
 * is refused in microseconds, with the limit named, instead of costing seconds
 * of validation (or a crash in a recursive parser) first.
 */
import { ModelError } from './errors';
import { LIMITS } from './fields';

const count = (n: number): string => n.toLocaleString('en-US');

const tooDeep = (file: string): ModelError =>
  new ModelError(file, '', `expected a model nested at most ${count(LIMITS.maxModelDepth)} levels deep (lists and maps within each other)`, 'one nested deeper');

/**
 * Model text: its length, and how deep its brackets go (JSON, or YAML's flow style). Brackets inside
 * strings count too, so this over-counts only for text with many unclosed brackets in a string.
 */
export function checkModelText(text: string, file: string): void {
  if (text.length > LIMITS.maxModelChars) {
    throw new ModelError(file, '', `expected a model file of at most ${count(LIMITS.maxModelChars)} characters`, `${count(text.length)}`);
  }
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > LIMITS.maxModelDepth) throw tooDeep(file);
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
}

/** Parsed model data: how deep it nests and how many values it holds, walked without recursion and stopped at either limit. */
export function checkModelShape(value: unknown, file: string): void {
  const stack: unknown[] = [value];
  const depths: number[] = [1];
  let values = 0;
  while (stack.length > 0) {
    const v = stack.pop();
    const depth = depths.pop()!;
    if (++values > LIMITS.maxModelValues) {
      throw new ModelError(file, '', `expected a model of at most ${count(LIMITS.maxModelValues)} values (numbers, names, lists and maps)`, 'more');
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth > LIMITS.maxModelDepth) throw tooDeep(file);
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      stack.push(child);
      depths.push(depth + 1);
    }
  }
}
