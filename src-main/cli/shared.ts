/** What the command line's subcommands share: argument parsing, usage errors, plain-text tables. */

export class UsageError extends Error {}

/** Bad input (a file, a field): reported as is, exit 2. */
export class InputError extends Error {}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export type Command = (args: string[], io: Io) => number;

/** Splits `--flag value` options from positional arguments. */
export function parseArgs(args: string[], flags: Record<string, 'value' | 'switch'>): { positional: string[]; options: Record<string, string | true> } {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const name = a.slice(2);
    const kind = flags[name];
    if (!kind) throw new UsageError(`unknown option ${a}`);
    if (kind === 'switch') options[name] = true;
    else {
      const value = args[++i];
      if (value === undefined) throw new UsageError(`${a} expects a value`);
      options[name] = value;
    }
  }
  return { positional, options };
}

export const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
export const num = (v: number | null, digits = 1): string => (v === null || !Number.isFinite(v) ? '-' : v.toLocaleString('en-US', { maximumFractionDigits: digits }));

export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd()).join('\n');
}

