import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium, else a browser Playwright downloaded itself; null when none. */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    /* no Playwright browser either */
  }
  return null;
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const installHint =
  'No Chromium found: install Debian\'s with "apt-get install -y chromium", or set CHROMIUM_PATH to a Chromium binary.';
