// widgetUpdateMs: from a control change to the chart showing the new result, measured
// in Chromium by the widget's own performance marks, on the real caching lesson.
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startAppServer, stopAppServer, repoRoot } from '../test/e2e/appServer';
// @ts-expect-error plain ESM helper shared with the npm scripts
import { findChromium, chromiumArgs } from '../scripts/lib/chromium.mjs';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export async function runWidgetBenchmarks(): Promise<Record<string, number>> {
  const executablePath = (findChromium as () => string | null)();
  if (!executablePath) throw new Error('widgetUpdateMs needs Chromium (set CHROMIUM_PATH or install chromium).');
  const server = await startAppServer({ lessons: join(repoRoot, 'content/lessons') });
  const browser = await chromium.launch({ executablePath, args: chromiumArgs as string[] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The address the server printed, token included: the page sends it with every API call.
    await page.goto(server.open('/lesson/caching'));
    const card = page.locator('[data-widget="cache-aside"]').first();
    await card.scrollIntoViewIfNeeded();
    // Commit to a prediction so the widget runs and shows its chart.
    await card.getByRole('radio').first().check();
    await card.getByRole('button', { name: /lock/i }).click();
    await page.locator('[data-widget="cache-aside"][data-state="ready"]').first().waitFor();

    const control = card.locator('[data-control="cacheSize"]');
    const sizes = [500, 800, 1200, 1600, 2000, 2600, 3200, 4000, 5000, 6000, 1500, 900, 700, 1100, 2400, 3600, 4800, 5600, 2200, 1300];
    const count = () => page.evaluate(() => performance.getEntriesByName('widget-update').length);
    for (const size of sizes) {
      const before = await count();
      await control.fill(String(size));
      await page.waitForFunction((n) => performance.getEntriesByName('widget-update').length > n, before, { timeout: 10_000 });
    }
    const durations = await page.evaluate(() => performance.getEntriesByName('widget-update').map((e) => e.duration));
    // The first few include cold caches in the page and the worker; the figure is the steady state.
    const steady = durations.slice(3);
    return { widgetUpdateMs: median(steady), widgetUpdateMsP90: [...steady].sort((a, b) => a - b)[Math.floor(steady.length * 0.9)] ?? NaN };
  } finally {
    await browser.close();
    stopAppServer(server);
  }
}
