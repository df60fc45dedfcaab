import { describe, expect, it } from 'vitest';
import { UndoStack } from '../../../../src-renderer/scenarios/designer/history';

describe('UndoStack', () => {
  it('undoes and redoes in order, and a new edit drops the redo branch', () => {
    const stack = new UndoStack('a');
    stack.push('b', null, 0);
    stack.push('c', null, 10);
    expect(stack.undo()).toBe('b');
    expect(stack.undo()).toBe('a');
    expect(stack.undo()).toBeNull();
    expect(stack.redo()).toBe('b');
    stack.push('d', null, 20);
    expect(stack.canRedo).toBe(false);
    expect(stack.present).toBe('d');
    expect(stack.undo()).toBe('b');
  });

  it('coalesces edits with the same key close together, not after a pause or another key', () => {
    const stack = new UndoStack(0, 200, 1000);
    stack.push(1, 'label', 0);
    stack.push(2, 'label', 500);
    stack.push(3, 'label', 900);
    expect(stack.undo()).toBe(0);
    stack.redo();
    stack.push(4, 'label', 5000);
    stack.push(5, 'instances', 5100);
    expect(stack.undo()).toBe(4);
    expect(stack.undo()).toBe(3);
  });

  it('does not coalesce across an undo', () => {
    const stack = new UndoStack(0);
    stack.push(1, 'k', 0);
    stack.push(2, 'k', 10);
    stack.undo();
    stack.push(3, 'k', 20);
    expect(stack.undo()).toBe(0);
  });

  it('ignores a push of the same value and keeps at most `limit` steps', () => {
    const value = { n: 0 };
    const stack = new UndoStack(value, 3);
    expect(stack.push(value)).toBe(false);
    for (let i = 1; i <= 5; i++) stack.push({ n: i }, null, i * 2000);
    let steps = 0;
    while (stack.undo()) steps++;
    expect(steps).toBe(3);
    expect(stack.present).toEqual({ n: 2 });
  });

  it('reset forgets the history', () => {
    const stack = new UndoStack('a');
    stack.push('b');
    stack.reset('z');
    expect(stack.canUndo).toBe(false);
    expect(stack.present).toBe('z');
  });
});
