import { describe, expect, it } from 'vitest';
import { claimsKey, shortcutFor, type KeyPress } from '../../../../src-renderer/scenarios/designer/shortcuts';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

describe('shortcutFor', () => {
  it('maps undo and redo with Ctrl or Cmd, either case', () => {
    expect(shortcutFor(press('z', { ctrlKey: true }), false)).toBe('undo');
    expect(shortcutFor(press('z', { metaKey: true }), false)).toBe('undo');
    expect(shortcutFor(press('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(shortcutFor(press('y', { ctrlKey: true }), false)).toBe('redo');
    expect(shortcutFor(press('z'), false)).toBeNull();
  });

  it('selects everything with Ctrl+A, not with a bare A', () => {
    expect(shortcutFor(press('a', { ctrlKey: true }), false)).toBe('select-all');
    expect(shortcutFor(press('a'), false)).toBeNull();
  });

  it('deletes only with something selected and no modifier', () => {
    expect(shortcutFor(press('Delete'), true)).toBe('delete');
    expect(shortcutFor(press('Backspace'), true)).toBe('delete');
    expect(shortcutFor(press('Delete'), false)).toBeNull();
    expect(shortcutFor(press('Backspace', { ctrlKey: true }), true)).toBeNull();
  });

  it('Escape clears with or without modifiers, and leaves the key to the browser', () => {
    expect(shortcutFor(press('Escape'), false)).toBe('escape');
    expect(shortcutFor(press('Escape', { shiftKey: true }), true)).toBe('escape');
    expect(claimsKey('escape')).toBe(false);
    expect(claimsKey('undo')).toBe(true);
    expect(claimsKey('delete')).toBe(true);
  });

  it('ignores other keys', () => {
    expect(shortcutFor(press('x', { ctrlKey: true }), true)).toBeNull();
    expect(shortcutFor(press('Enter'), true)).toBeNull();
  });
});
