// What the widget specs do to a lesson's widget cards: lock in a prediction, and ask the API
// for the figures the simulator gives, to hold the card's figures against.
import type { Locator, Page } from '@playwright/test';
import { expect } from './harness';

/** Chooses a prediction and locks it in; the card runs and ends ready. */
export async function lockPrediction(card: Locator, choice: string | RegExp) {
  await card.scrollIntoViewIfNeeded();
  const lock = card.getByRole('button', { name: 'Lock in my prediction' });
  await expect(lock).toBeDisabled();
  await card.getByRole('radio', { name: choice }).check();
  await lock.click();
  // A first run on a loaded machine can take longer than the default 5 s.
  await expect(card).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
}

/** The figures the simulator gives for these controls and seed, from the app's own API. */
export async function simulatorFigures(page: Page, baseUrl: string, widget: string, controls: Record<string, number | string>, seed: number) {
  const response = await page.request.post(`${baseUrl}/api/runExperiment`, { data: { widget, controls, seed } });
  const body = (await response.json()) as { ok: boolean; value: { metrics: Record<string, number> } };
  expect(body.ok).toBe(true);
  return body.value.metrics;
}
