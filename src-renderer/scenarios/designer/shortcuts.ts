// The designer's keyboard shortcuts. The key map is a pure function so it can be
// tested without a DOM; the Designer applies the action it names.

export type Shortcut = 'undo' | 'redo' | 'select-all' | 'delete' | 'escape';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/**
 * The action a key press asks for, or null. Delete and Backspace only count with
 * something selected, so they fall through to the browser otherwise.
 */
export function shortcutFor(press: KeyPress, hasSelection: boolean): Shortcut | null {
  const mod = press.ctrlKey || press.metaKey;
  const key = press.key.toLowerCase();
  if (mod && key === 'z' && !press.shiftKey) return 'undo';
  if (mod && ((key === 'z' && press.shiftKey) || key === 'y')) return 'redo';
  if (mod && key === 'a') return 'select-all';
  if (!mod && (press.key === 'Delete' || press.key === 'Backspace')) return hasSelection ? 'delete' : null;
  if (press.key === 'Escape') return 'escape';
  return null;
}

/** Escape also means something to dialogs and menus, so the browser keeps it; the rest are ours. */
export function claimsKey(shortcut: Shortcut): boolean {
  return shortcut !== 'escape';
}

/**
 * Whether a key press is the designer's: not typed into a field (Backspace there
 * edits text) and aimed at the designer or the page itself, not at other UI.
 */
export function keyIsForDesigner(target: EventTarget | null, root: HTMLElement | undefined): boolean {
  if (target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select') !== null)) return false;
  const node = target as Node | null;
  return !(node && node !== document.body && root && !root.contains(node));
}
