// Editing a notebook's structure in the app: add a cell or text, delete,
// move, duplicate, edit prose, insert a batch (Build a notebook), and undo or
// redo any change. Each edit computes the new blocks with the pure functions
// of lib/notebook/edit and hands the session the new text; History keeps the
// text before, so every change undoes the same way.
import type { CellKind, StarterInput } from '../cells/types';
import { outputColumns } from '../cells/shared/table-input';
import { cellIds, dependentsOf, duplicateBlock, freshId, insertBlocks, moveBlock, nearestInput, removeBlock } from '../lib/notebook/edit';
import type { History } from '../lib/notebook/history';
import type { Block, CellBlock } from '../lib/notebook/model';
import type { NotebookSession } from './session.svelte';
import { withTitle } from './library.svelte';

/** The kinds a reader can add, in menu order. */
export const ADDABLE_KINDS = ['dataset', 'table', 'plot', 'prepare', 'split', 'regression', 'classifier', 'network', 'baseline', 'evaluate', 'crossval', 'sweep', 'search', 'bootstrap', 'imputation', 'kmeans', 'sql', 'stream'];

const historyKey = (path: string) => `fitbook:history:${path}`;
/** Changes kept across a reload (each holds a whole notebook text). */
const KEPT_CHANGES = 30;

export class NotebookEditing {
  /** What Undo and Redo would do now (labels for the buttons' names). */
  nextUndo = $state<string | undefined>();
  nextRedo = $state<string | undefined>();
  /** The structural change just made, offered for undo until the next one. */
  offer = $state<string | undefined>();

  readonly #session: NotebookSession;
  readonly #kinds: Record<string, CellKind>;
  readonly #history: History;

  constructor(session: NotebookSession, kinds: Record<string, CellKind>, history: History) {
    this.#session = session;
    this.#kinds = kinds;
    this.#history = history;
    this.#refreshLabels();
  }

  /** Call before a change made in place (an option, a slider): keeps the text before it. */
  record(label: string, mergeKey?: string): void {
    this.#history.record(label, this.#session.serialise(), mergeKey);
    this.offer = undefined;
    this.#refreshLabels();
  }

  addCell(at: number, kind: string): string | undefined {
    const spec = this.#kinds[kind];
    if (!spec) return undefined;
    const blocks = this.#session.blocksSnapshot();
    const id = freshId(kind, cellIds(blocks));
    const input = spec.takes ? nearestInput(blocks, at, (k) => this.#kinds[k]?.gives === spec.takes) : undefined;
    const options = spec.starter?.(input && this.#starterInput(input)) ?? {};
    const cell: CellBlock = { type: 'cell', kind, id, options, line: 0, errors: [] };
    this.#change(`add ${spec.label.toLowerCase()} cell ${id}`, insertBlocks(blocks, at, [cell]), id);
    return id;
  }

  addText(at: number): void {
    const blocks = this.#session.blocksSnapshot();
    this.#change('add text', insertBlocks(blocks, at, [{ type: 'prose', text: 'New text. Write Markdown here; $x^2$ is maths.', line: 0 }]));
  }

  /** Inserts a batch of blocks (ids made unique); reveals the first new cell. */
  insert(at: number, batch: Block[], label: string): void {
    const blocks = this.#session.blocksSnapshot();
    const next = insertBlocks(blocks, at, batch);
    const taken = cellIds(blocks);
    const first = next.find((b): b is CellBlock => b.type === 'cell' && !taken.has(b.id));
    this.#change(label, next, first?.id);
  }

  /** Any change of the blocks as one undoable step (a re-target, a prepare cell inserted and linked). */
  changeBlocks(label: string, edit: (blocks: Block[]) => { blocks: Block[]; reveal?: string }): void {
    const { blocks, reveal } = edit(this.#session.blocksSnapshot());
    this.#change(label, blocks, reveal);
  }

  remove(index: number): void {
    const blocks = this.#session.blocksSnapshot();
    const block = blocks[index];
    if (!block) return;
    this.#change(block.type === 'cell' ? `delete cell ${block.id}` : 'delete text', removeBlock(blocks, index));
  }

  move(index: number, delta: -1 | 1): void {
    const blocks = this.#session.blocksSnapshot();
    const block = blocks[index];
    if (!block) return;
    const name = block.type === 'cell' ? `cell ${block.id}` : 'text';
    this.#change(`move ${name} ${delta < 0 ? 'up' : 'down'}`, moveBlock(blocks, index, delta), block.type === 'cell' ? block.id : undefined);
  }

  duplicate(index: number): void {
    const blocks = this.#session.blocksSnapshot();
    const block = blocks[index];
    const { blocks: next, copyId } = duplicateBlock(blocks, index);
    if (block?.type === 'cell' && copyId) void this.#session.copyUpload(block.id, copyId);
    this.#change(block?.type === 'cell' ? `duplicate cell ${block.id}` : 'duplicate text', next, copyId);
  }

  /** Replaces a prose block's Markdown; typing in a row is one change. */
  setProse(index: number, text: string): void {
    const blocks = this.#session.blocksSnapshot();
    const block = blocks[index];
    if (block?.type !== 'prose' || block.text === text) return;
    blocks[index] = { ...block, text };
    this.#change('edit text', blocks, undefined, `prose:${block.key ?? index}`);
  }

  /** Renames the notebook (its front matter title). */
  setTitle(title: string): void {
    const before = this.#session.serialise();
    const text = withTitle(before, title);
    if (text === before) return;
    this.#history.record(`rename to ${title}`, before);
    this.#session.load(text);
    this.offer = undefined;
    this.#refreshLabels();
  }

  /** Cells that read this one, directly or through others (what deleting it breaks). */
  dependents(id: string): string[] {
    return dependentsOf(this.#session.notebook.blocks, id);
  }

  undo(): void {
    const change = this.#history.undo(this.#session.serialise());
    if (change) this.#session.load(change.text);
    this.offer = undefined;
    this.#refreshLabels();
  }

  redo(): void {
    const change = this.#history.redo(this.#session.serialise());
    if (change) this.#session.load(change.text);
    this.offer = undefined;
    this.#refreshLabels();
  }

  /** Keeps the undo history across a reload (the newest changes only; best effort). */
  persist(): void {
    try {
      const { undo, redo } = this.#history.toJSON();
      localStorage.setItem(historyKey(this.#session.path), JSON.stringify({ undo: undo.slice(-KEPT_CHANGES), redo: redo.slice(-KEPT_CHANGES) }));
    } catch {
      // Full or blocked storage: undo still works until the page closes.
    }
  }

  static loadHistory(path: string): unknown {
    try {
      return JSON.parse(localStorage.getItem(historyKey(path)) ?? 'null');
    } catch {
      return undefined;
    }
  }

  #change(label: string, blocks: Block[], reveal?: string, mergeKey?: string): void {
    const before = this.#session.serialise();
    const text = this.#session.textWith(blocks);
    if (text === before) return;
    this.#history.record(label, before, mergeKey);
    this.#session.load(text);
    this.offer = mergeKey ? undefined : label;
    if (reveal) this.#session.reveal = { id: reveal };
    this.#refreshLabels();
  }

  /** The input cell as a starter sees it: its columns and their roles, from its latest output. */
  #starterInput(cell: CellBlock): StarterInput {
    const output = this.#session.state(cell.id).output ?? this.#session.lastOutputs[cell.id];
    return { id: cell.id, kind: cell.kind, columns: outputColumns(output) };
  }

  #refreshLabels(): void {
    this.nextUndo = this.#history.nextUndo;
    this.nextRedo = this.#history.nextRedo;
  }
}
