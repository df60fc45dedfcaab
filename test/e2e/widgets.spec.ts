// Lesson widgets on the real caching lesson, against the real handlers, simulator and
// SQLite: predictions gate the first run, controls re-run it, answers are saved, and
// search opens a lesson at a section.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { test, expect, startAppServer, stopAppServer, repoRoot, type AppServer } from './harness';
import { lockPrediction, simulatorFigures } from './widgetCards';

const widgetKinds = ['cache-aside', 'write-strategies', 'eviction-race', 'cache-warming', 'stampede', 'hot-key', 'consistent-hashing'];

// Each test gets its own server and database: predictions and answers are what we check.
let content: AppServer;
test.beforeEach(async () => {
  content = await startAppServer({ lessons: join(repoRoot, 'content/lessons') });
});
test.afterEach(() => stopAppServer(content));

async function openCaching(page: Page) {
  await page.goto(`${content.url}/#/lesson/caching`);
  // The longest lesson, with eight widget cards: on a loaded machine it takes more than the default 5 s.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Caching', { timeout: 15_000 });
}

function runExperiment(page: Page, widget: string, controls: Record<string, number | string>, seed: number) {
  return simulatorFigures(page, content.url, widget, controls, seed);
}

test('the caching lesson shows a card for every widget and no error box', async ({ page }) => {
  await openCaching(page);
  const cards = page.locator('section[data-widget]');
  await expect(cards).toHaveCount(8);
  const kinds = await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-widget')));
  expect(new Set(kinds)).toEqual(new Set(widgetKinds));
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Nothing runs before the learner commits to a prediction.
  await expect(cards.first()).toHaveAttribute('data-state', 'idle');
  await expect(cards.first()).toContainText('appear once you have locked in a prediction');
});

test('a locked prediction runs, cacheSize re-runs with the API’s figures, and the prediction and progress are saved', async ({ page }) => {
  await openCaching(page);
  const card = page.locator('[data-widget="cache-aside"]').first();
  await lockPrediction(card, 'Between 60 % and 75 %: the hot keys take most of the reads');
  await expect(card.getByRole('status').filter({ hasText: 'The simulation agrees' })).toContainText(/measured \d+(\.\d)?\s%/);

  const seed = Number(await card.getAttribute('data-seed'));
  const lessonControls = { keys: 10000, cacheSize: 1000, zipf: 1, ttlSeconds: 300, readsPerSecond: 2000 };
  const first = await runExperiment(page, 'cache-aside', lessonControls, seed);
  await expect(card).toHaveAttribute('data-metric-cachehitratio', String(first.cacheHitRatio));

  await card.locator('[data-control="cacheSize"]').fill('2000');
  const second = await runExperiment(page, 'cache-aside', { ...lessonControls, cacheSize: 2000 }, seed);
  expect(second.cacheHitRatio).not.toBe(first.cacheHitRatio);
  await expect(card).toHaveAttribute('data-metric-cachehitratio', String(second.cacheHitRatio));
  await expect(card).toHaveAttribute('data-metric-dbreadspersecond', String(second.dbReadsPerSecond));
  await expect(card).toHaveAttribute('data-state', 'ready');
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('widget-update').length)).toBeGreaterThan(0);

  await expect
    .poll(() => {
      const db = new Database(content.dbFile, { readonly: true, fileMustExist: true });
      try {
        return db
          .prepare('SELECT widget, metric, choice_index AS choiceIndex, correct, measured FROM widget_predictions WHERE lesson_id = ?')
          .all('caching');
      } finally {
        db.close();
      }
    })
    .toEqual([{ widget: 'cache-aside', metric: 'cacheHitRatio', choiceIndex: 0, correct: 1, measured: first.cacheHitRatio }]);

  const state = await page.request.post(`${content.url}/api/getLessonState`, { data: { lessonId: 'caching' } });
  const { value } = (await state.json()) as { value: { progress: { status: string }; predictions: { widgetId: string }[] } };
  expect(value.progress.status).toBe('opened');
  expect(value.predictions).toHaveLength(1);

  // A reload restores the prediction: the card runs again without asking.
  await page.reload();
  const restored = page.locator('[data-widget="cache-aside"]').first();
  await expect(restored).toHaveAttribute('data-state', 'ready');
  await expect(restored.getByRole('radio', { name: 'Between 60 % and 75 %: the hot keys take most of the reads' })).toBeChecked();
});

test('reseeding changes the seed and keeps the controls the learner set', async ({ page }) => {
  await openCaching(page);
  const card = page.locator('[data-widget="stampede"]');
  await lockPrediction(card, /Roughly 3,000/);
  await expect(card).toHaveAttribute('data-seed', '1');

  await card.getByRole('radio', { name: 'lock (SET NX PX)' }).check();
  await expect(card.locator('[data-control="protection"]')).toHaveAttribute('data-value', 'lock');
  await expect(card).toHaveAttribute('data-state', 'ready');
  await card.locator('[data-control="rebuildMs"]').fill('500');
  await expect(card).toHaveAttribute('data-state', 'ready');

  await card.getByRole('button', { name: 'Run again with a new seed' }).click();
  await expect(card).not.toHaveAttribute('data-seed', '1');
  await expect(card).toHaveAttribute('data-state', 'ready');
  await expect(card.locator('[data-control="protection"]')).toHaveAttribute('data-value', 'lock');
  await expect(card.locator('[data-control="rebuildMs"]')).toHaveValue('500');

  const seed = Number(await card.getAttribute('data-seed'));
  const metrics = await runExperiment(page, 'stampede', { readsPerSecond: 3000, rebuildMs: 500, protection: 'lock' }, seed);
  await expect(card).toHaveAttribute('data-metric-peakdbqueriespersecond', String(metrics.peakDbQueriesPerSecond));
});

