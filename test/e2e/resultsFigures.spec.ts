// Figures and charts a learner reads on the results and compare screens: the charts open on the
// workload that failed, tick labels never overlap (not even while they move), a target of zero
// reads in words, and no figure on compare contradicts another.
import { test, expect } from './harness';
import type { Locator } from '@playwright/test';
import { run } from './runs';

/**
 * Pairs of tick labels, on one axis, whose boxes overlap while both can be seen, looked for on
 * every animation frame for `forMs` (a redraw animates for a fraction of that).
 */
async function overlappingTicks(chart: Locator, forMs: number, before: () => Promise<void> = async () => {}): Promise<string[]> {
  const watching = chart.evaluate(
    (root, ms) =>
      new Promise<string[]>((resolve) => {
        const found = new Set<string>();
        const seen = (el: Element) => Number(getComputedStyle(el).opacity) > 0.1;
        const look = () => {
          for (const axis of root.querySelectorAll('.axis')) {
            const boxes = [...axis.querySelectorAll('.tick')]
              .filter((tick) => seen(tick) && tick.querySelector('text') && seen(tick.querySelector('text')!))
              .map((tick) => ({ text: tick.textContent ?? '', box: tick.querySelector('text')!.getBoundingClientRect() }))
              .filter((t) => t.box.width > 0);
            for (let i = 0; i < boxes.length; i++)
              for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i]!.box;
                const b = boxes[j]!.box;
                if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) found.add(`${boxes[i]!.text} / ${boxes[j]!.text}`);
              }
          }
        };
        const end = performance.now() + ms;
        const frame = () => {
          look();
          if (performance.now() < end) requestAnimationFrame(frame);
          else resolve([...found]);
        };
        requestAnimationFrame(frame);
      }),
    forMs,
  );
  await before();
  return watching;
}

test.describe.configure({ timeout: 90_000 });

test('a failed run opens its charts on the workload that failed, and ticks never overlap while they change', async ({ page, app }) => {
  const result = await run(page.request, app.url, 'flash-sale', 'starting');
  const worst = [...result.result.workloads].sort((a, b) => a.uptimePct - b.uptimePct)[0]!;
  // The test means something only if the worst workload is not the first one listed.
  expect(worst.id).not.toBe(result.result.workloads[0]!.id);
  await page.goto(`${app.url}/#/scenarios/flash-sale/attempts/${result.attemptId}`);
  const charts = page.getByRole('region', { name: 'Over the run' });
  await expect(charts.getByRole('radio', { checked: true })).toHaveValue(worst.id, { timeout: 15_000 });

  const latency = charts.locator('figure, .chart').filter({ hasText: 'Latency' }).first();
  await expect(latency.locator('.axis .tick text').first()).toBeVisible();
  expect(await overlappingTicks(page.locator('main'), 300)).toEqual([]);
  // Switch workload, from a log axis to a linear one and back, watching every frame of the redraw.
  const radios = charts.getByRole('radio');
  const others = [(await radios.count()) - 1, 0];
  for (const index of others) expect(await overlappingTicks(latency, 800, () => radios.nth(index).check({ force: true }))).toEqual([]);
  for (const index of others) expect(await overlappingTicks(latency, 800, () => radios.nth(index).check({ force: true }))).toEqual([]);
});

test('a term that allows none says so in words, and compare shows no error rate that hides timeouts', async ({ page, app }) => {
  const failed = await run(page.request, app.url, 'flash-sale', 'starting');
  const passed = await run(page.request, app.url, 'flash-sale', 'reference');
  await page.goto(`${app.url}/#/scenarios/flash-sale/attempts/${passed.attemptId}`);
  const oversold = page.getByTestId('term').filter({ hasText: 'Oversold' });
  await expect(oversold).toContainText('none allowed', { timeout: 15_000 });
  await expect(oversold).not.toContainText('≤');

  await page.goto(`${app.url}/#/scenarios/flash-sale/compare/${failed.attemptId}/${passed.attemptId}`);
  const figures = page.getByRole('region', { name: 'Key figures' });
  await expect(figures).toContainText('Failed requests', { timeout: 15_000 });
  await expect(figures).not.toContainText('Error rate');
  // A row where both attempts read the same marks neither as better.
  for (const row of await figures.locator('tbody tr').all()) {
    const cells = await row.locator('td').allInnerTexts();
    if (cells[0] === cells[1]) await expect(row.locator('td.better')).toHaveCount(0);
  }
  const terms = page.getByRole('region', { name: 'Contract terms' });
  await expect(terms.getByTestId('compare-term').filter({ hasText: 'Oversold' }).locator('td').first()).toHaveText('none');
});
