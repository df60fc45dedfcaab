// Browser mode: the real handlers, simulator and SQLite behind a loopback HTTP server.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { createHttpServer, listen } from './api/http';
import { startBackend } from './backend';
import { DatabaseOpenError } from './progress/db';
import { describeRecovery } from './progress/recovery';
import { appVersion, databaseFile, defaultUserDataDir, findAppRoot, lessonsFolder, scenariosFolder } from './paths';
import { parseWebArgs } from './webArgs';

async function main(): Promise<void> {
  const args = parseWebArgs(process.argv.slice(2));
  const here = dirname(fileURLToPath(import.meta.url));
  const root = findAppRoot(here);
  const staticDir = join(root, 'out', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${staticDir} has no index.html). Run "npm run build" first.`);
  }
  const backend = startBackend({
    transport: 'http',
    databaseFile: args.db ?? databaseFile(defaultUserDataDir()),
    lessonsFolder: lessonsFolder(root),
    scenariosFolder: scenariosFolder(root),
    version: appVersion(root),
    simWorker: join(here, 'simWorker.js'),
  });
  // Only whoever reads this console (or is handed the address) can call the API: the page reads the token from it.
  const server = createHttpServer({ invoke: backend.dispatch, staticDir, token: args.token });
  const port = await listen(server, args.port);
  console.log(`Backpressure is running at http://127.0.0.1:${port}/?token=${args.token}`);
  console.log(`Progress is saved in ${backend.context.databaseFile}`);
  if (backend.context.recovery) console.log(describeRecovery(backend.context.recovery, true));

  const stop = () => {
    server.close();
    server.closeAllConnections();
    backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  const message = err instanceof DatabaseOpenError || err instanceof Error ? err.message : String(err);
  console.error(`Backpressure could not start: ${message}`);
  process.exit(1);
});
