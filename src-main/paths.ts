import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The folder holding package.json, found from wherever this file was bundled to. */
export function findAppRoot(from: string): string {
  let dir = resolve(from);
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'backpressure') return dir;
      } catch {
        /* keep walking */
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`Could not find Backpressure's package.json above ${from}`);
    dir = up;
  }
}

/** Same folder Electron's app.getPath('userData') gives, so browser mode and the desktop app share progress. */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Backpressure');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Backpressure');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Backpressure');
}

export function databaseFile(userDataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.BACKPRESSURE_DB ? resolve(env.BACKPRESSURE_DB) : join(userDataDir, 'progress.db');
}

export function lessonsFolder(appRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.BACKPRESSURE_LESSONS ? resolve(env.BACKPRESSURE_LESSONS) : join(appRoot, 'content', 'lessons');
}

export function scenariosFolder(appRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.BACKPRESSURE_SCENARIOS ? resolve(env.BACKPRESSURE_SCENARIOS) : join(appRoot, 'scenarios');
}

export function appVersion(appRoot: string): string {
  return (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
}
