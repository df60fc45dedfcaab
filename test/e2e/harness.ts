// Starts browser mode (the real server, handlers and SQLite) on a free port with a
// temporary database for each Playwright worker, and hands tests its address.
import { test as base, expect } from '@playwright/test';
import { e2eToken, startAppServer, stopAppServer, tokenHeader, type AppServer } from './appServer';

export { startAppServer, stopAppServer, repoRoot, e2eToken, tokenHeader, type AppServer } from './appServer';

export const test = base.extend<{ failOnPageErrors: void }, { app: AppServer }>({
  // Every server these tests start shares this process's launch token; the context carries it, so tests may
  // open `${app.url}/#/...` and post to the API directly. launchToken.spec.ts opens the app without this help.
  // eslint-disable-next-line no-empty-pattern
  extraHTTPHeaders: async ({}, use) => use({ [tokenHeader]: e2eToken }),
  app: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startAppServer();
      await use(server);
      stopAppServer(server);
    },
    { scope: 'worker' },
  ],
  // Any uncaught error or CSP violation in the page fails the test that caused it.
  failOnPageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (msg) => {
        if (msg.type() === 'error' && /Content Security Policy|Refused to/.test(msg.text())) errors.push(msg.text());
      });
      await use();
      expect(errors, 'errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
