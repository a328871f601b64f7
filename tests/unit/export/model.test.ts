// "Download model (JSON)" and loading it back. Each case runs a chain of
// cells in Node (dataset → prepare with imputation, indicators, one-hot and
// scaling → split → model), exports the model file, reads it back and
// predicts from the RAW rows:
//   - on the split's test rows, the predictions equal the cell's own to 1e-12;
//   - on new rows with the same raw columns, they equal scikit-learn's: the
//     Show Python code, run on the training rows plus the new rows (the
//     preparation learned on the training rows only), predicts the new rows
//     with scikit-learn (skipped, with the reason printed, without Python).
// Damaged files are refused with a message.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvText } from '../../../src/lib/data/csv/read';
import { takeRows, type Table } from '../../../src/lib/data/table';
import { createRng } from '../../../src/lib/data/random';
import { runPrepare } from '../../../src/cells/prepare/run';
import { prepareSchema } from '../../../src/cells/prepare/schema';
import { runSplit, type SplitCellOutput } from '../../../src/cells/split/run';
import { splitSchema } from '../../../src/cells/split/schema';
import { runRegression, runRegressionCell, type RegressionOutput } from '../../../src/cells/regression/run';
import { regressionSchema } from '../../../src/cells/regression/schema';
import { runClassifier, runClassifierCell, type ClassifierOutput } from '../../../src/cells/classifier/run';
import { classifierSchema } from '../../../src/cells/classifier/schema';
import { modelFileOf } from '../../../src/cells/shared/model-file-recipe';
import { pythonRecipe, type CellLookup } from '../../../src/cells/shared/python-recipe';
import { isLoadedModelOutput } from '../../../src/cells/shared/loaded-model';
import { loadedPredictionRows } from '../../../src/cells/shared/predictions-export';
import { modelFileText } from '../../../src/lib/export/model/build';
import { parseModelFile, type ModelFile } from '../../../src/lib/export/model/format';
import { predictTable } from '../../../src/lib/export/model/predict';
import { tfjsModelFiles, WEIGHTS_FILE } from '../../../src/lib/export/model/tfjs';
import * as tf from '@tensorflow/tfjs';
import { pythonCode } from '../../../src/lib/export/python';
import { noPythonReason, python, runPythonScript } from '../../python-reference';
import { runContext } from '../cells/context';

if (!python) console.log(`Skipping the scikit-learn check of loaded models: ${noPythonReason}.`);

const HEADER = 'id,size,rooms,city,price,band,dear';

/** Seeded rows with gaps in size, rooms and city; a numeric target, a three-class and a yes/no label. */
function homeRows(seed: number, count: number, firstId = 1): string[] {
  const rng = createRng(seed);
  const cities = ['Lyon', 'Paris', 'Nice'];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const size = 30 + 90 * rng.next();
    const rooms = 1 + Math.floor(5 * rng.next());
    const city = cities[Math.floor(3 * rng.next())];
    const price = 50 + 3 * size + 10 * rooms + (city === 'Paris' ? 80 : city === 'Nice' ? 40 : 0) + 60 * (rng.next() - 0.5);
    const band = price < 250 ? 'cheap' : price < 330 ? 'mid' : 'dear';
    const gap = (p: number, v: string) => (rng.next() < p ? '' : v);
    lines.push(`${firstId + i},${gap(0.1, size.toFixed(2))},${gap(0.08, String(rooms))},${gap(0.06, city)},${price.toFixed(2)},${band},${price > 300 ? 'yes' : 'no'}`);
  }
  return lines;
}

const TRAINING = [HEADER, ...homeRows(7, 160)].join('\n') + '\n';
const NEW_ROWS = homeRows(99, 40, 1001);
const readTable = (text: string): Table => readCsvText(text).table;

type Options = Record<string, unknown>;
interface Case {
  name: string;
  kind: 'regression' | 'classifier';
  prepare: Options;
  model: Options;
}

