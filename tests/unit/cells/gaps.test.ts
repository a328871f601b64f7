import { describe, expect, it } from 'vitest';
import type { Table } from '../../../src/lib/data/table';
import type { Block, CellBlock } from '../../../src/lib/notebook/model';
import { featureColumnNames, isGapsInColumns, modelParts, type GapsInColumns } from '../../../src/cells/shared/model-inputs';
import { droppedSentence, gapsSentence, withImputingPrepare } from '../../../src/cells/shared/gaps';
import { runRegression } from '../../../src/cells/regression/run';
import { regressionSchema } from '../../../src/cells/regression/schema';
import { fitRegressionSpec } from '../../../src/cells/regression/spec';
import { runContext } from './context';

// y = 1 + 2x exactly on the complete rows; x has two gaps, y one (in a row where x is present).
const x = [1, 2, NaN, 4, 5, NaN, 7, 8, 9, 10, 11, 12];
const y = x.map((v, i) => (i === 7 ? NaN : 1 + 2 * (Number.isNaN(v) ? 3 : v)));
const id = x.map((_, i) => 900 + i);
const train: Table = {
  rowCount: x.length,
  columns: [
    { name: 'row ID', type: 'numeric', values: Float64Array.from(id) },
    { name: 'x', type: 'numeric', values: Float64Array.from(x) },
    { name: 'y', type: 'numeric', values: Float64Array.from(y) },
  ],
};
const test: Table = {
  rowCount: 3,
  columns: [
    { name: 'row ID', type: 'numeric', values: Float64Array.of(1, 2, 3) },
    { name: 'x', type: 'numeric', values: Float64Array.of(NaN, 3, 6) },
    { name: 'y', type: 'numeric', values: Float64Array.of(5, 7, 13) },
  ],
};
const split = { parts: true, table: train, train, test };

describe('gaps in a model’s columns', () => {
  it('are counted per column over every part, with the training rows they touch; the pickers never offer the identifier', () => {
    const ready = modelParts({ s: split }, 's', { target: 'y', features: ['x'] });
    expect('instead' in ready && isGapsInColumns(ready.instead)).toBe(true);
    const gaps = (ready as { instead: GapsInColumns }).instead;
    expect(gaps.gaps).toEqual([
      { column: 'y', missing: 1, role: 'target' },
      { column: 'x', missing: 3, role: 'feature' },
    ]);
    expect(gaps.rows).toBe(3);
    expect(gaps.numeric).toEqual(['x', 'y']);
    expect(gapsSentence(gaps)).toBe("the target 'y' has 1 missing value, 'x' has 3 missing values (3 of 12 training rows have a gap). A model cannot fit rows with gaps.");
  });

  it('missing: drop fits on the complete rows only, counted per part, the same fit as on those rows by hand', () => {
    const out = runRegression(runContext(regressionSchema.parse({ input: 's', target: 'y', features: ['x'], missing: 'drop' }), { s: split }));
    if (!('fit' in out)) throw new Error('expected a fit');
    expect(out.dropped).toEqual({ train: { dropped: 3, of: 12 }, test: { dropped: 1, of: 3 } });
    expect(out.parts.train.rowCount).toBe(9);
    expect(out.fit.model.intercept).toBeCloseTo(1, 10);
    expect(out.fit.model.coefficients[0]).toBeCloseTo(2, 10);
    const complete = [0, 1, 3, 4, 6, 8, 9, 10, 11];
    const byHand = fitRegressionSpec(
      { target: 'y', features: ['x'], degree: 1, intercept: true, penalty: 'none', alpha: 0 },
      { rowCount: 9, columns: [{ name: 'x', type: 'numeric', values: Float64Array.from(complete, (i) => x[i]) }, { name: 'y', type: 'numeric', values: Float64Array.from(complete, (i) => y[i]) }] },
    );
    expect(out.fit.model.intercept).toBe(byHand.model.intercept);
    expect(droppedSentence(out.dropped)).toBe('Dropped 3 of 12 training rows and 1 of 3 test rows with a missing value in the target or a feature.');
  });

  it('an identifier is not offered as a feature', () => {
    expect(featureColumnNames(train)).toEqual(['x', 'y']);
  });
});

describe('Add a prepare cell', () => {
  const cell = (kind: string, id: string, options: Record<string, unknown>): CellBlock => ({ type: 'cell', kind, id, options, line: 0, errors: [] });
  const ids = (blocks: Block[]) => blocks.map((b) => (b.type === 'cell' ? `${b.id}<${b.options.input ?? ''}` : 'text'));

  it('goes before the split a model reads, so the split fits it on its training rows', () => {
    const blocks: Block[] = [cell('dataset', 'd', {}), { type: 'prose', text: 'x', line: 0 }, cell('split', 's', { input: 'd' }), cell('classifier', 'm', { input: 's', target: 'y', features: ['x'] })];
    const { blocks: next, prepareId } = withImputingPrepare(blocks, 'm', 'y', ['x']);
    expect(prepareId).toBe('fill_gaps');
    expect(ids(next)).toEqual(['d<', 'text', 'fill_gaps<d', 's<fill_gaps', 'm<s']);
    expect((next[2] as CellBlock).options).toEqual({ input: 'd', label: 'y', missing: { strategy: 'median', columns: ['x'], indicator: true } });
  });

  it('goes right before a model that reads the data directly, which then reads it', () => {
    const blocks: Block[] = [cell('dataset', 'd', {}), cell('prepare', 'fill_gaps', { input: 'd' }), cell('regression', 'm', { input: 'd', target: 'y', features: ['x'] })];
    const { blocks: next, prepareId } = withImputingPrepare(blocks, 'm', 'y', ['x']);
    expect(prepareId).toBe('fill_gaps2');
    expect(ids(next)).toEqual(['d<', 'fill_gaps<d', 'fill_gaps2<d', 'm<fill_gaps2']);
  });
});
