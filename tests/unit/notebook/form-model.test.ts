import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tunable } from '../../../src/lib/notebook/controls';
import { cellLink, column, columns, fieldMeta, listOf, normaliseOptions } from '../../../src/lib/notebook/fields';
import {
  asList,
  cellChoices,
  columnChoices,
  columnSourceId,
  editControl,
  formFields,
  labelFromKey,
  tunableControl,
  unofferedChoices,
  type FormField,
} from '../../../src/lib/notebook/form-model';
import type { ColumnRoleInfo } from '../../../src/lib/data/roles';
import type { Block, CellBlock } from '../../../src/lib/notebook/model';
import { regressionSchema } from '../../../src/cells/regression/schema';
import { classifierSchema } from '../../../src/cells/classifier/schema';
import { crossvalSchema } from '../../../src/cells/crossval/schema';
import { evaluateSchema } from '../../../src/cells/evaluate/schema';
import { plotSchema } from '../../../src/cells/plot/schema';
import { prepareSchema } from '../../../src/cells/prepare/schema';
import { splitSchema } from '../../../src/cells/split/schema';
import { sweepSchema } from '../../../src/cells/sweep/schema';
import { tableSchema } from '../../../src/cells/table/schema';
import { datasetSchema } from '../../../src/cells/dataset/schema';

// The schemas of the shipped kinds (the registry also loads their Svelte views).
const kindSchemas: Record<string, z.ZodObject> = {
  regression: regressionSchema,
  classifier: classifierSchema,
  crossval: crossvalSchema,
  evaluate: evaluateSchema,
  plot: plotSchema,
  prepare: prepareSchema,
  split: splitSchema,
  sweep: sweepSchema,
  table: tableSchema,
  dataset: datasetSchema,
};

const schema = z
  .object({
    input: cellLink('table', 'Data'),
    target: column({ label: 'Target', numeric: true, model: true }),
    features: columns({ label: 'Features', numeric: true, model: true, excludes: 'target', minimum: 1 }),
    label: column().optional(),
    degree: tunable(z.number().int().min(1).max(15)).meta({ label: 'Polynomial degree' }).default(1),
    alpha: tunable(z.number().min(0)).meta({ range: { min: 0.001, max: 10, scale: 'log' } }).default(0.1),
    penalty: z.enum(['none', 'l2']).meta({ label: 'Penalty' }).default('none'),
    intercept: z.boolean().default(true),
    seed: z.number().int().min(0).max(99).optional(),
    methods: listOf(z.array(z.enum(['a', 'b'])).min(1)).optional(),
    source: z.string().optional(),
    nested: z.object({ x: z.number() }).optional(),
  })
  .strict();

const byKey = (fields: FormField[]) => Object.fromEntries(fields.map((f) => [f.key, f]));

describe('formFields: the form model read from a schema', () => {
  const fields = byKey(formFields(schema));

  it('keeps the schema order and reads each declaration', () => {
    expect(formFields(schema).map((f) => f.key)).toEqual(Object.keys(schema.shape));
    expect(fields.input).toMatchObject({ kind: 'cell', takes: 'table', label: 'Data', optional: false });
    expect(fields.target).toMatchObject({ kind: 'column', numeric: true, model: true, label: 'Target' });
    expect(fields.features).toMatchObject({ kind: 'columns', excludes: 'target', minimum: 1, label: 'Features' });
    expect(fields.label).toMatchObject({ kind: 'column', optional: true, label: 'Label' });
  });

  it('turns types into controls: enum, boolean, number with bounds, tunable, text, list of choices', () => {
    expect(fields.penalty).toMatchObject({ kind: 'enum', choices: ['none', 'l2'], defaultValue: 'none', label: 'Penalty' });
    expect(fields.intercept).toMatchObject({ kind: 'boolean', defaultValue: true, label: 'Intercept' });
    expect(fields.seed).toMatchObject({ kind: 'number', min: 0, max: 99, integer: true, optional: true });
    expect(fields.degree).toMatchObject({ kind: 'tunable', min: 1, max: 15, integer: true, label: 'Polynomial degree', defaultValue: 1 });
    expect(fields.alpha).toMatchObject({ kind: 'tunable', min: 0, max: undefined, range: { min: 0.001, max: 10, scale: 'log' } });
    expect(fields.source.kind).toBe('text');
    expect(fields.methods).toMatchObject({ kind: 'choices', choices: ['a', 'b'], minimum: 1 });
    expect(fields.nested.kind).toBe('advanced');
  });

  it('labels an undeclared option from its key', () => {
    expect(labelFromKey('learningRate')).toBe('Learning rate');
    expect(labelFromKey('k')).toBe('K');
  });

  it('reads metadata through optional and default wrappers', () => {
    expect(fieldMeta(column({ label: 'x' }).optional())).toMatchObject({ control: 'column', label: 'x' });
    expect(fieldMeta(z.string())).toEqual({});
  });

  it('gives every option of every shipped kind a control, and labels the columns and links', () => {
    for (const [kind, kindSchema] of Object.entries(kindSchemas)) {
      for (const field of formFields(kindSchema)) {
        if (field.key === 'input' || field.key === 'model') expect(field.kind, `${kind}.${field.key}`).toBe('cell');
        if (['target', 'features', 'stratify', 'x', 'y', 'color', 'columns', 'label'].includes(field.key)) {
          expect(['column', 'columns'], `${kind}.${field.key}`).toContain(field.kind);
        }
      }
    }
    const regression = byKey(formFields(regressionSchema));
    expect(regression.target).toMatchObject({ numeric: true, model: true, label: 'Target' });
    expect(regression.features).toMatchObject({ numeric: true, model: true, label: 'Features', minimum: 1 });
    expect(regression.alpha.label).toBe('Penalty strength α');
    expect(byKey(formFields(evaluateSchema)).input.takes).toBe('model');
    expect(byKey(formFields(classifierSchema)).target.numeric).toBeFalsy();
  });
});

