// Replacing a notebook by a new text of itself (an undo, a structural edit)
// without redoing more than needed: which cells changed, and prose keys
// carried over so the view keeps its paragraphs.
import type { Block, CellBlock, ProseBlock } from './model';

/** What decides whether a cell must re-run after the notebook was replaced. */
function cellSignature(cell: CellBlock): string {
  return JSON.stringify([cell.kind, sortedKeys(cell.options), cell.errors.length]);
}

/** The same value with object keys in sorted order, so key order never counts as a change. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]));
}

/** Cells present before and after whose kind, options or validity changed: they must re-run. */
export function changedCells(before: Block[], after: Block[]): string[] {
  const was = new Map(before.filter((b): b is CellBlock => b.type === 'cell').map((c) => [c.id, cellSignature(c)]));
  return after.filter((b): b is CellBlock => b.type === 'cell' && was.has(b.id) && was.get(b.id) !== cellSignature(b)).map((c) => c.id);
}

/**
 * Prose blocks have no id; keys carried over from the blocks before keep
 * Svelte from re-creating every paragraph when one cell moves, and keep a
 * paragraph being edited open: same text first, then the rest in order.
 */
export function carryProseKeys(before: Block[], after: Block[]): void {
  const byText = new Map<string, string[]>();
  const left = new Set<string>();
  for (const block of before) {
    if (block.type !== 'prose' || !block.key) continue;
    byText.set(block.text, [...(byText.get(block.text) ?? []), block.key]);
    left.add(block.key);
  }
  const unmatched: ProseBlock[] = [];
  for (const block of after) {
    if (block.type !== 'prose') continue;
    const key = byText.get(block.text)?.shift();
    if (key) {
      block.key = key;
      left.delete(key);
    } else unmatched.push(block);
  }
  const spare = [...left];
  for (const block of unmatched) block.key = spare.shift() ?? block.key;
}

/**
 * Keys for the view's list of blocks that follow a block when it moves; a
 * file with a duplicate id (an error its cell shows) still gets distinct keys.
 */
export function blockKeys(blocks: readonly Block[]): string[] {
  const seen = new Set<string>();
  return blocks.map((block, i) => {
    let key = block.type === 'cell' ? `cell:${block.id}` : `prose:${block.key ?? i}`;
    while (seen.has(key)) key += "'";
    seen.add(key);
    return key;
  });
}
