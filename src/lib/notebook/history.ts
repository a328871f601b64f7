// Undo and redo over whole notebook texts. A notebook is small (a few KB of
// Markdown), so each change keeps the text before it: restoring a text is
// the inverse of every change alike (add, delete, move, an option, prose),
// with no inverse to write per command.

export interface Change {
  /** What the change did, for "Undo: delete cell fit". */
  label: string;
  /** The notebook's text before (undo) or after (redo) it. */
  text: string;
  /** Changes with the same key in a row (a slider's drag, typing) merge into one. */
  key?: string;
  at: number;
}

const MERGE_WITHIN_MS = 1_500;
const LIMIT = 200;

export class History {
  #undo: Change[] = [];
  #redo: Change[] = [];

  /** Records a change, given the text before it. */
  record(label: string, before: string, key?: string, now = Date.now()): void {
    const last = this.#undo.at(-1);
    this.#redo = [];
    if (key !== undefined && last?.key === key && now - last.at < MERGE_WITHIN_MS) {
      last.at = now;
      return;
    }
    this.#undo.push({ label, text: before, key, at: now });
    if (this.#undo.length > LIMIT) this.#undo.shift();
  }

  /** The text to go back to, given the current one; undefined when there is nothing to undo. */
  undo(current: string): Change | undefined {
    const change = this.#undo.pop();
    if (change) this.#redo.push({ ...change, text: current });
    return change;
  }

  redo(current: string): Change | undefined {
    const change = this.#redo.pop();
    if (change) this.#undo.push({ ...change, text: current, key: undefined });
    return change;
  }

  get nextUndo(): string | undefined {
    return this.#undo.at(-1)?.label;
  }

  get nextRedo(): string | undefined {
    return this.#redo.at(-1)?.label;
  }

  /** For keeping across a reload. */
  toJSON(): { undo: Change[]; redo: Change[] } {
    return { undo: this.#undo, redo: this.#redo };
  }

  static from(saved: unknown): History {
    const history = new History();
    const value = saved as { undo?: unknown; redo?: unknown } | undefined;
    if (Array.isArray(value?.undo) && Array.isArray(value.redo)) {
      history.#undo = value.undo.filter(isChange);
      history.#redo = value.redo.filter(isChange);
    }
    return history;
  }
}

function isChange(value: unknown): value is Change {
  const c = value as Change;
  return typeof c?.label === 'string' && typeof c.text === 'string' && typeof c.at === 'number';
}
