// One Content-Security-Policy for both the Electron window and browser mode:
// everything from our own origin, no remote origins, no inline or eval'd script.
// Inline styles stay allowed because D3 and Svelte set element styles.
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
