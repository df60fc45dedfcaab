/**
 * `sim grade <scenario.yaml> (<design.json> | --reference | --starting) [--seed N] [--drill ID] [--json]`:
 * the app's verdict from the command line. Exit 0 when every contract term
 * passes, 1 when any fails, 2 on bad input (file, field and what was expected).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SEED_MAX, seedField } from '../api/fields';
import { InputError, UsageError, num, parseArgs, table, type Command } from './shared';
import { DesignFileError, importDesignText, templateDesign } from '../scenarios/designs';
import { parseScenario } from '../scenarios/loadScenarios';
import { DesignNotRunnable, gradeDesign } from '../scenarios/runScenario';
import type { ScenarioRunResult } from '../scenarios/types';

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`${basename(file)}: could not read the ${what} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

export function formatRun(run: Omit<ScenarioRunResult, 'attemptId' | 'at'>, title: string): string {
  const lines: string[] = [];
  lines.push(`${title}: ${run.pass ? 'PASS' : 'FAIL'} (seed ${run.seed}${run.drill ? `, drill ${run.drill}` : ''})`);
  lines.push('');
  lines.push(table([['term', 'target', 'measured', 'verdict'], ...run.terms.map((t) => [t.term, `${t.comparison === 'min' ? '>=' : '<='} ${num(t.target, 3)} ${t.unit}`, `${num(t.measured, 3)} ${t.unit}`, t.pass ? 'pass' : 'FAIL'])]));
  lines.push('');
  lines.push(run.result.explanation.summary);
  lines.push(`error budget: ${num(run.errorBudget.failures, 0)} failed requests of ${num(run.errorBudget.allowedFailures, 0)} allowed`);
  for (const s of run.silentFailures) lines.push(`silent failure: ${s.message}`);
  for (const h of run.hints) {
    lines.push('');
    lines.push(`hint: ${h.title}`);
    for (const e of h.evidence) lines.push(`  - ${e}`);
    if (h.remedy) lines.push(`  remedy (${h.remedy.changes.join('; ')}): ${h.remedy.pass ? 'passes' : 'still fails'} — ${h.remedy.terms.map((t) => `${t.term} ${num(t.measured, 3)} ${t.unit} ${t.pass ? 'pass' : 'FAIL'}`).join(', ')}`);
  }
  return lines.join('\n');
}

export const gradeCommand: Command = (args, io) => {
  const { positional, options } = parseArgs(args, { seed: 'value', drill: 'value', json: 'switch', reference: 'switch', starting: 'switch' });
  const which = options.reference ? 'reference' : options.starting ? 'starting' : null;
  if (options.reference && options.starting) throw new UsageError('grade takes --reference or --starting, not both');
  if (positional.length !== (which ? 1 : 2)) throw new UsageError('grade expects a scenario file and a design file (or --reference / --starting)');
  const seed = options.seed === undefined ? 1 : Number(options.seed);
  if (!seedField.safeParse(seed).success) throw new UsageError(`--seed expects a whole number from 0 to ${SEED_MAX}, got "${String(options.seed)}"`);
  const scenarioFile = positional[0]!;
  const loaded = parseScenario(readText(scenarioFile, 'scenario'), basename(scenarioFile));
  if (!loaded.ok) throw new InputError(loaded.problem.message);
  const scenario = loaded.scenario;
  let design;
  try {
    design = which ? templateDesign(scenario, which) : importDesignText(scenario, readText(positional[1]!, 'design'), basename(positional[1]!));
  } catch (err) {
    if (err instanceof DesignFileError) throw new InputError(err.message);
    throw err;
  }
  if (typeof options.drill === 'string' && !scenario.drills?.some((d) => d.id === options.drill)) {
    throw new InputError(`--drill: expected one of: ${(scenario.drills ?? []).map((d) => d.id).join(', ') || '(this scenario has no drills)'}, got "${options.drill}"`);
  }
  let outcome;
  try {
    outcome = gradeDesign(scenario, design, { seed, drill: typeof options.drill === 'string' ? options.drill : undefined });
  } catch (err) {
    if (err instanceof DesignNotRunnable) throw new InputError(err.message);
    throw err;
  }
  if (outcome.status !== 'complete') throw new Error('grading was cancelled');
  io.out(options.json ? JSON.stringify(outcome.run) : formatRun(outcome.run, scenario.title));
  return outcome.run.pass ? 0 : 1;
};
