import { describe, expect, it } from 'vitest';
import { SHORTCUTS, actionFor, type KeyPress } from '../../../src/shell/keyboard/shortcuts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('keyboard shortcuts', () => {
  it('runs with Shift+Enter and Ctrl/Cmd+Enter, even while typing', () => {
    expect(actionFor(press('Enter', { shiftKey: true }), true)).toBe('run-and-next');
    expect(actionFor(press('Enter', { ctrlKey: true }), true)).toBe('run');
    expect(actionFor(press('Enter', { metaKey: true }), false)).toBe('run');
  });

  it('takes letters as commands only outside text fields', () => {
    for (const key of ['a', 'b', 'z', 'j', 'k', '?']) expect(actionFor(press(key), true), key).toBeUndefined();
    expect(actionFor(press('a'), false)).toBe('add-above');
    expect(actionFor(press('b'), false)).toBe('add-below');
    expect(actionFor(press('z'), false)).toBe('undo');
    expect(actionFor(press('?'), false)).toBe('help');
  });

  it('deletes on D, D in quick succession only', () => {
    expect(actionFor(press('d'), false)).toBeUndefined();
    expect(actionFor(press('d'), false, { key: 'd', at: 1000 }, 1300)).toBe('delete');
    expect(actionFor(press('d'), false, { key: 'd', at: 1000 }, 3000)).toBeUndefined();
    expect(actionFor(press('d'), false, { key: 'a', at: 1000 }, 1100)).toBeUndefined();
  });

  it('undoes and redoes with Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y, but leaves text fields their own undo', () => {
    expect(actionFor(press('z', { ctrlKey: true }), false)).toBe('undo');
    expect(actionFor(press('Z', { metaKey: true, shiftKey: true }), false)).toBe('redo');
    expect(actionFor(press('y', { ctrlKey: true }), false)).toBe('redo');
    expect(actionFor(press('z', { ctrlKey: true }), true)).toBeUndefined();
  });

  it('leaves a control with Esc and ignores Alt combinations', () => {
    expect(actionFor(press('Escape'), true)).toBe('command-mode');
    expect(actionFor(press('a', { altKey: true }), false)).toBeUndefined();
  });

  it('lists every action it can return exactly once', () => {
    const actions = SHORTCUTS.map((s) => s.action);
    expect(new Set(actions).size).toBe(actions.length);
    expect(actions).toContain('delete');
  });
});