const FEATURES = ['size', 'rooms', 'size_missing', 'rooms_missing', 'city_Lyon', 'city_Nice', 'city_Paris'];
const cases: Case[] = [
  {
    name: 'linear regression, outliers clipped',
    kind: 'regression',
    prepare: { label: 'price', missing: { strategy: 'median', indicator: true }, outliers: { method: 'zscore', threshold: 1.5, action: 'clip', columns: ['size'] }, encode: ['city'], scale: { method: 'standard', columns: ['size', 'rooms'] } },
    model: { target: 'price', features: FEATURES, intercept: false },
  },
  {
    name: 'ridge regression, degree 2',
    kind: 'regression',
    prepare: { label: 'price', missing: { strategy: 'mean', indicator: true }, encode: { columns: ['city'], dropFirst: true }, scale: 'standard' },
    model: { target: 'price', features: ['size', 'rooms', 'size_missing', 'city_Nice', 'city_Paris'], degree: 2, penalty: 'l2', alpha: 0.05 },
  },
  {
    name: 'binary logistic regression',
    kind: 'classifier',
    prepare: { label: 'dear', missing: { strategy: 'median', indicator: true }, encode: ['city'], scale: { method: 'minmax', columns: ['size', 'rooms'] } },
    model: { target: 'dear', features: ['size', 'rooms', 'size_missing', 'city_Nice', 'city_Paris'], penalty: 'l2', alpha: 0.01, threshold: 0.4 },
  },
  {
    name: 'multinomial logistic regression',
    kind: 'classifier',
    prepare: { label: 'band', missing: { strategy: 'median', indicator: true }, encode: ['city'], scale: { method: 'standard', columns: ['size', 'rooms'] } },
    model: { target: 'band', features: FEATURES, penalty: 'l2', alpha: 0.01 },
  },
];

/** The cells of a chain, run as the notebook runs them, by id. */
function runChain(c: Case, csv = TRAINING) {
  const table = readTable(csv);
  const cells = new Map<string, CellLookup>();
  cells.set('data', { kind: 'dataset', options: { delimiter: 'auto', keepBadRows: false }, output: { table, name: 'homes.csv', delimiter: ',', warnings: [], summaries: [] } });
  const prepOptions = prepareSchema.parse({ input: 'data', ...c.prepare });
  cells.set('prep', { kind: 'prepare', options: prepOptions, output: runPrepare(runContext(prepOptions, { data: cells.get('data')!.output })) });
  const splitOptions = splitSchema.parse({ input: 'prep', test: 0.25, seed: 5 });
  const split = runSplit(runContext(splitOptions, { prep: cells.get('prep')!.output })) as SplitCellOutput;
  cells.set('split', { kind: 'split', options: splitOptions, output: split });
  const schema = c.kind === 'regression' ? regressionSchema : classifierSchema;
  const options = schema.parse({ input: 'split', ...c.model });
  const ctx = runContext(options, { split });
  const output = (c.kind === 'regression' ? runRegression(ctx as never) : runClassifier(ctx as never)) as RegressionOutput | ClassifierOutput;
  cells.set('model', { kind: c.kind, options, output });
  return { table, split, output, cells, lookup: (id: string) => cells.get(id) };
}

function exported(c: Case): { file: ModelFile; chain: ReturnType<typeof runChain> } {
  const chain = runChain(c);
  const found = modelFileOf('homes', 'model', chain.lookup);
  if ('problem' in found) throw new Error(found.problem);
  const back = parseModelFile(modelFileText(found.file));
  if ('problem' in back) throw new Error(back.problem);
  return { file: back.model, chain };
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i] - expected[i])).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected[i])));
  }
}

