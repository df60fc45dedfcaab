// Browser mode's per-launch token, as a learner meets it: the printed address works on its own (the page
// finds the token and sends it), and the same app opened without it says what to do instead of showing data.
// These pages use a bare context (the harness otherwise adds the token to every request for the other specs).
import { test, expect } from './harness';

test('the printed address opens a working app that keeps its token across views and reloads', async ({ browser, app }) => {
  const context = await browser.newContext({ extraHTTPHeaders: {} });
  try {
    const page = await context.newPage();
    await page.goto(app.open('/library'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Library');
    await expect(page.getByRole('link', { name: /Queues in five minutes/ }).first()).toBeVisible();

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: /Scenarios/ }).click();
    await expect(page.locator('a[href^="#/scenarios/"]').first()).toBeVisible();
    await page.reload();
    await expect(page.locator('a[href^="#/scenarios/"]').first()).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test('the app opened without its token loads the page but no data, and says which address to open', async ({ browser, app }) => {
  const context = await browser.newContext({ extraHTTPHeaders: {} });
  try {
    const page = await context.newPage();
    const refused = page.waitForResponse((r) => r.url().includes('/api/'));
    await page.goto(`${app.url}/#/library`);
    expect((await refused).status()).toBe(401);
    const alert = page.getByRole('alert').first();
    await expect(alert).toContainText('The Library could not be loaded');
    await expect(alert).toContainText('npm run web');
    await expect(page.getByRole('link', { name: /Queues in five minutes/ })).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test('an API call from outside the page needs the token too', async ({ playwright, app }) => {
  const bare = await playwright.request.newContext({ extraHTTPHeaders: {} });
  try {
    const refused = await bare.post(`${app.url}/api/getProgress`, { data: {} });
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const allowed = await bare.post(`${app.url}/api/getProgress`, { data: {}, headers: { 'X-Backpressure-Token': app.token } });
    expect(allowed.status()).toBe(200);
  } finally {
    await bare.dispose();
  }
});
