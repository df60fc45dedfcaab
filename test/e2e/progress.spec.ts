// The Progress dashboard shows scenarios tried and passed, with the best attempt, from SQLite.
import { expect, startAppServer, stopAppServer, test } from './harness';
import { ownCopy } from './runs';
import type { Design } from '../../src-main/api/contract';

test('a passed scenario shows on the Progress dashboard with its best figures and in the activity', async ({ page }) => {
  // A server of its own: other tests store attempts in the shared one.
  const app = await startAppServer();
  try {
    const post = async (method: string, data: object) => {
      const response = await page.request.post(`${app.url}/api/${method}`, { data });
      const body = (await response.json()) as { ok: boolean; value: Record<string, unknown> };
      expect(body.ok, method).toBe(true);
      return body.value;
    };
    const { design } = (await post('getTemplate', { scenarioId: 'place-order', which: 'reference' })) as { design: Design };
    // The loaded reference passing is not the learner passing: the dashboard says so.
    const reference = (await post('runScenario', { scenarioId: 'place-order', design })) as { pass: boolean };
    expect(reference.pass).toBe(true);
    await page.goto(`${app.url}/#/progress`);
    await expect(page.locator('.stat', { hasText: 'Scenarios passed' })).toContainText(/0\s*of 5/);
    await expect(page.getByRole('row', { name: /Place order/ })).toContainText('Only the reference passed');
    await expect(page.getByText('Ran the reference design of Place order: what must finish first? (it passed)')).toBeVisible();

    const run = (await post('runScenario', { scenarioId: 'place-order', design: ownCopy(design) })) as { pass: boolean; attemptId: number };
    expect(run.pass).toBe(true);

    await page.goto(app.url);
    await expect(page.getByRole('link', { name: /Scenarios/ }).filter({ hasText: 'design challenges' })).toContainText('5 design challenges · 1 passed');

    await page.goto(`${app.url}/#/progress`);
    const stat = page.locator('.stat', { hasText: 'Scenarios passed' });
    await expect(stat).toContainText(/1\s*of 5/);
    const row = page.getByRole('row', { name: /Place order/ });
    await expect(row).toContainText('Passed');
    await expect(row).toContainText('$430');
    await expect(page.getByRole('row', { name: /Checkout under a partner launch/ })).toContainText('Not tried');
    await expect(page.getByText('Passed Place order: what must finish first?')).toBeVisible();
    await row.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`#/scenarios/place-order/attempts/${run.attemptId}$`));
  } finally {
    stopAppServer(app);
  }
});