describe('a model file predicts from raw columns as the cell does', () => {
  for (const c of cases) {
    it(c.name, () => {
      const { file, chain } = exported(c);
      // Only what the features need: the raw columns and no step for id or price.
      expect(file.inputs.map((i) => i.name).sort()).toEqual(['city', 'rooms', 'size']);
      const rawTest = takeRows(chain.table, chain.split.rows.test);
      const ours = predictTable(file, rawTest);
      expect(Array.from(ours.rows)).toEqual(Array.from({ length: rawTest.rowCount }, (_, i) => i));
      const out = chain.output;
      if (out.task === 'regression') {
        expectClose(ours.predicted as Float64Array, out.predictions.test!.predicted, 1e-12);
        expectClose(ours.actual as Float64Array, out.predictions.test!.actual, 0);
      } else {
        const cell = out.scores.test!.byClass;
        ours.proba!.forEach((p, i) => expectClose(p, Float64Array.from(cell, (column) => column[i]), 1e-12));
        expect(ours.predicted).toEqual(out.predictions.test);
        expect(ours.actual).toEqual(out.scores.test!.actual);
      }
    });
  }

  it('a loaded-model cell predicts, measures and exports the same rows', async () => {
    const c = cases[3];
    const { file, chain } = exported(c);
    const rawTest = takeRows(chain.table, chain.split.rows.test);
    const options = classifierSchema.parse({ input: 'data', ...c.model, loadedModel: 'homes-model.json' });
    const upload = { name: 'homes-model.json', blob: new Blob([modelFileText(file)]) };
    const output = await runClassifierCell(runContext(options, { data: { table: rawTest } }, { upload }) as never);
    if (!isLoadedModelOutput(output)) throw new Error('expected a loaded model');
    const cell = chain.output as ClassifierOutput;
    expect(output.parts[0].metrics).toEqual(cell.metrics.test);
    const { header, rows } = loadedPredictionRows(output);
    expect(header).toEqual(['part', 'row_index', ...c.model.features as string[], 'actual', 'predicted', 'probability_cheap', 'probability_dear', 'probability_mid']);
    expect(rows.map((r) => r[r.length - 4])).toEqual(cell.predictions.test);
  });

  it('rows with a gap the preparation does not fill get no prediction, and are counted, as the cell with missing: drop leaves them out', () => {
    const c: Case = {
      name: 'no imputation',
      kind: 'regression',
      prepare: { label: 'price', encode: ['city'] },
      model: { target: 'price', features: ['size', 'rooms', 'city_Nice', 'city_Paris'], missing: 'drop' },
    };
    const { file, chain } = exported(c);
    const rawTest = takeRows(chain.table, chain.split.rows.test);
    const ours = predictTable(file, rawTest);
    const out = chain.output as RegressionOutput;
    expectClose(ours.predicted as Float64Array, out.predictions.test!.predicted, 0);
    // Counted from the raw rows: a gap in size or rooms (a missing city encodes as zeros).
    const lines = TRAINING.trim().split('\n').slice(1).map((l) => l.split(','));
    const test = Array.from(chain.split.rows.test, (r) => lines[r]);
    expect(ours.withGaps).toBe(test.filter((f) => f[1] === '' || f[2] === '').length);
    expect(ours.gaps).toEqual({ size: test.filter((f) => f[1] === '').length, rooms: test.filter((f) => f[2] === '').length });
    expect(ours.withGaps).toBeGreaterThan(0);
    expect(ours.dropped).toBe(0);
    expect(Array.from(ours.rows)).toEqual(test.flatMap((f, i) => (f[1] === '' || f[2] === '' ? [] : [i])));
  });

  it('a loaded-model cell without its file asks for it, and names the columns a new table lacks', async () => {
    const { file } = exported(cases[0]);
    const options = regressionSchema.parse({ input: 'data', ...cases[0].model, loadedModel: 'm.json' });
    const waiting = await runRegressionCell(runContext(options, { data: { table: readTable(TRAINING) } }) as never);
    expect((waiting as { waiting: string }).waiting).toMatch(/Load the file again/);
    const upload = { name: 'm.json', blob: new Blob([modelFileText(file)]) };
    const lacking = readTable('id,size,price\n1,50,200\n2,60,230\n');
    await expect(runRegressionCell(runContext(options, { data: { table: lacking } }, { upload }) as never)).rejects.toThrow(
      /lacks the columns the loaded model reads: 'rooms', 'city'/,
    );
    const classifier = classifierSchema.parse({ input: 'data', ...cases[2].model, loadedModel: 'm.json' });
    await expect(runClassifierCell(runContext(classifier, { data: { table: lacking } }, { upload }) as never)).rejects.toThrow(/holds a regression model; load it into a regression cell/);
  });
});

describe('the TensorFlow.js format holds the same model', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const { file, chain } = exported(c);
      const { json, weights } = await tfjsModelFiles(file);
      const modelJson = JSON.parse(json) as tf.io.ModelJSON;
      expect(modelJson.weightsManifest[0].paths).toEqual([WEIGHTS_FILE]);
      const model = await tf.loadLayersModel(
        tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs: modelJson.weightsManifest[0].weights, weightData: weights }),
      );
      // The layer reads the model's terms (powers included), prepared.
      const ours = predictTable(file, takeRows(chain.table, chain.split.rows.test));
      const inputs = (modelJson.userDefinedMetadata as { fitbook: { inputs: string[] } }).fitbook.inputs;
      const column = (name: string) => {
        const [feature, power] = name.split('^');
        const values = ours.prepared.columns.find((col) => col.name === feature)!.values as Float64Array;
        return Array.from(values, (v) => v ** Number(power ?? 1));
      };
      const columns = inputs.map(column);
      const x = tf.tensor2d(Array.from({ length: ours.rows.length }, (_, i) => columns.map((col) => col[i])));
      const y = (await (model.predict(x) as tf.Tensor).array()) as number[][];
      x.dispose();
      model.dispose();
      // float32 weights: agreement to float32 precision. A sigmoid layer gives P(second class).
      y.forEach((row, i) => {
        const expected = file.task === 'regression' ? [(ours.predicted as Float64Array)[i]] : row.length === 1 ? [ours.proba![i][1]] : Array.from(ours.proba![i]);
        expectClose(row, expected, 1e-4);
      });
    });
  }
});

