// "Show Python" checked against scikit-learn itself: each case runs a chain
// of cells in Node (dataset → prepare → split → model), generates the code a
// reader would copy, runs it with Debian's python3-sklearn, and compares the
// coefficients it prints with fitbook's to 1e-6. Skipped, with the reason
// printed, where no Python with scikit-learn and pandas is found.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvText } from '../../../src/lib/data/csv/read';
import { pythonCode } from '../../../src/lib/export/python';
import { pythonRecipe, type CellLookup } from '../../../src/cells/shared/python-recipe';
import { runPrepare } from '../../../src/cells/prepare/run';
import { prepareSchema } from '../../../src/cells/prepare/schema';
import { runSplit, type SplitCellOutput } from '../../../src/cells/split/run';
import { splitSchema } from '../../../src/cells/split/schema';
import { regressionSchema } from '../../../src/cells/regression/schema';
import { classifierSchema } from '../../../src/cells/classifier/schema';
import { fitRegressionSpec } from '../../../src/cells/regression/spec';
import { fitClassifierSpec } from '../../../src/cells/classifier/spec';
import { valueOf, type Tunable } from '../../../src/lib/notebook/controls';
import type { RunContext } from '../../../src/cells/types';
import { createRng } from '../../../src/lib/data/random';
import { noPythonReason, python, runPythonScript } from '../../python-reference';

if (!python) console.log(`Skipping the generated-Python tests: ${noPythonReason}.`);

type Options = Record<string, unknown>;
interface Case {
  name: string;
  file: string;
  /** The CSV's text when the test makes the file. */
  text?: string;
  prepare?: Options;
  split?: Options;
  model: { kind: 'regression' | 'classifier'; options: Options };
}

const context = (options: unknown, inputs: Record<string, unknown>) => ({ options, inputs }) as unknown as RunContext<never>;

/** Runs the chain as the cells do, and returns fitbook's coefficients by term name. */
function runChain(c: Case, csv: string) {
  const { table, meta } = readCsvText(readFileSync(csv));
  const cells = new Map<string, CellLookup>();
  cells.set('data', {
    kind: 'dataset',
    options: { delimiter: 'auto', keepBadRows: false },
    output: { table, name: c.file, delimiter: meta.delimiter, warnings: meta.warnings, summaries: [], preview: undefined },
  });
  let input = 'data';
  if (c.prepare) {
    const options = prepareSchema.parse({ input, ...c.prepare });
    cells.set('prep', { kind: 'prepare', options, output: runPrepare(context(options, { data: cells.get('data')!.output })) });
    input = 'prep';
  }
  let train = input === 'prep' ? (cells.get('prep')!.output as { table: never }).table : table;
  if (c.split) {
    const options = splitSchema.parse({ input, ...c.split });
    const output = runSplit(context(options, { [input]: cells.get(input)!.output })) as SplitCellOutput;
    cells.set('split', { kind: 'split', options, output });
    input = 'split';
    train = output.train as never;
  }
  const schema = c.model.kind === 'regression' ? regressionSchema : classifierSchema;
  const options = schema.parse({ input, ...c.model.options });
  cells.set('model', { kind: c.model.kind, options, output: undefined });
  const o = options as Options;
  const alpha = valueOf(o.alpha as Tunable);
  let intercept: number[];
  let rows: number[][];
  let names: string[];
  if (c.model.kind === 'regression') {
    const fit = fitRegressionSpec({ ...(o as object), degree: valueOf(o.degree as Tunable), alpha } as never, train);
    intercept = [fit.model.intercept];
    rows = [Array.from(fit.model.coefficients)];
    names = fit.model.terms.map((t) => t.name);
  } else {
    const fit = fitClassifierSpec({ ...(o as object), alpha } as never, train);
    intercept = Array.from(fit.model.intercept);
    rows = fit.model.coefficients.map((r) => Array.from(r));
    names = fit.model.featureNames;
  }
  const found = pythonRecipe('test notebook', 'model', (id) => cells.get(id));
  if ('problem' in found) throw new Error(found.problem);
  return { code: pythonCode(found.recipe), intercept, rows, names };
}

const DUMP = `
import json
print("FITBOOK_JSON" + json.dumps({"intercept": np.atleast_1d(model.intercept_).tolist(),
    "coef": np.atleast_2d(model.coef_).tolist(), "columns": list(X_train.columns)}))
`;