test('search finds "stampede" from anywhere and opens the caching lesson at that section, and finds scenarios too', async ({ page }) => {
  await page.goto(`${content.url}/#/progress`);
  await page.keyboard.press('/');
  const box = page.getByRole('combobox', { name: 'Search lessons and scenarios' });
  await expect(box).toBeFocused();
  await box.fill('stampede');
  const results = page.getByRole('listbox', { name: /Lessons and scenarios matching/ });
  const options = results.getByRole('option');
  await expect(options.first()).toContainText('Caching');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  if ((await options.count()) > 1) {
    await box.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await box.press('ArrowUp');
  }
  const section = (await options.first().locator('.section').textContent())?.trim() ?? '';
  expect(section).toMatch(/stampede/i);
  await box.press('Enter');

  await expect(page).toHaveURL(/#\/lesson\/caching$/);
  await expect(page.getByRole('heading', { name: section, exact: true })).toBeInViewport();
  await expect(results).toHaveCount(0);

  // Ctrl+K focuses it too, and a click on a hit opens it.
  await page.keyboard.press('Control+k');
  await expect(box).toBeFocused();
  await box.fill('consistent hashing');
  const hit = page.getByRole('option').filter({ hasText: 'Consistent hashing' }).first();
  await hit.click();
  await expect(page.getByRole('heading', { name: 'Consistent hashing', exact: true })).toBeInViewport();

  // Scenarios are found too, marked as such, and open at their briefing.
  await page.keyboard.press('Control+k');
  await box.fill('sneaker drop');
  await expect(page.getByRole('option').first()).toContainText(/Scenario\s+A flash sale/);
  await box.press('Enter');
  await expect(page).toHaveURL(/#\/scenarios\/flash-sale$/);
  await expect(page.getByRole('heading', { name: 'A flash sale with a virtual queue' })).toBeVisible();

  // Esc leaves the search; "/" then focuses it again rather than typing a slash into it.
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await box.press('Escape');
  await expect(box).not.toBeFocused();
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await expect(box).not.toHaveValue(/\//);
});

test('check answers are recorded and shown again after a reload', async ({ page }) => {
  await openCaching(page);
  const check = page.getByRole('form', { name: /4,000 reads\/s/ });
  await check.getByLabel('200', { exact: true }).check();
  await check.getByRole('button', { name: 'Check answer' }).click();
  await expect(check.getByRole('status')).toContainText('Right');
  await expect
    .poll(async () => {
      const response = await page.request.post(`${content.url}/api/getLessonState`, { data: { lessonId: 'caching' } });
      return ((await response.json()) as { value: { checkAnswers: { optionIndex: number; correct: boolean }[] } }).value.checkAnswers;
    })
    .toEqual([expect.objectContaining({ optionIndex: 1, correct: true })]);

  await page.reload();
  const again = page.getByRole('form', { name: /4,000 reads\/s/ });
  await expect(again.getByRole('status')).toContainText('Right');
  await expect(again.getByRole('radio', { name: /^200/ })).toBeChecked();
});

test('an unknown widget kind shows an error box naming it', async ({ page, app }) => {
  await page.goto(`${app.url}/#/lesson/queues-101`);
  const alert = page.getByRole('alert').filter({ hasText: 'queue-burst' });
  await expect(alert).toContainText('Unknown widget "queue-burst"');
  await expect(alert).toContainText('cache-aside');
});

for (const lesson of ['caching', 'long-running-tasks']) test(`no two tick labels of a ${lesson} widget chart overlap, while a re-run animates or after it`, async ({ page }) => {
  await page.goto(`${content.url}/#/lesson/${lesson}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('section[data-widget]').first()).toBeVisible({ timeout: 15_000 });
  const cards = page.locator('section[data-widget]');
  // Every pair of labels on one axis, measured on screen; overlaps listed by their text.
  const overlaps = () =>
    page.locator('section[data-widget] g.axis').evaluateAll((axes) =>
      axes.flatMap((axis) => {
        const boxes = [...axis.querySelectorAll('.tick text')]
          .filter((t) => (t.textContent ?? '').trim() !== '' && getComputedStyle(t).opacity !== '0')
          .map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
        const found: string[] = [];
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!.r;
            const b = boxes[j]!.r;
            if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) found.push(`${boxes[i]!.text} / ${boxes[j]!.text}`);
          }
        return found;
      }),
    );
  for (let i = 0; i < (await cards.count()); i++) {
    const card = cards.nth(i);
    await card.scrollIntoViewIfNeeded();
    await card.getByRole('radiogroup').first().getByRole('radio').first().check();
    await card.getByRole('button', { name: 'Lock in my prediction' }).click();
    await expect(card).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
    // A new seed redraws every chart of the card: sample it through the whole animation.
    await card.getByRole('button', { name: 'Run again with a new seed' }).click();
    for (let sample = 0; sample < 6; sample++) {
      expect(await overlaps(), `${await card.getAttribute('data-widget')} at ${sample * 150} ms`).toEqual([]);
      await page.waitForTimeout(150);
    }
  }
});