describe('damaged model files are refused with a message', () => {
  const good = () => JSON.parse(modelFileText(exported(cases[3]).file)) as Record<string, unknown> & { model: Record<string, unknown> };
  const problem = (text: string) => {
    const found = parseModelFile(text, 'model.json');
    return 'problem' in found ? found.problem : undefined;
  };

  it('reads an intact file', () => expect(problem(JSON.stringify(good()))).toBeUndefined());
  it('not JSON', () => expect(problem('{"format": "fitbook-model", "vers')).toMatch(/not valid JSON/));
  it('another kind of JSON', () => expect(problem('{"modelTopology": {}}')).toMatch(/not a fitbook model file/));
  it('a later version', () => expect(problem(JSON.stringify({ ...good(), version: 2 }))).toMatch(/version 2; this fitbook reads version 1/));
  it('a field missing', () => {
    const file = good();
    delete file.features;
    expect(problem(JSON.stringify(file))).toMatch(/damaged: features/);
  });
  it('a coefficient that is not a number', () => {
    const file = good();
    (file.model.coefficients as unknown[][])[1][2] = 'x';
    expect(problem(JSON.stringify(file))).toMatch(/damaged: model\.coefficients\.1\.2/);
  });
  it('a row of coefficients cut short', () => {
    const file = good();
    (file.model.coefficients as unknown[][])[0].pop();
    expect(problem(JSON.stringify(file))).toMatch(/every row of coefficients needs 7 values/);
  });
  it('a feature nothing makes', () => {
    const file = good();
    (file.features as string[])[0] = 'garden';
    expect(problem(JSON.stringify(file))).toMatch(/garden are neither raw inputs nor made by a preparation step/);
  });
});

const DUMP = `
import json
X_new = design(parts["test"])
out = {"predicted": model.predict(X_new).tolist()}
if hasattr(model, "predict_proba"):
    out["proba"] = model.predict_proba(X_new).tolist()
print("FITBOOK_JSON" + json.dumps(out))
`;

describe.skipIf(!python)('on new rows, a loaded model predicts what scikit-learn predicts', () => {
  for (const c of cases) {
    it(c.name, () => {
      const { file, chain } = exported(c);
      const ours = predictTable(file, readTable([HEADER, ...NEW_ROWS].join('\n') + '\n'));
      expect(ours.rows).toHaveLength(NEW_ROWS.length);

      // scikit-learn: the training file with the new rows after it; the split
      // trains on the cell's training rows and "tests" on the new ones.
      const combined = TRAINING + NEW_ROWS.join('\n') + '\n';
      const first = chain.table.rowCount;
      const cells = new Map(chain.cells);
      const data = cells.get('data')!;
      cells.set('data', { ...data, output: { ...(data.output as object), table: readTable(combined), name: 'combined.csv' } });
      const split = cells.get('split')!;
      const rows = { train: chain.split.rows.train, test: Int32Array.from(NEW_ROWS, (_, i) => first + i) };
      cells.set('split', { ...split, output: { ...(split.output as object), rows } });
      const found = pythonRecipe('homes', 'model', (id) => cells.get(id));
      if ('problem' in found) throw new Error(found.problem);
      const dir = mkdtempSync(join(tmpdir(), 'fitbook-model-'));
      writeFileSync(join(dir, 'combined.csv'), combined);
      writeFileSync(join(dir, 'predict.py'), pythonCode(found.recipe) + DUMP);
      const line = runPythonScript('predict.py', dir).split('\n').find((l) => l.startsWith('FITBOOK_JSON'))!;
      const theirs = JSON.parse(line.slice('FITBOOK_JSON'.length)) as { predicted: (number | string)[]; proba?: number[][] };
      // The two fits agree to about 1e-8 (see python.test.ts); predictions to 1e-6.
      if (file.task === 'regression') expectClose(ours.predicted as Float64Array, theirs.predicted as number[], 1e-6);
      else ours.proba!.forEach((p, i) => expectClose(p, theirs.proba![i], 1e-6));
    }, 180_000);
  }
});
