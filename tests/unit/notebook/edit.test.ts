import { describe, expect, it } from 'vitest';
import { dependentsOf, duplicateBlock, freshId, insertBlocks, moveBlock, nearestInput, removeBlock, withUniqueIds } from '../../../src/lib/notebook/edit';
import { History } from '../../../src/lib/notebook/history';
import type { Block, CellBlock } from '../../../src/lib/notebook/model';

const cell = (kind: string, id: string, options: Record<string, unknown> = {}): CellBlock => ({ type: 'cell', kind, id, options, line: 0, errors: [] });
const prose = (text: string): Block => ({ type: 'prose', text, line: 0 });

const notebook: Block[] = [
  prose('intro'),
  cell('dataset', 'data'),
  cell('split', 'holdout', { input: 'data' }),
  cell('regression', 'fit', { input: 'holdout', target: 'y', features: ['x'] }),
  cell('evaluate', 'judge', { input: 'fit' }),
  cell('sweep', 'sweep', { model: 'fit' }),
  cell('table', 'rows', { input: 'data' }),
];
const ids = (blocks: Block[]) => blocks.map((b) => (b.type === 'cell' ? b.id : `"${b.text}"`));

describe('freshId', () => {
  it('keeps a free id and numbers a taken one', () => {
    expect(freshId('fit', new Set())).toBe('fit');
    expect(freshId('fit', new Set(['fit']))).toBe('fit2');
    expect(freshId('fit2', new Set(['fit', 'fit2']))).toBe('fit3');
    expect(freshId('fit', new Set(['fit', 'fit2']))).toBe('fit3');
  });
  it('turns a name that is no valid id into one', () => {
    expect(freshId('my data', new Set())).toBe('my_data');
    expect(freshId('42', new Set())).toBe('cell');
  });
});

describe('structural edits', () => {
  it('finds every cell that reads a cell, through others and through model:', () => {
    expect(dependentsOf(notebook, 'holdout')).toEqual(['fit', 'judge', 'sweep']);
    expect(dependentsOf(notebook, 'data')).toEqual(['holdout', 'fit', 'judge', 'sweep', 'rows']);
    expect(dependentsOf(notebook, 'judge')).toEqual([]);
  });

  it('inserts a batch with clashing ids renamed, and its inner links with them', () => {
    const batch = [cell('split', 'holdout', { input: 'data' }), cell('regression', 'fit', { input: 'holdout' }), cell('evaluate', 'check', { input: 'fit' })];
    const next = insertBlocks(notebook, 2, batch);
    expect(ids(next).slice(2, 5)).toEqual(['holdout2', 'fit2', 'check']);
    const [split, fit, check] = next.slice(2, 5) as CellBlock[];
    expect(split.options.input).toBe('data'); // outside the batch: kept
    expect(fit.options.input).toBe('holdout2');
    expect(check.options.input).toBe('fit2');
    expect(ids(notebook)).toHaveLength(7); // the original is untouched
  });

  it('moves within bounds and leaves the ends alone', () => {
    expect(ids(moveBlock(notebook, 1, -1)).slice(0, 2)).toEqual(['data', '"intro"']);
    expect(ids(moveBlock(notebook, 0, -1))).toEqual(ids(notebook));
    expect(ids(moveBlock(notebook, 6, 1))).toEqual(ids(notebook));
  });

  it('duplicates a cell under a fresh id with its own copy of the options', () => {
    const { blocks, copyId } = duplicateBlock(notebook, 3);
    expect(copyId).toBe('fit2');
    const copy = blocks[4] as CellBlock;
    expect(copy.options).toEqual((notebook[3] as CellBlock).options);
    (copy.options.features as string[]).push('z');
    expect((notebook[3] as CellBlock).options.features).toEqual(['x']);
  });

  it('removes one block', () => {
    expect(ids(removeBlock(notebook, 2))).not.toContain('holdout');
    expect(removeBlock(notebook, 2)).toHaveLength(6);
  });

  it('links a new cell to the nearest cell above that gives what it takes', () => {
    const tables = (k: string) => ['dataset', 'split', 'prepare'].includes(k);
    expect(nearestInput(notebook, 7, tables)?.id).toBe('holdout');
    expect(nearestInput(notebook, 7, (k) => k === 'regression')?.id).toBe('fit');
    expect(nearestInput(notebook, 1, tables)).toBeUndefined();
  });

  it('keeps ids unique even when the batch repeats one', () => {
    const next = withUniqueIds([cell('table', 'a'), cell('table', 'a')], new Set(['a']));
    expect(ids(next)).toEqual(['a2', 'a3']);
  });
});

describe('History', () => {
  it('undoes and redoes by whole texts', () => {
    const history = new History();
    history.record('add', 'v1', undefined, 0);
    history.record('delete', 'v2', undefined, 10_000);
    expect(history.nextUndo).toBe('delete');
    expect(history.undo('v3')?.text).toBe('v2');
    expect(history.nextRedo).toBe('delete');
    expect(history.redo('v2')?.text).toBe('v3');
    expect(history.undo('v3')?.text).toBe('v2');
    expect(history.undo('v2')?.text).toBe('v1');
    expect(history.undo('v1')).toBeUndefined();
  });

  it('merges a run of changes to the same option into one step', () => {
    const history = new History();
    history.record('slide', 'v1', 'fit.degree', 0);
    history.record('slide', 'v2', 'fit.degree', 500);
    history.record('slide', 'v3', 'fit.degree', 1_000);
    expect(history.undo('v4')?.text).toBe('v1');
    expect(history.undo('v1')).toBeUndefined();
  });

  it('a new change clears what could be redone', () => {
    const history = new History();
    history.record('a', 'v1', undefined, 0);
    history.undo('v2');
    history.record('b', 'v1', undefined, 5_000);
    expect(history.nextRedo).toBeUndefined();
  });

  it('restores from saved JSON and ignores garbage', () => {
    const history = new History();
    history.record('a', 'v1', undefined, 0);
    const copy = History.from(JSON.parse(JSON.stringify(history.toJSON())));
    expect(copy.undo('v2')?.text).toBe('v1');
    expect(History.from({ undo: [{ nope: 1 }], redo: 'x' }).nextUndo).toBeUndefined();
  });
});
