// npm run web [-- --port <n>] [-- --db <file>]: build if stale, then serve browser mode.
import { ensureBuild, root } from './lib/build.mjs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

ensureBuild();
await import(pathToFileURL(join(root, 'out/main/web.js')).href);
