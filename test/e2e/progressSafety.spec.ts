// Keeping progress safe, as a learner does it: export to a file, reset (confirming), import the
// file back after a preview, and find every lesson, answer and scenario run as it was.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, startAppServer, stopAppServer, test } from './harness';
import { api, ownCopy } from './runs';
import type { Design } from '../../src-main/api/contract';

test('exports progress, resets it after a confirmation naming what goes, and imports it back', async ({ page }, testInfo) => {
  const app = await startAppServer();
  try {
    const post = (method: string, data: object) => api<Record<string, unknown>>(page.request, app.url, method, data);
    await post('recordProgress', { lessonId: 'queues-101', event: 'opened' });
    await post('recordCheckAnswer', { lessonId: 'queues-101', checkId: 'check-1', optionIndex: 0 }); // wrong
    const { design } = (await post('getTemplate', { scenarioId: 'place-order', which: 'reference' })) as { design: Design };
    expect(((await post('runScenario', { scenarioId: 'place-order', design: ownCopy(design) })) as { pass: boolean }).pass).toBe(true);

    await page.goto(app.open('/progress'));
    const lessonRow = page.getByRole('row', { name: /Queues in five minutes/ });
    const scenarioRow = page.getByRole('row', { name: /Place order/ });
    const seeEverything = async () => {
      await expect(lessonRow).toContainText('0 of 1 check right');
      await expect(scenarioRow).toContainText('Passed');
      await expect(page.locator('.stat', { hasText: 'Scenarios passed' })).toContainText(/1\s*of 5/);
    };
    await seeEverything();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-progress').click()]);
    expect(download.suggestedFilename()).toMatch(/^backpressure-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const saved = testInfo.outputPath('progress.json');
    await download.saveAs(saved);
    expect(JSON.parse(readFileSync(saved, 'utf8'))).toMatchObject({ format: 'backpressure-progress', version: 1 });

    // Reset asks first and names what it deletes; cancelling keeps everything.
    await page.getByTestId('reset-progress').click();
    const dialog = page.getByRole('dialog', { name: 'Reset all your progress?' });
    await expect(dialog.getByTestId('reset-summary')).toContainText('1 lesson opened or read, 1 check answer, 1 scenario run');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await seeEverything();
    await page.getByTestId('reset-progress').click();
    await page.getByRole('dialog', { name: 'Reset all your progress?' }).getByTestId('confirm').click();
    await expect(page.getByTestId('safe-done')).toContainText('Your progress was reset');
    await expect(page.getByText('Nothing here yet')).toBeVisible();

    // Import previews what it adds, and applies only once the learner says so.
    await page.getByTestId('import-file').setInputFiles(saved);
    const preview = page.getByRole('dialog', { name: 'Import this progress file?' });
    await expect(preview.getByRole('row', { name: /Check answers/ })).toHaveText(/Check answers\s*1\s*0\s*0/);
    await expect(preview.getByRole('row', { name: /Scenario runs/ })).toHaveText(/Scenario runs\s*1\s*0\s*0/);
    await preview.getByTestId('confirm').click();
    await expect(page.getByTestId('safe-done')).toContainText('Imported progress.json.');
    await seeEverything();

    // The same file again adds nothing: every item is already here.
    await page.getByTestId('import-file').setInputFiles(saved);
    await expect(preview.getByRole('row', { name: /Activity entries/ })).toHaveText(/Activity entries\s*0\s*0\s*\d+/);
    await preview.getByRole('button', { name: 'Cancel' }).click();

    // A file that is not progress is refused in words, and nothing changes.
    await page.getByTestId('import-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"notes"}') });
    await expect(page.getByTestId('safe-error')).toContainText('not a Backpressure progress file');
    await seeEverything();
  } finally {
    stopAppServer(app);
  }
});

test('a damaged progress database does not stop the app: it is moved aside and the learner is told where', async ({ page }, testInfo) => {
  const dbFile = testInfo.outputPath('progress.db');
  mkdirSync(dirname(dbFile), { recursive: true });
  writeFileSync(dbFile, 'not a database: the first sectors of this file were lost '.repeat(100));
  const app = await startAppServer({ dbFile });
  try {
    await page.goto(app.open('/progress'));
    const notice = page.getByTestId('startup-notice');
    await expect(notice).toContainText('Your progress database was damaged and there was no good backup, so Backpressure started a fresh one');
    const aside = readdirSync(dirname(dbFile)).find((name) => name.startsWith('progress.damaged-'));
    expect(aside).toBeDefined();
    await expect(notice).toContainText(`kept beside your progress database as ${aside}.`);
    await expect(page.getByText('Nothing here yet')).toBeVisible();
    // Told once: dismissing it keeps it away while the learner moves around.
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('link', { name: 'Library' }).first().click();
    await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
    await expect(notice).toHaveCount(0);
  } finally {
    stopAppServer(app);
  }
});
