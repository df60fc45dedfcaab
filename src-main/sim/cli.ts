/**
 * Command line: `node --import tsx src-main/sim/cli.ts run <model> [--seed N] [--level request|horizon] [--json]`.
 * Exit 0 on success, 2 on a bad model or bad arguments (message on stderr),
 * 1 on anything unexpected. Subcommands live in one table, so `grade` (for
 * scenarios) can be added beside `run`.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ModelError, parseModel, simulate } from './index';
import type { SimLevel, SimResult } from './types';
import { InputError, UsageError, num, parseArgs, table, type Command, type Io } from './cliShared';
import { gradeCommand } from '../scenarios/gradeCommand';

export { UsageError } from './cliShared';

const USAGE = `usage:
  sim run <model.yaml|model.json> [--seed N] [--level request|horizon] [--json]
  sim grade <scenario.yaml> (<design.json> | --reference | --starting) [--seed N] [--drill ID] [--json]`;

export function formatResult(r: SimResult): string {
  const lines: string[] = [];
  lines.push(`${r.modelName}: ${r.level}-level run, seed ${r.seed}, ${num(r.durationSec, 0)} s simulated (${num(r.warmupSec, 0)} s warm-up)`);
  lines.push('');
  lines.push(
    `uptime ${num(r.totals.uptimePct, 3)} %   p95 ${num(r.totals.p95Ms)} ms   p99 ${num(r.totals.p99Ms)} ms   throughput ${num(r.totals.throughputPerSec)}/s   errors ${num(r.totals.errorRatePct, 3)} %   cost $${num(r.totals.costPerMonth, 2)}/month`,
  );
  lines.push('');
  lines.push(
    table([
      ['workload', 'requests', 'throughput/s', 'offered/s', 'p50 ms', 'p95 ms', 'p99 ms', 'uptime %', 'errors', 'timeouts', 'late'],
      ...r.workloads.map((w) => [w.id, num(w.userRequests, 0), num(w.throughputPerSec), num(w.offeredLoadPerSec), num(w.p50Ms), num(w.p95Ms), num(w.p99Ms), num(w.uptimePct, 3), num(w.errors, 0), num(w.timeouts, 0), num(w.late, 0)]),
    ]),
  );
  lines.push('');
  lines.push(
    table([
      ['component', 'kind', 'servers', 'arrivals/s', 'utilisation', 'theory', 'queue', 'sojourn ms', 'theory ms', 'hit ratio', 'theory', '$/month'],
      ...r.components.map((c) => [
        c.id,
        c.kind,
        num(c.servers, 0),
        num(c.arrivalRatePerSec),
        num(c.utilisation, 3),
        num(c.theory?.utilisation ?? null, 3),
        num(c.queueDepth, 2),
        num(c.meanSojournMs, 2),
        num(c.theory?.meanSojournMs ?? null, 2),
        num(c.cacheHitRatio, 3),
        num(c.theory?.cacheHitRatio ?? null, 3),
        num(c.costPerMonth, 2),
      ]),
    ]),
  );
  const theories = r.components.filter((c) => c.theory);
  if (theories.length > 0) {
    lines.push('');
    for (const c of theories) lines.push(`theory for ${c.id}: ${c.theory!.model}${c.theory!.caveat ? ` (${c.theory!.caveat})` : ''}`);
  }
  lines.push('');
  lines.push(r.explanation.summary);
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n');
}

const runCommand: Command = (args, io) => {
  const { positional, options } = parseArgs(args, { seed: 'value', level: 'value', json: 'switch' });
  if (positional.length !== 1) throw new UsageError('run expects exactly one model file');
  const seed = options.seed === undefined ? 1 : Number(options.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed expects a whole number >= 0, got "${String(options.seed)}"`);
  const level = options.level;
  if (level !== undefined && level !== 'request' && level !== 'horizon') throw new UsageError(`--level expects request or horizon, got "${String(level)}"`);
  const file = positional[0]!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ModelError(basename(file), '', 'expected a readable model file', null);
  }
  const model = parseModel(text, basename(file));
  const outcome = simulate(model, { seed, ...(level ? { level: level as SimLevel } : {}) });
  if (outcome.status !== 'complete') throw new Error('run was cancelled');
  io.out(options.json ? JSON.stringify(outcome) : formatResult(outcome));
  return 0;
};

export const COMMANDS: Record<string, Command> = { run: runCommand, grade: gradeCommand };

export function main(argv: string[], io: Io = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) }): number {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  try {
    if (!command) throw new UsageError(name === undefined ? 'missing command' : `unknown command "${name}"`);
    return command(rest, io);
  } catch (e) {
    if (e instanceof ModelError || e instanceof InputError) {
      io.err(e.message);
      return 2;
    }
    if (e instanceof UsageError) {
      io.err(`${e.message}\n${USAGE}`);
      return 2;
    }
    io.err(e instanceof Error ? (e.stack ?? e.message) : String(e));
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
