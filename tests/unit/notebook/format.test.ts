import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseNotebook, serialiseNotebook } from '../../../src/lib/notebook/format';
import { cellsOf } from '../../../src/lib/notebook/model';
import { asControl, tunable, valueOf, withValue, isControl } from '../../../src/lib/notebook/controls';

const schemas = {
  dataset: z.object({ source: z.string().optional(), delimiter: z.enum(['auto', ',', ';']).optional() }).strict(),
  fit: z
    .object({
      input: z.string(),
      features: z.array(z.string()).optional(),
      learningRate: tunable(z.number().positive()).optional(),
      epochs: tunable(z.number().int().min(1)).optional(),
    })
    .strict(),
};

const example = `---
title: Linear regression, one feature
author: fitbook
---
The best line minimises the sum of squared errors $\\sum_i (y_i - \\hat y_i)^2$.

\`\`\`{dataset} houses
source: datasets/boston-housing.csv
\`\`\`

Some code that is not a cell:

\`\`\`python
x = 1
\`\`\`

\`\`\`{fit} model
input: houses
features: [RM, LSTAT]
learningRate: {value: 0.05, min: 0.0001, max: 1, scale: log}
epochs: 200
\`\`\`
`;

describe('parseNotebook', () => {
  it('reads front matter, prose and cells with their lines', () => {
    const nb = parseNotebook(example, schemas);
    expect(nb.title).toBe('Linear regression, one feature');
    expect(nb.meta.author).toBe('fitbook');
    expect(nb.errors).toEqual([]);
    expect(nb.blocks.map((b) => b.type)).toEqual(['prose', 'cell', 'prose', 'cell']);
    const [houses, model] = cellsOf(nb);
    expect(houses).toMatchObject({ kind: 'dataset', id: 'houses', line: 7, errors: [] });
    expect(houses.options).toEqual({ source: 'datasets/boston-housing.csv' });
    expect(model).toMatchObject({ kind: 'fit', id: 'model', line: 17, errors: [] });
    expect(model.options.learningRate).toEqual({ value: 0.05, min: 0.0001, max: 1, scale: 'log' });
    // A fenced block that is not `{kind} id` stays in the prose, verbatim.
    expect(nb.blocks[2]).toMatchObject({ type: 'prose', line: 11 });
    expect((nb.blocks[2] as { text: string }).text).toContain('```python\nx = 1\n```');
  });

  it('accepts CRLF line endings and a BOM', () => {
    const nb = parseNotebook('\uFEFF' + example.replace(/\n/g, '\r\n'), schemas);
    expect(cellsOf(nb).map((c) => [c.id, c.line, c.errors.length])).toEqual([
      ['houses', 7, 0],
      ['model', 17, 0],
    ]);
  });

  it('falls back to the given title without front matter', () => {
    expect(parseNotebook('just prose', schemas, 'My file').title).toBe('My file');
  });

  it('puts each error on the line where it is', () => {
    const text = [
      '# Broken', // 1
      '', // 2
      '```{dataset} a', // 3
      'source: [unclosed', // 4
      '```', // 5
      '', // 6
      '```{fit} b', // 7
      'input: a', // 8
      'epochs: 0', // 9
      'colour: red', // 10
      '```', // 11
      '', // 12
      '```{nonsense} c', // 13
      '```', // 14
      '```{dataset}', // 15
      '```', // 16
      '```{dataset} a', // 17
      '```', // 18
    ].join('\n');
    const cells = cellsOf(parseNotebook(text, schemas));
    // YAML notices an unclosed list where the input ends: the last line of the cell body.
    expect(cells[0].errors[0].line).toBe(5);
    expect(cells[0].errors[0].message).toMatch(/^YAML:/);
    const fitErrors = cells[1].errors.map((e) => [e.line, e.message]);
    expect(fitErrors).toContainEqual([10, "Unknown option 'colour' for a fit cell. Its options are: input, features, learningRate, epochs."]);
    expect(fitErrors.some(([line, msg]) => line === 9 && /epochs/.test(String(msg)))).toBe(true);
    expect(cells[2].errors[0]).toEqual({ line: 13, message: "Unknown cell kind 'nonsense'. Known kinds: dataset, fit." });
    expect(cells[3].errors[0].message).toMatch(/has no id/);
    expect(cells[4].errors[0].message).toMatch(/already named 'a'/);
  });

  it('places a YAML syntax error on its line', () => {
    const [cell] = cellsOf(parseNotebook('intro\n\n```{dataset} d\nsource: a\ndelimiter: a: b\n```\n', schemas));
    expect(cell.errors[0].line).toBe(5);
  });

  it('rejects a control whose value is out of its range, on its line', () => {
    const text = '```{fit} m\ninput: x\nlearningRate: {value: 5, min: 0.1, max: 1}\n```\n';
    const [cell] = cellsOf(parseNotebook(text, schemas));
    expect(cell.errors).toHaveLength(1);
    expect(cell.errors[0].line).toBe(3);
    expect(cell.errors[0].message).toMatch(/between min and max/);
  });

  it('reports an unclosed front matter and bad front matter YAML', () => {
    expect(parseNotebook('---\ntitle: x\nno end', schemas).errors[0]).toMatchObject({ line: 1 });
    const bad = parseNotebook('---\ntitle: [x\n---\ntext', schemas);
    expect(bad.errors[0].line).toBe(2);
  });
});

