// The two ways out of gaps in a model's columns, as the view offers them:
// drop the incomplete rows (the model's `missing: drop`, counted), or a
// prepare cell that fills them with the training median and marks the rows
// it filled, placed so every part of the data goes through it.
import { freshId, cellIds } from '../../lib/notebook/edit';
import type { Block, CellBlock } from '../../lib/notebook/model';
import type { DroppedRows, GapsInColumns } from './model-inputs';

const partWords = { train: 'training', validation: 'validation', test: 'test' } as const;

/** "Dropped 12 of 300 training rows and 3 of 75 test rows with missing values." (undefined when none were dropped) */
export function droppedSentence(dropped: DroppedRows | undefined): string | undefined {
  if (!dropped) return undefined;
  const parts = (Object.keys(partWords) as (keyof typeof partWords)[])
    .filter((p) => dropped[p])
    .map((p) => `${dropped[p]!.dropped} of ${dropped[p]!.of} ${partWords[p]} rows`);
  const total = Object.values(dropped).reduce((sum, d) => sum + (d?.dropped ?? 0), 0);
  if (!parts.length) return undefined;
  return total === 0 ? 'No row has a missing value in the target or the features.' : `Dropped ${parts.join(' and ')} with a missing value in the target or a feature.`;
}

/** The gaps in words: "'age' has 12 missing values, 'bmi' has 3". */
export function gapsSentence(gaps: GapsInColumns): string {
  const each = gaps.gaps.map((g) => `${g.role === 'target' ? 'the target ' : ''}'${g.column}' has ${g.missing} missing value${g.missing === 1 ? '' : 's'}`);
  return `${each.join(', ')} (${gaps.rows} of ${gaps.trainRows} training rows have a gap). A model cannot fit rows with gaps.`;
}

/** Gapped features a prepare cell can fill (the target's gaps can only be dropped). */
export function fillableColumns(gaps: GapsInColumns): string[] {
  return gaps.gaps.filter((g) => g.role === 'feature').map((g) => g.column);
}

/**
 * The notebook with a prepare cell that imputes `columns` (median, with a
 * `_missing` indicator) between the model cell and its data. A model reading
 * a split gets the prepare cell before the split, so the split fits the
 * imputation on its training rows only and every part is filled; otherwise
 * it goes right before the model, which then reads it.
 */
export function withImputingPrepare(blocks: readonly Block[], modelId: string, target: string, columns: string[]): { blocks: Block[]; prepareId: string } {
  const cells = blocks.filter((b): b is CellBlock => b.type === 'cell');
  const model = cells.find((c) => c.id === modelId);
  if (!model || typeof model.options.input !== 'string') throw new Error(`No model cell '${modelId}' with an input.`);
  const upstream = cells.find((c) => c.id === model.options.input);
  const beforeSplit = upstream?.kind === 'split' && typeof upstream.options.input === 'string';
  const reader = beforeSplit ? upstream : model;
  const prepareId = freshId('fill_gaps', cellIds(blocks));
  const prepare: CellBlock = {
    type: 'cell',
    kind: 'prepare',
    id: prepareId,
    options: { input: reader.options.input, label: target, missing: { strategy: 'median', columns, indicator: true } },
    line: 0,
    errors: [],
  };
  const at = blocks.indexOf(reader);
  const next = blocks.map((b) => (b === reader ? { ...reader, options: { ...reader.options, input: prepareId } } : b));
  next.splice(at, 0, prepare);
  return { blocks: next, prepareId };
}
