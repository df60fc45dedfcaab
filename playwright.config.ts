import { defineConfig } from '@playwright/test';
// @ts-expect-error plain ESM helper shared with the npm scripts
import { findChromium, chromiumArgs } from './scripts/lib/chromium.mjs';

const executablePath = (findChromium as () => string | null)() ?? undefined;

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // Playwright empties its outputDir at start; keep the reports npm test reads outside it.
  outputDir: 'test-results/artifacts',
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: chromiumArgs as string[] },
    trace: 'off',
    screenshot: 'off',
  },
});