describe('serialiseNotebook', () => {
  it('round-trips: parse → serialise → parse gives the same model', () => {
    const first = parseNotebook(example, schemas);
    const text = serialiseNotebook(first, schemas);
    const second = parseNotebook(text, schemas);
    // Positions and the view's prose keys are not part of the file.
    const strip = (nb: typeof first) => ({
      ...nb,
      blocks: nb.blocks.map(({ line: _line, ...rest }) => ({ ...rest, key: undefined, optionLines: undefined })),
    });
    expect(strip(second)).toEqual(strip(first));
  });

  it('is stable: serialising twice gives identical text', () => {
    const once = serialiseNotebook(parseNotebook(example, schemas), schemas);
    const twice = serialiseNotebook(parseNotebook(once, schemas), schemas);
    expect(twice).toBe(once);
  });

  it('writes keys in schema order and nested values in flow style', () => {
    const nb = parseNotebook('```{fit} m\nepochs: 3\nfeatures:\n  - b\n  - a\ninput: x\nzeta: 1\n```\n', schemas);
    const text = serialiseNotebook(nb, schemas);
    expect(text).toBe('```{fit} m\ninput: x\nfeatures: [b, a]\nepochs: 3\nzeta: 1\n```\n');
  });

  it('saves a moved control value', () => {
    const nb = parseNotebook(example, schemas);
    const model = cellsOf(nb)[1];
    model.options.learningRate = withValue(model.options.learningRate as never, 0.2);
    const text = serialiseNotebook(nb, schemas);
    expect(text).toContain('learningRate: {value: 0.2, min: 0.0001, max: 1, scale: log}');
  });
});

describe('controls', () => {
  it('reads and replaces values of bare and control options', () => {
    expect(valueOf(3)).toBe(3);
    expect(valueOf({ value: 2, min: 0, max: 5 })).toBe(2);
    expect(withValue(3, 4)).toBe(4);
    expect(withValue({ value: 2, min: 0, max: 5 }, 4)).toEqual({ value: 4, min: 0, max: 5 });
    expect(isControl({ value: 2, min: 0, max: 5 })).toBe(true);
    expect(isControl(2)).toBe(false);
    expect(isControl({ value: 9, min: 0, max: 5 })).toBe(false);
  });

  it('gives bare numbers a slider range around them', () => {
    const range = { value: 1.5, min: 0.5, max: 5 };
    expect(asControl(undefined, range)).toBe(range);
    expect(asControl(8, range)).toEqual({ value: 8, min: 0.5, max: 8 });
    expect(asControl(0.1, range)).toEqual({ value: 0.1, min: 0.1, max: 5 });
    const written = { value: 2, min: 1, max: 3 };
    expect(asControl(written, range)).toBe(written);
  });

  it('checks the base constraint on a control value', () => {
    const schema = tunable(z.number().int().min(1));
    expect(schema.safeParse({ value: 0, min: 0, max: 5 }).success).toBe(false);
    expect(schema.safeParse({ value: 2, min: 0, max: 5 }).success).toBe(true);
    expect(schema.safeParse(1.5).success).toBe(false);
  });
});