function runPython(code: string, dir: string) {
  writeFileSync(join(dir, 'fit.py'), code + DUMP);
  const stdout = runPythonScript('fit.py', dir);
  const line = stdout.split('\n').find((l) => l.startsWith('FITBOOK_JSON'))!;
  return { ...(JSON.parse(line.slice('FITBOOK_JSON'.length)) as { intercept: number[]; coef: number[][]; columns: string[] }), stdout };
}

function expectClose(actual: number, expected: number, tolerance = 1e-6) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

/** A small seeded table with gaps, a text category with an unseen-in-test level risk, and a numeric target. */
function gappyCsv(): string {
  const rng = createRng(7);
  const lines = ['id,size,rooms,city,price'];
  const cities = ['Lyon', 'Paris', 'Nice'];
  for (let i = 0; i < 120; i++) {
    const size = 30 + 90 * rng.next();
    const rooms = 1 + Math.floor(5 * rng.next());
    const city = cities[Math.floor(3 * rng.next())];
    const price = 50 + 3 * size + 10 * rooms + (city === 'Paris' ? 80 : city === 'Nice' ? 40 : 0) + 20 * (rng.next() - 0.5);
    const gap = (p: number, v: string) => (rng.next() < p ? '' : v);
    lines.push(`${i + 1},${gap(0.1, size.toFixed(2))},${gap(0.08, String(rooms))},${gap(0.05, city)},${price.toFixed(2)}`);
  }
  return lines.join('\n') + '\n';
}

const cases: Case[] = [
  {
    name: 'linear regression on Boston, held-out quarter',
    file: 'boston-housing.csv',
    split: { test: 0.25, seed: 3 },
    model: { kind: 'regression', options: { target: 'MEDV', features: ['RM', 'LSTAT', 'PTRATIO', 'CRIM'] } },
  },
  {
    name: 'ridge with degree 2, standardised by a prepare cell',
    file: 'diabetes.csv',
    prepare: { scale: 'standard', label: 'progression' },
    split: { test: 0.2, seed: 42 },
    model: { kind: 'regression', options: { target: 'progression', features: ['bmi', 'bp', 's5'], degree: 2, penalty: 'l2', alpha: 0.05 } },
  },
  {
    name: 'imputation with indicators and one-hot, then a linear fit',
    file: 'homes.csv',
    text: gappyCsv(),
    prepare: { label: 'price', missing: { strategy: 'median', indicator: true }, encode: ['city'] },
    split: { test: 0.25, seed: 5 },
    model: {
      kind: 'regression',
      options: { target: 'price', features: ['size', 'rooms', 'size_missing', 'rooms_missing', 'city_Lyon', 'city_Nice', 'city_Paris'], intercept: false },
    },
  },
  {
    name: 'binary logistic regression with an L2 penalty, stratified split',
    file: 'breast-cancer.csv',
    split: { test: 0.25, seed: 42, stratify: 'diagnosis' },
    model: { kind: 'classifier', options: { target: 'diagnosis', features: ['mean_radius', 'mean_texture'], penalty: 'l2', alpha: 0.01 } },
  },
  {
    name: 'multinomial logistic regression on iris',
    file: 'iris.csv',
    split: { test: 0.2, seed: 42, stratify: 'species' },
    model: { kind: 'classifier', options: { target: 'species', features: ['sepal_length', 'sepal_width', 'petal_length'], penalty: 'l2', alpha: 0.01 } },
  },
];

describe.skipIf(!python)('Show Python reproduces the cell with scikit-learn', () => {
  for (const c of cases) {
    it(c.name, () => {
      const dir = mkdtempSync(join(tmpdir(), 'fitbook-python-'));
      const csv = join(dir, c.file);
      if (c.text) writeFileSync(csv, c.text);
      else copyFileSync(join('datasets', c.file), csv);
      const ours = runChain(c, csv);
      const theirs = runPython(ours.code, dir);
      expect(theirs.columns.slice().sort()).toEqual(ours.names.slice().sort());
      expect(theirs.coef).toHaveLength(ours.rows.length);
      ours.intercept.forEach((b, k) => expectClose(theirs.intercept[k], b));
      ours.rows.forEach((row, k) =>
        ours.names.forEach((name, j) => expectClose(theirs.coef[k][theirs.columns.indexOf(name)], row[j])),
      );
      // The metrics lines are printed for every part.
      expect(theirs.stdout).toMatch(c.split ? /test: / : /train: /);
    }, 180_000);
  }
});
