// Ctrl/Cmd+1..4 switch views. The Electron menu owns the same accelerators and loads
// the same hashes, so handling them here too (for browser mode) is harmless.
import { href } from './router.svelte';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const routesByDigit: Record<string, string> = {
  '1': href.home,
  '2': href.library,
  '3': href.scenarios,
  '4': href.progress,
};

export function shortcutLabel(digit: number): string {
  return isMac ? `⌘${digit}` : `Ctrl ${digit}`;
}

/** The route a key press asks for, or null when it is not one of ours. */
export function routeForShortcut(event: KeyboardEvent): string | null {
  const modifier = isMac ? event.metaKey : event.ctrlKey;
  if (!modifier || event.altKey || event.shiftKey) return null;
  return routesByDigit[event.key] ?? null;
}
