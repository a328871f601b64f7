// Structural edits of a notebook as pure functions on its blocks: insert,
// delete, move, duplicate, and the ids and links they need. The session
// applies them as undoable changes; nothing here knows about Svelte or the
// runtime.
import { isPlainObject } from './format';
import type { Block, CellBlock, Notebook } from './model';

/** Options that name another cell (the graph's edges). */
export const LINK_KEYS = ['input', 'model'] as const;

const validId = /^[A-Za-z_][\w-]*$/;

/** The ids of the notebook's cells. */
export function cellIds(blocks: readonly Block[]): Set<string> {
  return new Set(blocks.filter((b): b is CellBlock => b.type === 'cell').map((b) => b.id));
}

/** `base`, or `base2`, `base3`… whichever is not taken; a base that is no valid id becomes `cell`. */
export function freshId(base: string, taken: ReadonlySet<string>): string {
  const cleaned = base.replace(/[^\w-]+/g, '_').replace(/^[^A-Za-z_]+/, '');
  const id = validId.test(cleaned) ? cleaned : 'cell';
  if (!taken.has(id)) return id;
  const stem = id.replace(/\d+$/, '') || id;
  for (let n = 2; ; n++) if (!taken.has(`${stem}${n}`)) return `${stem}${n}`;
}

/** The cell ids a cell's options name (`input:`, `model:`). */
export function linksOf(cell: Pick<CellBlock, 'options'>): string[] {
  return LINK_KEYS.map((key) => cell.options[key]).filter((v): v is string => typeof v === 'string');
}

/**
 * Cells that read `id`, directly or through others, in notebook order: the
 * ones that break when it is deleted.
 */
export function dependentsOf(blocks: readonly Block[], id: string): string[] {
  const cells = blocks.filter((b): b is CellBlock => b.type === 'cell');
  const reached = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const cell of cells) {
      if (reached.has(cell.id)) continue;
      if (linksOf(cell).some((link) => reached.has(link))) {
        reached.add(cell.id);
        grew = true;
      }
    }
  }
  return cells.filter((c) => c.id !== id && reached.has(c.id)).map((c) => c.id);
}

/**
 * Blocks to insert, with cell ids made unique against `taken` and links
 * between the inserted cells renamed to match. Links to cells outside the
 * batch are kept as they are.
 */
export function withUniqueIds(batch: readonly Block[], taken: ReadonlySet<string>): Block[] {
  const used = new Set(taken);
  const renamed = new Map<string, string>();
  const newIds = batch.map((block) => {
    if (block.type !== 'cell') return undefined;
    const id = freshId(block.id, used);
    used.add(id);
    // A link names the first cell of that id in the batch.
    if (!renamed.has(block.id)) renamed.set(block.id, id);
    return id;
  });
  return batch.map((block, i) => {
    if (block.type !== 'cell') return { ...block };
    const options = { ...block.options };
    for (const key of LINK_KEYS) {
      const target = options[key];
      if (typeof target === 'string' && renamed.has(target)) options[key] = renamed.get(target);
    }
    return { ...block, id: newIds[i]!, options, errors: [] };
  });
}

export function insertBlocks(blocks: readonly Block[], at: number, batch: readonly Block[]): Block[] {
  const index = Math.max(0, Math.min(at, blocks.length));
  return [...blocks.slice(0, index), ...withUniqueIds(batch, cellIds(blocks)), ...blocks.slice(index)];
}

export function removeBlock(blocks: readonly Block[], index: number): Block[] {
  return blocks.filter((_, i) => i !== index);
}

/** The block moved one place up (delta −1) or down (+1); unchanged at either end. */
export function moveBlock(blocks: readonly Block[], index: number, delta: -1 | 1): Block[] {
  const to = index + delta;
  if (index < 0 || index >= blocks.length || to < 0 || to >= blocks.length) return [...blocks];
  const next = [...blocks];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

/** A copy of the block placed right after it; a cell's copy gets a fresh id and the same links. */
export function duplicateBlock(blocks: readonly Block[], index: number): { blocks: Block[]; copyId?: string } {
  const block = blocks[index];
  if (!block) return { blocks: [...blocks] };
  const copy: Block =
    block.type === 'cell'
      ? { ...block, id: freshId(block.id, cellIds(blocks)), options: structuredClone(block.options), errors: [] }
      : { ...block };
  const next = [...blocks.slice(0, index + 1), copy, ...blocks.slice(index + 1)];
  return { blocks: next, copyId: copy.type === 'cell' ? copy.id : undefined };
}

/**
 * The nearest cell above `index` whose output a new cell can read, by what
 * each kind gives: `accepts(kind)` says whether a cell of that kind fits.
 */
export function nearestInput(blocks: readonly Block[], index: number, accepts: (kind: string) => boolean): CellBlock | undefined {
  for (let i = Math.min(index, blocks.length) - 1; i >= 0; i--) {
    const block = blocks[i];
    if (block.type === 'cell' && block.errors.length === 0 && accepts(block.kind)) return block;
  }
  return undefined;
}

/** A notebook with the same front matter and the given blocks. */
export function withBlocks(notebook: Notebook, blocks: Block[]): Notebook {
  return { ...notebook, blocks };
}

/** Plain options (no proxies, no functions), safe to clone and serialise. */
export function plainOptions(options: unknown): Record<string, unknown> {
  return isPlainObject(options) ? (structuredClone(options) as Record<string, unknown>) : {};
}
