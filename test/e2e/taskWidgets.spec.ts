// The long-running tasks lesson's widgets on the real handlers and simulator: every card
// shows without an error, and two of them, operated as a learner would, show the
// simulator's own figures for the controls set.
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, startAppServer, stopAppServer, repoRoot, type AppServer } from './harness';

let content: AppServer;
test.beforeEach(async () => {
  content = await startAppServer({ lessons: join(repoRoot, 'content/lessons') });
});
test.afterEach(() => stopAppServer(content));

async function openLesson(page: Page) {
  await page.goto(`${content.url}/#/lesson/long-running-tasks`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Long-running tasks', { timeout: 15_000 });
}

async function lockPrediction(card: Locator, choice: string | RegExp) {
  await card.scrollIntoViewIfNeeded();
  await card.getByRole('radio', { name: choice }).check();
  await card.getByRole('button', { name: 'Lock in my prediction' }).click();
  await expect(card).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
}

async function simulated(page: Page, widget: string, controls: Record<string, number | string>, seed: number) {
  const response = await page.request.post(`${content.url}/api/runExperiment`, { data: { widget, controls, seed } });
  const body = (await response.json()) as { ok: boolean; value: { metrics: Record<string, number> } };
  expect(body.ok).toBe(true);
  return body.value.metrics;
}

test('the lesson shows a card for each of its widgets and no error box', async ({ page }) => {
  await openLesson(page);
  const cards = page.locator('section[data-widget]');
  await expect(cards).toHaveCount(6);
  const kinds = await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-widget')));
  expect(kinds).toEqual(['sync-vs-async', 'burst-backlog', 'retry-storm', 'poison-messages', 'priority-jobs', 'autoscaling-workers']);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the burst widget: fewer workers re-run it with the simulator’s backlog, and one worker never drains', async ({ page }) => {
  await openLesson(page);
  const card = page.locator('[data-widget="burst-backlog"]');
  await lockPrediction(card, 'Between 3,500 and 6,500');
  await expect(card.getByRole('status').filter({ hasText: 'The simulation agrees' })).toBeVisible();

  const seed = Number(await card.getAttribute('data-seed'));
  const start = { workers: 3, normalPerSecond: 50, burstPerSecond: 200, burstSeconds: 60 };
  const first = await simulated(page, 'burst-backlog', start, seed);
  await expect(card).toHaveAttribute('data-metric-peakqueuedepth', String(first.peakQueueDepth));

  await card.locator('[data-control="workers"]').fill('1');
  const one = await simulated(page, 'burst-backlog', { ...start, workers: 1 }, seed);
  // One worker finishes 40 jobs/s against 50 arriving: the backlog is still there at the end.
  expect(one.endQueueDepth).toBeGreaterThan(first.peakQueueDepth!);
  await expect(card).toHaveAttribute('data-metric-endqueuedepth', String(one.endQueueDepth));
  await expect(card).toHaveAttribute('data-metric-peakqueuedepth', String(one.peakQueueDepth));
  await expect(card).toHaveAttribute('data-state', 'ready');
});

test('the report widget: moving the report behind a queue frees the API’s threads, as the simulator says', async ({ page }) => {
  await openLesson(page);
  const card = page.locator('[data-widget="sync-vs-async"]');
  await lockPrediction(card, 'Between 10 and 15.5');
  const seed = Number(await card.getAttribute('data-seed'));
  const start = { mode: 'sync', reportsPerMinute: 4, workers: 16 };
  const sync = await simulated(page, 'sync-vs-async', start, seed);
  await expect(card).toHaveAttribute('data-metric-apibusythreads', String(sync.apiBusyThreads));

  await card.getByRole('radio', { name: 'queue + workers, client polls' }).check();
  await expect(card.locator('[data-control="mode"]')).toHaveAttribute('data-value', 'async');
  const queued = await simulated(page, 'sync-vs-async', { ...start, mode: 'async' }, seed);
  expect(queued.apiBusyThreads).toBeLessThan(sync.apiBusyThreads! / 4);
  await expect(card).toHaveAttribute('data-metric-apibusythreads', String(queued.apiBusyThreads));
  await expect(card).toHaveAttribute('data-metric-pagesp95ms', String(queued.pagesP95Ms));
  await expect(card).toHaveAttribute('data-state', 'ready');
});
