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
  // Names of missing components are checked on the raw input, so they are said beside field problems too.
  const issues = [...(result.success ? [] : result.error.issues), ...danglingReferences(value)];
  if (!result.success || issues.length > 0) throw fromZodIssues(fileName, issues, value);
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
