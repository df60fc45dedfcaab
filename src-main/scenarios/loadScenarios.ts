/**
 * Reads scenarios/*.yaml. A file that does not parse or validate is left out
 * and reported by file, field and what was expected; the others still load.
 * A scenario whose reference design cannot even run is a broken file too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { designToModel } from './designToModel';
import { normaliseDesign } from './designSchema';
import { describeFileIssues, type FileProblem } from './fileErrors';
import { explainFileError } from '../fsErrors';
import { scenarioSchema, type ScenarioSpec } from './scenarioSchema';

export type LoadedScenario = ScenarioSpec & { file: string };

export interface ScenarioSet {
  scenarios: LoadedScenario[];
  problems: FileProblem[];
}

export const SCENARIO_DOCS = 'scenarios/README.md';

export function parseScenario(text: string, file: string): { ok: true; scenario: ScenarioSpec } | { ok: false; problem: FileProblem } {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    return { ok: false, problem: { file, field: null, message: `${file}: not valid YAML (${(err as Error).message.split('\n')[0]})` } };
  }
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problem: describeFileIssues(file, parsed.error, data, SCENARIO_DOCS) };
  const scenario = parsed.data;
  for (const which of ['starting', 'reference'] as const) {
    const design = normaliseDesign(scenario.id, scenario[which], scenario.workloads.map((w) => w.id));
    const build = designToModel(scenario, design);
    const errors = build.problems.filter((p) => p.severity === 'error');
    // A starting design may be incomplete on purpose (the learner finishes it); the reference must run.
    if (which === 'reference' && errors.length > 0) return { ok: false, problem: { file, field: which, message: `${file}: ${which}: ${errors[0]!.message}` } };
    const foreign = errors.find((p) => /does not offer/.test(p.message));
    if (foreign) return { ok: false, problem: { file, field: which, message: `${file}: ${which}: ${foreign.message}` } };
  }
  return { ok: true, scenario };
}

/**
 * Parsed files by path, kept while the file's size and modification time stay the same: the
 * designer checks a design several times a second, and parsing and checking every scenario again
 * each time (~20 ms) would block the main process. An edited file is read again on the next call.
 */
const parsed = new Map<string, { mtimeMs: number; size: number; out: ReturnType<typeof parseScenario> }>();

function parseFile(path: string, file: string): ReturnType<typeof parseScenario> {
  const { mtimeMs, size } = statSync(path);
  const known = parsed.get(path);
  if (known && known.mtimeMs === mtimeMs && known.size === size) return known.out;
  const out = parseScenario(readFileSync(path, 'utf8'), file);
  parsed.set(path, { mtimeMs, size, out });
  return out;
}

export function loadScenarios(folder: string): ScenarioSet {
  let files: string[];
  try {
    files = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch (err) {
    const message = `The scenarios folder could not be read: ${explainFileError(err, folder)} Set BACKPRESSURE_SCENARIOS to the folder that holds the scenario files, or reinstall Backpressure.`;
    return { scenarios: [], problems: [{ file: folder, field: null, message }] };
  }
  const loaded: LoadedScenario[] = [];
  const problems: FileProblem[] = [];
  for (const file of files) {
    let out: ReturnType<typeof parseScenario>;
    try {
      out = parseFile(join(folder, file), file);
    } catch (err) {
      problems.push({ file, field: null, message: `${file}: could not be read: ${explainFileError(err, join(folder, file))}` });
      continue;
    }
    if (out.ok) loaded.push({ ...out.scenario, file });
    else problems.push(out.problem);
  }
  // Two files with one id: neither wins by sorting first, since the learner could not tell which one they got.
  const filesById = new Map<string, string[]>();
  for (const s of loaded) filesById.set(s.id, [...(filesById.get(s.id) ?? []), s.file]);
  const scenarios = loaded.filter((s) => filesById.get(s.id)!.length === 1);
  for (const s of loaded) {
    const others = filesById.get(s.id)!.filter((file) => file !== s.file);
    if (others.length === 0) continue;
    problems.push({ file: s.file, field: 'id', message: `${s.file}: id: "${s.id}" is also used by ${others.join(', ')}; neither is loaded until one is renamed` });
  }
  return { scenarios, problems };
}
