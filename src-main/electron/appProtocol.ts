import { normalize, join, sep, extname } from 'node:path';

export const appScheme = 'app';
export const appHost = 'backpressure';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** Maps an app:// URL to a file inside the renderer folder, or null for anything outside it. */
export function resolveAppFile(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.host !== appHost) return null;
  const relative = decodeURIComponent(parsed.pathname).replace(/^\/+/, '') || 'index.html';
  const root = normalize(rendererDir);
  const file = normalize(join(root, relative));
  return file.startsWith(root + sep) ? file : null;
}

/** Is this URL one of our own pages (a frame that may call the API or be navigated to)? */
export function isAppUrl(url: string): boolean {
  return url.startsWith(`${appOrigin}/`);
}

/** Only web links go to the OS browser; file:, javascript: and the rest are dropped. */
export function isExternalWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

export const mimeFor = (file: string): string =>
  ({
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.json': 'application/json',
    '.woff2': 'font/woff2',
  })[extname(file)] ?? 'application/octet-stream';
