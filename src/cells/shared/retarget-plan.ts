// The whole notebook's re-targeting: which cells that depend on a dataset
// cell lost columns when its data changed, a guess at the target and
// features, and the option rewrites a choice makes (one per cell, from each
// kind's column options). Pure: the shell applies the result as one
// undoable change.
import { dependentsOf } from '../../lib/notebook/edit';
import type { Block, CellBlock } from '../../lib/notebook/model';
import { usableAsFeature } from '../../lib/data/roles';
import type { KindColumns, RetargetChoice, RetargetData } from './retarget';
import { columnOptions as regressionColumns } from '../regression/columns';
import { columnOptions as classifierColumns } from '../classifier/columns';
import { columnOptions as splitColumns } from '../split/columns';
import { columnOptions as crossvalColumns } from '../crossval/columns';
import { columnOptions as prepareColumns } from '../prepare/columns';
import { columnOptions as plotColumns } from '../plot/columns';
import { columnOptions as tableColumns } from '../table/columns';
import { columnOptions as kmeansColumns } from '../kmeans/columns';

/** Kinds whose options name columns (the others name none). */
export const kindColumns: Record<string, KindColumns> = {
  regression: regressionColumns,
  classifier: classifierColumns,
  // The network cell names its target and features as the classifier does.
  network: classifierColumns,
  split: splitColumns,
  crossval: crossvalColumns,
  prepare: prepareColumns,
  plot: plotColumns,
  table: tableColumns,
  kmeans: kmeansColumns,
};

type Cell = Pick<CellBlock, 'id' | 'kind' | 'options'>;

function cellsOf(blocks: readonly Block[]): CellBlock[] {
  return blocks.filter((b): b is CellBlock => b.type === 'cell');
}

/**
 * The cells that read the dataset cell, directly or through others, in notebook order.
 * A model cell predicting with a loaded model file is left out: its columns come from the file.
 */
export function dependentCells(blocks: readonly Block[], datasetId: string): CellBlock[] {
  const ids = new Set(dependentsOf(blocks, datasetId));
  return cellsOf(blocks).filter((c) => ids.has(c.id) && typeof c.options.loadedModel !== 'string');
}

export interface StaleCell {
  id: string;
  kind: string;
  /** Columns its options name that the old data had and the new one lacks. */
  lost: string[];
}

/**
 * Dependent cells that name a column the old data had and the new data
 * lacks. Names the old data did not have either (a prepare cell's one-hot or
 * `_missing` columns) are not counted: they may come back from the new data.
 */
export function staleCells(blocks: readonly Block[], datasetId: string, oldColumns: readonly string[], data: RetargetData): StaleCell[] {
  const old = new Set(oldColumns);
  return dependentCells(blocks, datasetId).flatMap((cell) => {
    const named = kindColumns[cell.kind]?.named(cell.options) ?? [];
    const lost = [...new Set(named.filter((n) => old.has(n) && !data.has(n)))];
    return lost.length ? [{ id: cell.id, kind: cell.kind, lost }] : [];
  });
}

/**
 * Whether a target is a question for these cells: a model, a prepare cell
 * with a label, or a stratified split. Cells that only show columns (tables,
 * plots) keep asking for replacements one by one.
 */
export function asksForTarget(cells: readonly Cell[]): boolean {
  return cells.some(
    (c) =>
      c.kind === 'regression' ||
      c.kind === 'classifier' ||
      (c.kind === 'prepare' && typeof c.options.label === 'string') ||
      ((c.kind === 'split' || c.kind === 'crossval') && typeof c.options.stratify === 'string'),
  );
}

/** Names that usually mean "the column to predict". */
const targetLike = /^(target|label|class|y|price|outcome|response|result|species|diagnosis|quality|medv)$/i;

/**
 * Let fitbook pick: the target is a column whose name says so, else the last
 * column that suits the dependent models (a number for regressions, a label
 * for classifiers only); the features are every other usable column.
 */
export function guessChoice(cells: readonly Cell[], data: RetargetData): RetargetChoice | undefined {
  const classifiersOnly = cells.some((c) => c.kind === 'classifier') && !cells.some((c) => c.kind === 'regression');
  const suits = (name: string) => (classifiersOnly ? !data.whyNotLabel(name) : !data.whyNotNumericTarget(name));
  const candidates = data.columns.filter((c) => usableAsFeature(c.role) && suits(c.name)).map((c) => c.name);
  const usable = data.columns.filter((c) => usableAsFeature(c.role)).map((c) => c.name);
  const target = candidates.find((n) => targetLike.test(n)) ?? candidates.at(-1) ?? usable.at(-1);
  if (!target) return undefined;
  return { target, features: usable.filter((n) => n !== target) };
}

export interface PlannedRewrite {
  id: string;
  kind: string;
  changes: Record<string, unknown>;
  problems: string[];
  notes: string[];
}

/** What the choice does to every dependent cell that has column options (model cells always; others when they lost a column). */
export function planRetarget(blocks: readonly Block[], datasetId: string, choice: RetargetChoice, data: RetargetData): PlannedRewrite[] {
  return dependentCells(blocks, datasetId).flatMap((cell) => {
    const columns = kindColumns[cell.kind];
    if (!columns) return [];
    const lostOne = columns.named(cell.options).some((n) => !data.has(n));
    if (!columns.always && !lostOne) return [];
    return [{ id: cell.id, kind: cell.kind, ...columns.rewrite(cell.options, choice, data) }];
  });
}

/** The blocks with the planned option changes made (a change to undefined removes the option). */
export function applyRewrites(blocks: readonly Block[], rewrites: readonly PlannedRewrite[]): Block[] {
  const byId = new Map(rewrites.map((r) => [r.id, r.changes]));
  return blocks.map((block) => {
    const changes = block.type === 'cell' ? byId.get(block.id) : undefined;
    if (!changes || block.type !== 'cell') return block;
    const options = structuredClone(block.options);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) delete options[key];
      else options[key] = structuredClone(value);
    }
    return { ...block, options };
  });
}
