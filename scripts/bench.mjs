// npm run bench [-- --json]: prints benchmark figures (one JSON object with --json).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuild, root } from './lib/build.mjs';

ensureBuild();
const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench/index.ts'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