describe('column and cell choices', () => {
  const roles: ColumnRoleInfo[] = [
    { name: 'Sample ID', role: 'identifier' },
    { name: 'RM', role: 'numeric' },
    { name: 'CHAS', role: 'boolean' },
    { name: 'town', role: 'categorical' },
    { name: 'notes', role: 'text' },
    { name: 'one', role: 'constant' },
    { name: 'MEDV', role: 'numeric' },
  ];
  const fields = byKey(formFields(schema));

  it('offers numbers only where only numbers fit, and never identifiers, text or constants to a model', () => {
    expect(columnChoices(fields.target, roles, {})).toEqual(['RM', 'CHAS', 'MEDV']);
    expect(columnChoices({ ...fields.target, numeric: false }, roles, {})).toEqual(['RM', 'CHAS', 'town', 'MEDV']);
    expect(columnChoices(fields.label, roles, {})).toEqual(roles.map((r) => r.name));
  });

  it('features leave out the target', () => {
    expect(columnChoices(fields.features, roles, { target: 'MEDV' })).toEqual(['RM', 'CHAS']);
  });

  it('keeps chosen columns the data lost, so they can be unticked', () => {
    expect(unofferedChoices(['RM', 'GONE'], ['RM', 'CHAS'])).toEqual(['GONE']);
    expect(asList('RM')).toEqual(['RM']);
    expect(asList(undefined)).toEqual([]);
  });

  const cell = (id: string, kind: string, options: Record<string, unknown> = {}): CellBlock => ({ type: 'cell', kind, id, options, line: 1, errors: [] });
  const blocks: Block[] = [
    cell('data', 'dataset'),
    { type: 'prose', text: 'x', line: 2 },
    cell('prep', 'prepare', { input: 'data' }),
    cell('fit', 'regression', { input: 'prep' }),
    cell('here', 'evaluate', { input: 'fit' }),
    cell('below', 'split', { input: 'prep' }),
  ];
  const gives = (c: CellBlock) => (({ dataset: 'table', prepare: 'table', split: 'table', regression: 'model' }) as const)[c.kind as 'dataset'];

  it('offers the cells above that give what the link takes', () => {
    expect(cellChoices(blocks, 4, 'table', gives)).toEqual(['data', 'prep']);
    expect(cellChoices(blocks, 4, 'model', gives)).toEqual(['fit']);
    expect(cellChoices(blocks, 0, 'table', gives)).toEqual([]);
  });

  it('reads columns from the input table, or through a model to its input', () => {
    const byId = (id: string) => blocks.find((b): b is CellBlock => b.type === 'cell' && b.id === id);
    expect(columnSourceId(formFields(schema), { input: 'prep' }, byId)).toBe('prep');
    const crossval = formFields(crossvalSchema);
    expect(columnSourceId(crossval, { model: 'fit' }, byId)).toBe('prep');
    expect(columnSourceId(crossval, { model: 'fit', input: 'data' }, byId)).toBe('data');
    expect(columnSourceId(crossval, { model: 'nope' }, byId)).toBeUndefined();
  });
});

describe('tunables', () => {
  const fields = byKey(formFields(schema));

  it('a bare value gets the declared range, else the schema bounds', () => {
    expect(tunableControl(fields.alpha, 0.5)).toEqual({ value: 0.5, min: 0.001, max: 10, scale: 'log' });
    expect(tunableControl(fields.degree, 3)).toEqual({ value: 3, min: 1, max: 15 });
    expect(tunableControl(fields.degree, undefined)).toEqual({ value: 1, min: 1, max: 15 });
    expect(tunableControl(fields.alpha, 50)).toEqual({ value: 50, min: 0.001, max: 50, scale: 'log' });
  });

  it('a control keeps its own range', () => {
    expect(tunableControl(fields.degree, { value: 2, min: 1, max: 4 })).toEqual({ value: 2, min: 1, max: 4 });
  });

  it('edits one part at a time', () => {
    const c = { value: 2, min: 1, max: 4 };
    expect(editControl(c, 'value', 3)).toEqual({ value: 3, min: 1, max: 4 });
    expect(editControl(c, 'max', '9')).toEqual({ value: 2, min: 1, max: 9 });
    expect(editControl(c, 'scale', 'log')).toEqual({ ...c, scale: 'log' });
    expect(editControl({ ...c, scale: 'log' }, 'scale', 'linear')).toEqual(c);
  });
});

describe('normaliseOptions', () => {
  it('stores a value the schema read as a list of one as that list, and adds no defaults', () => {
    const raw = { input: 'd', target: 'y', features: 'RM' };
    const parsed = schema.parse(raw);
    expect(normaliseOptions(raw, parsed)).toEqual({ input: 'd', target: 'y', features: ['RM'] });
  });
});
