import { randomBytes } from 'node:crypto';

export interface WebArgs {
  port: number;
  db: string | undefined;
  /** The secret every API call must carry this launch. */
  token: string;
}

const minTokenLength = 24;

/**
 * `--port <n>` (0 or absent: a free port) and `--db <file>` (else BACKPRESSURE_DB, else the user-data folder).
 * The launch token is fresh and random unless BACKPRESSURE_TOKEN sets it (the end-to-end tests share one);
 * it is never a flag, since any local user can read another process's command line.
 */
export function parseWebArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): WebArgs {
  let port = 0;
  let db = env.BACKPRESSURE_DB || undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--port') {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port: expected a whole number from 0 to 65535, got "${v}"`);
      port = n;
    } else if (flag === '--db') {
      db = value();
    } else {
      throw new Error(`unknown option "${arg}" (expected --port <n> or --db <file>)`);
    }
  }
  return { port, db, token: launchToken(env.BACKPRESSURE_TOKEN) };
}

function launchToken(given: string | undefined): string {
  if (!given) return randomBytes(24).toString('base64url');
  // Letters, digits, - and _ only: it travels in a URL query and an HTTP header unescaped.
  if (given.length < minTokenLength || !/^[A-Za-z0-9_-]+$/.test(given)) {
    throw new Error(`BACKPRESSURE_TOKEN must be at least ${minTokenLength} letters, digits, "-" or "_"`);
  }
  return given;
}
