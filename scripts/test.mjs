// npm test: unit tests (vitest, Node) then end-to-end tests (Playwright, Chromium)
// against a fresh build, ending with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuild, root } from './lib/build.mjs';
import { findChromium, installHint } from './lib/chromium.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(installHint);
  process.exit(1);
}

ensureBuild({ force: true });
const results = join(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

function run(label, args, env = {}) {
  console.log(`\n== ${label} ==`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const unitFile = join(results, 'unit.json');
const unitStatus = run('unit tests (vitest)', [
  join(root, 'node_modules/vitest/vitest.mjs'),
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${unitFile}`,
]);
const e2eStatus = run('end-to-end tests (Playwright, Chromium)', [join(root, 'node_modules/@playwright/test/cli.js'), 'test'], {
  CHROMIUM_PATH: chromium,
});

function counts(file, read) {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0, missing: true };
  return read(JSON.parse(readFileSync(file, 'utf8')));
}
const unit = counts(unitFile, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + (r.numTodoTests ?? 0) }));
const e2e = counts(join(results, 'e2e.json'), (r) => ({
  passed: r.stats.expected + r.stats.flaky,
  failed: r.stats.unexpected,
  skipped: r.stats.skipped,
}));

// A runner that crashed before writing its report still counts as a failure.
const failed = unit.failed + e2e.failed + (unitStatus !== 0 && unit.failed === 0 ? 1 : 0) + (e2eStatus !== 0 && e2e.failed === 0 ? 1 : 0);
const passed = unit.passed + e2e.passed;
const skipped = unit.skipped + e2e.skipped;
console.log(`\nunit: ${unit.passed} passed, ${unit.failed} failed; e2e: ${e2e.passed} passed, ${e2e.failed} failed`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
