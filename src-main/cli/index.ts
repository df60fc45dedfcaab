/**
 * The command line, in one place: `npm run sim -- <command> ...` with the
 * commands in one table. Exit 0 on success (and a passed grade), 1 on a failed
 * grade or anything unexpected, 2 on a bad file, field or argument (the message
 * on stderr names which).
 */
import { pathToFileURL } from 'node:url';
import { ModelError } from '../sim/index';
import { gradeCommand } from './gradeCommand';
import { runCommand } from './runCommand';
import { InputError, UsageError, type Command, type Io } from './shared';

export { UsageError } from './shared';

const USAGE = `usage:
  sim run <model.yaml|model.json> [--seed N] [--level request|horizon] [--json]
  sim grade <scenario.yaml> (<design.json> | --reference | --starting) [--seed N] [--drill ID] [--json]`;

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
