// npm run sim -- run <model> [--seed N] [--json]: the simulator's command line.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './lib/build.mjs';

const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src-main/cli/index.ts'), ...process.argv.slice(2)], {
  cwd: process.cwd(),
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
