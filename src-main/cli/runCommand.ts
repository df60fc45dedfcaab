/**
 * `sim run <model> [--seed N] [--level request|horizon] [--json]`: one model
 * through the simulator, printed as tables (or the result as JSON).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ModelError, parseModel, simulate } from '../sim/index';
import type { SimLevel, SimResult } from '../sim/types';
import { UsageError, num, parseArgs, table, type Command } from './shared';

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

export const runCommand: Command = (args, io) => {
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

