// Options a reader may type in the YAML editor or a file (issue 7 item 10):
// each gets a message at the right line, none throws or hangs.
import { describe, expect, it } from 'vitest';
import { parseNotebook, readOptions, serialiseNotebook } from '../../../src/lib/notebook/format';
import { cellsOf } from '../../../src/lib/notebook/model';
import { buildGraph } from '../../../src/lib/notebook/graph';
import { regressionSchema } from '../../../src/cells/regression/schema';
import { prepareSchema } from '../../../src/cells/prepare/schema';

const schemas = { regression: regressionSchema, prepare: prepareSchema };

describe('readOptions', () => {
  it('accepts a single column where a list belongs, and stores it as a list', () => {
    const read = readOptions('regression', 'input: data\ntarget: MEDV\nfeatures: RM\n', 0, schemas);
    expect(read.errors).toEqual([]);
    expect(read.options).toEqual({ input: 'data', target: 'MEDV', features: ['RM'] });
    expect(regressionSchema.parse(read.options).features).toEqual(['RM']);
  });

  it('accepts a single column in a nested list too (prepare missing.columns)', () => {
    const read = readOptions('prepare', 'input: data\nmissing: {strategy: mean, columns: bmi}\n', 0, schemas);
    expect(read.errors).toEqual([]);
    expect(read.options?.missing).toEqual({ strategy: 'mean', columns: ['bmi'] });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('names a %s key and its line, and keeps it out of the options', (key) => {
    const read = readOptions('regression', `input: data\ntarget: MEDV\n${key}: {polluted: true}\nfeatures: [RM]\n`, 0, schemas);
    expect(read.errors).toEqual([{ message: `'${key}' cannot be an option name; remove that line.`, line: 3 }]);
    expect(Object.keys(read.options!)).toEqual(['input', 'target', 'features']);
    expect(Object.getPrototypeOf(read.options)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a YAML alias bomb with a message, quickly', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const started = performance.now();
    const read = readOptions('regression', levels.join('\n'), 0, schemas);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(read.options).toBeUndefined();
    expect(read.errors[0].message).toMatch(/too many aliases/);
  });

  it('numbers schema problems by the lines of the text it was given, plus the first line', () => {
    const draft = 'input: data\ntarget: MEDV\nfeatures: [RM]\ndegree: 40\n';
    expect(readOptions('regression', draft, 0, schemas).errors.map((e) => e.line)).toEqual([4]);
    expect(readOptions('regression', draft, 10, schemas).errors.map((e) => e.line)).toEqual([14]);
  });

  it('records the line of every top-level option', () => {
    expect(readOptions('regression', 'input: data\n\ntarget: MEDV\nfeatures: [RM]\n', 5, schemas).lines).toEqual({ input: 6, target: 8, features: 9 });
  });
});

describe('a notebook file with bad options', () => {
  const file = '# A\n\n```{regression} fit\ninput: data\ntarget: MEDV\n__proto__: 1\nfeatures: RM\n```\n';

  it('reports the bad key on its file line, and never writes it back', () => {
    const [cell] = cellsOf(parseNotebook(file, schemas));
    expect(cell.errors).toEqual([{ message: "'__proto__' cannot be an option name; remove that line.", line: 6 }]);
    expect(cell.options).toEqual({ input: 'data', target: 'MEDV', features: ['RM'] });
    expect(cell.optionLines?.input).toBe(4);
    const text = serialiseNotebook(parseNotebook(file, schemas), schemas);
    expect(text).not.toContain('__proto__');
    expect(text).toContain('features: [RM]');
  });
});

describe('graph errors carry the line of the input that causes them', () => {
  it('a missing input', () => {
    const graph = buildGraph([{ id: 'fit', inputs: ['nope'], lines: { nope: 12 } }]);
    expect(graph.error('fit')?.message).toBe("Line 12: Input 'nope' does not name a cell in this notebook");
  });

  it('a cycle: each cell names its own input line', () => {
    const graph = buildGraph([
      { id: 'a', inputs: ['b'], lines: { b: 3 } },
      { id: 'b', inputs: ['a'], lines: { a: 9 } },
    ]);
    expect(graph.error('a')?.message).toBe('Line 3: Cells a → b → a depend on each other');
    expect(graph.error('b')?.message).toBe('Line 9: Cells a → b → a depend on each other');
  });

  it('no lines given: the message as before', () => {
    expect(buildGraph([{ id: 'fit', inputs: ['nope'] }]).error('fit')?.message).toBe("Input 'nope' does not name a cell in this notebook");
  });
});
