/** Text or plain data -> validated Model, or a ModelError naming file, field and expectation for every problem. */
import { parse as parseYaml } from 'yaml';
import { fromZodIssues, ModelError } from './errors';
import { checkModelShape, checkModelText } from './modelSize';
import { danglingReferences } from './references';
import { modelSchema } from './schema';
import type { Model } from './types';

export function validateModel(value: unknown, fileName: string): Model {
  checkModelShape(value, fileName);
  const result = modelSchema.safeParse(value);
  // Names of missing components are said beside field problems, not only once those are fixed.
  if (!result.success) throw fromZodIssues(fileName, [...result.error.issues, ...danglingReferences(value)], value);
  return result.data;
}

export function parseModel(text: string, fileName: string): Model {
  checkModelText(text, fileName);
  let value: unknown;
  try {
    // JSON is YAML, but JSON.parse gives clearer positions for .json files.
    value = fileName.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new ModelError(fileName, '', `expected valid ${fileName.endsWith('.json') ? 'JSON' : 'YAML'} (${reason})`, null);
  }
  return validateModel(value, fileName);
}
