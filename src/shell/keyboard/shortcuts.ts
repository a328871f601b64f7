// The keyboard shortcuts, in Jupyter's habit, as one table: the handler reads
// it to act and the "Keyboard shortcuts" dialog reads it to list them. Command
// mode is a cell (or text block) focused as a whole; edit mode is a control
// inside it.

export type ShortcutAction =
  | 'run-and-next'
  | 'run'
  | 'command-mode'
  | 'edit-mode'
  | 'add-above'
  | 'add-below'
  | 'delete'
  | 'undo'
  | 'redo'
  | 'previous'
  | 'next'
  | 'help';

export interface Shortcut {
  action: ShortcutAction;
  /** As shown to the reader. */
  keys: string;
  does: string;
  /** Where it works: in command mode only, or also while typing in a control. */
  mode: 'command' | 'any';
}

export const SHORTCUTS: Shortcut[] = [
  { action: 'run-and-next', keys: 'Shift+Enter', does: 'Run the cell and move to the next one', mode: 'any' },
  { action: 'run', keys: 'Ctrl+Enter (⌘+Enter)', does: 'Run the cell', mode: 'any' },
  { action: 'command-mode', keys: 'Esc', does: 'Leave the control you are in: the cell is selected (command mode)', mode: 'any' },
  { action: 'edit-mode', keys: 'Enter', does: "Enter the selected cell: focus its first control (or edit a text block's Markdown)", mode: 'command' },
  { action: 'previous', keys: '↑ or K', does: 'Select the cell above', mode: 'command' },
  { action: 'next', keys: '↓ or J', does: 'Select the cell below', mode: 'command' },
  { action: 'add-above', keys: 'A', does: 'Add a cell above (opens the Add cell menu)', mode: 'command' },
  { action: 'add-below', keys: 'B', does: 'Add a cell below (opens the Add cell menu)', mode: 'command' },
  { action: 'delete', keys: 'D, D', does: 'Delete the selected cell (asks first when other cells read it)', mode: 'command' },
  { action: 'undo', keys: 'Z, or Ctrl+Z (⌘+Z)', does: 'Undo the last change to the notebook', mode: 'command' },
  { action: 'redo', keys: 'Ctrl+Shift+Z (⌘+Shift+Z) or Ctrl+Y', does: 'Redo', mode: 'command' },
  { action: 'help', keys: '?', does: 'Show this list', mode: 'command' },
];

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * The action a key press asks for, or undefined. `typing` is true while focus
 * is in a text field, select or other control (edit mode): there only the
 * `any` shortcuts apply, so typing "a" in a field never adds a cell.
 * `lastKey` is the previous plain key pressed in command mode (for D, D).
 */
export function actionFor(press: KeyPress, typing: boolean, lastKey?: { key: string; at: number }, now = Date.now()): ShortcutAction | undefined {
  const mod = press.ctrlKey || press.metaKey;
  if (press.key === 'Enter' && press.shiftKey && !mod) return 'run-and-next';
  if (press.key === 'Enter' && mod) return 'run';
  if (press.key === 'Escape') return 'command-mode';
  if (typing || press.altKey) return undefined;
  const key = press.key.toLowerCase();
  if (mod && key === 'z') return press.shiftKey ? 'redo' : 'undo';
  if (mod && key === 'y') return 'redo';
  if (mod) return undefined;
  switch (press.key) {
    case 'Enter':
      return 'edit-mode';
    case 'ArrowUp':
    case 'k':
      return 'previous';
    case 'ArrowDown':
    case 'j':
      return 'next';
    case 'a':
      return 'add-above';
    case 'b':
      return 'add-below';
    case 'z':
      return 'undo';
    case '?':
      return 'help';
    case 'd':
      return lastKey?.key === 'd' && now - lastKey.at < 800 ? 'delete' : undefined;
    default:
      return undefined;
  }
}
