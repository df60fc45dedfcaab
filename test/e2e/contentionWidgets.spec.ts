// The contention lesson's widgets on the real lesson, handlers, simulator and SQLite: a
// prediction gates the first run, the verdict agrees with the hand calculation, and a
// strategy or order switch re-runs with exactly the figures the simulator's API gives.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, startAppServer, stopAppServer, repoRoot, type AppServer } from './harness';
import { lockPrediction, simulatorFigures } from './widgetCards';

let content: AppServer;
test.beforeEach(async () => {
  content = await startAppServer({ lessons: join(repoRoot, 'content/lessons') });
});
test.afterEach(() => stopAppServer(content));

async function openContention(page: Page) {
  await page.goto(`${content.url}/#/lesson/contention`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contention', { timeout: 15_000 });
}

function simulatorSays(page: Page, widget: string, controls: Record<string, number | string>, seed: number) {
  return simulatorFigures(page, content.url, widget, controls, seed);
}

test('the contention lesson shows its six widget cards, waiting for a prediction, and no error box', async ({ page }) => {
  await openContention(page);
  const cards = page.locator('section[data-widget]');
  await expect(cards).toHaveCount(6);
  expect(await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-widget')))).toEqual(['double-booking', 'locking-vs-optimistic', 'deadlocks', 'hot-row', 'seat-holds', 'coordination']);
  await expect(page.getByRole('alert')).toHaveCount(0);
  for (const card of await cards.all()) await expect(card).toHaveAttribute('data-state', 'idle');
});

test('double booking: read-then-write oversells as predicted, and a conditional UPDATE sells no seat twice', async ({ page }) => {
  await openContention(page);
  const card = page.locator('[data-widget="double-booking"]');
  await lockPrediction(card, '26 to 100');
  await expect(card.getByRole('status').filter({ hasText: 'The simulation agrees' })).toBeVisible();

  const seed = Number(await card.getAttribute('data-seed'));
  const lessonControls = { strategy: 'readThenWrite', buyers: 200, seats: 50, arrivalWindowSec: 10, thinkMs: 20, lockTimeoutMs: 2000 };
  const raced = await simulatorSays(page, 'double-booking', lessonControls, seed);
  expect(raced.oversoldSeats).toBeGreaterThan(0);
  await expect(card).toHaveAttribute('data-metric-oversoldseats', String(raced.oversoldSeats));
  await expect(card).toHaveAttribute('data-metric-p95ms', String(raced.p95Ms));

  await card.getByRole('radio', { name: 'conditional UPDATE' }).check();
  await expect(card.locator('[data-control="strategy"]')).toHaveAttribute('data-value', 'conditionalUpdate');
  const safe = await simulatorSays(page, 'double-booking', { ...lessonControls, strategy: 'conditionalUpdate' }, seed);
  expect(safe.oversoldSeats).toBe(0);
  await expect(card).toHaveAttribute('data-metric-oversoldseats', '0');
  await expect(card).toHaveAttribute('data-metric-p95ms', String(safe.p95Ms));
  await expect(card).toHaveAttribute('data-state', 'ready');
});

test('deadlocks: the order as named deadlocks about as predicted, and lowest-first ordering stops them', async ({ page }) => {
  await openContention(page);
  const card = page.locator('[data-widget="deadlocks"]');
  await lockPrediction(card, 'Between 0.5 and 5 a minute');
  await expect(card.getByRole('status').filter({ hasText: 'The simulation agrees' })).toBeVisible();

  const seed = Number(await card.getAttribute('data-seed'));
  const lessonControls = { order: 'random', transfersPerSecond: 50, accounts: 50, deadlockTimeoutMs: 1000 };
  const named = await simulatorSays(page, 'deadlocks', lessonControls, seed);
  await expect(card).toHaveAttribute('data-metric-deadlocksperminute', String(named.deadlocksPerMinute));

  await card.getByRole('radio', { name: 'lowest account first' }).check();
  const ordered = await simulatorSays(page, 'deadlocks', { ...lessonControls, order: 'ordered' }, seed);
  expect(ordered.deadlocksPerMinute).toBe(0);
  await expect(card).toHaveAttribute('data-metric-deadlocksperminute', '0');
  await expect(card).toHaveAttribute('data-metric-wastedseconds', '0');
  await expect(card).toHaveAttribute('data-state', 'ready');
});
