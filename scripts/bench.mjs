// npm run bench [-- --json] [-- --fuzz]: prints benchmark figures (one JSON object with --json);
// --fuzz runs 10,000 bad requests against browser mode instead and prints their answers by status.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuild, root } from './lib/build.mjs';

ensureBuild();
const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench/index.ts'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
