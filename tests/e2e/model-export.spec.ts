// Model export in the browser: a classifier's model file (JSON) loaded into
// another classifier cell predicts the same numbers from raw columns; a
// damaged file and a table lacking a column get messages; a gradient-descent
// cell's TensorFlow.js files load with tf.loadLayersModel and predict what
// the cell predicts.
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import * as tf from '@tensorflow/tfjs';
import { cell, freshStart, openNotebook, settled, uploadCsv } from './helpers';

const fence = (kind: string, id: string, body: string) => '```{' + kind + '} ' + id + '\n' + body + '\n```\n';
const FEATURES = '[size, rooms, size_missing, city_Lyon, city_Nice, city_Paris]';
const NOTEBOOK = [
  '---\ntitle: Model export\n---\nA model trained on prepared data, and the same model loaded into another cell.\n',
  fence('dataset', 'homes', 'delimiter: auto'),
  fence('prepare', 'clean', 'input: homes\nlabel: band\nmissing: {strategy: median, indicator: true}\nencode: [city]\nscale: {method: standard, columns: [size, rooms]}'),
  fence('split', 'holdout', 'input: clean\ntest: 0.25\nseed: 5'),
  fence('classifier', 'fit', `input: holdout\ntarget: band\nfeatures: ${FEATURES}\npenalty: l2\nalpha: 0.01`),
  fence('dataset', 'fresh', 'delimiter: auto'),
  fence('classifier', 'reuse', 'input: fresh\ntarget: band\nfeatures: [size]\nmissing: drop'),
].join('\n');

/** Rows with gaps in size, rooms and city, and a three-class label (a fixed recipe, no randomness). */
function homesCsv(): string {
  const cities = ['Lyon', 'Paris', 'Nice'];
  const lines = ['id,size,rooms,city,price,band'];
  for (let i = 0; i < 120; i++) {
    const size = 30 + ((i * 37) % 90) + (i % 7) / 10;
    const rooms = 1 + ((i * 11) % 5);
    const city = cities[(i * 5) % 3];
    const price = 50 + 3 * size + 10 * rooms + (city === 'Paris' ? 80 : city === 'Nice' ? 40 : 0) + (((i * 13) % 61) - 30);
    const band = price < 250 ? 'cheap' : price < 330 ? 'mid' : 'dear';
    lines.push(`${i + 1},${i % 9 === 4 ? '' : size.toFixed(1)},${i % 11 === 6 ? '' : rooms},${i % 13 === 2 ? '' : city},${price.toFixed(1)},${band}`);
  }
  return lines.join('\n') + '\n';
}

async function download(page: Page, button: Locator): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return file;
}

/** A predictions CSV as rows of { header: text }. */
async function csvRows(file: Download): Promise<Record<string, string>[]> {
  const [header, ...lines] = readFileSync(await file.path(), 'utf8').trimEnd().split('\r\n').map((l) => l.split(','));
  return lines.map((values) => Object.fromEntries(header.map((h, i) => [h, values[i]])));
}

async function openOwnNotebook(page: Page, text: string): Promise<void> {
  await freshStart(page);
  await page.getByLabel('Open notebook file').setInputFiles({ name: 'model-export.md', mimeType: 'text/markdown', buffer: Buffer.from(text) });
  await expect(page.getByRole('heading', { level: 1, name: 'Model export' })).toBeVisible();
}

test('a model file loaded into another cell predicts the same numbers from raw columns', async ({ page }) => {
  await openOwnNotebook(page, NOTEBOOK);
  const csv = homesCsv();
  await uploadCsv(cell(page, 'Dataset', 'homes'), 'homes.csv', csv);
  const fit = cell(page, 'Classifier', 'fit');
  await expect(fit.locator('caption', { hasText: 'Metrics' })).toBeVisible({ timeout: 60_000 });
  await settled(page);
  const original = await csvRows(await download(page, fit.getByRole('button', { name: 'Download predictions' })));
  const modelFile = await download(page, fit.getByRole('button', { name: 'Download model (JSON)' }));
  expect(modelFile.suggestedFilename()).toBe('model-export-fit-model.json');
  const json = readFileSync(await modelFile.path(), 'utf8');
  expect(JSON.parse(json)).toMatchObject({ format: 'fitbook-model', version: 1, task: 'classification', target: 'band' });
  // Exact fits offer no TensorFlow.js format.
  await expect(fit.getByRole('button', { name: 'Download TensorFlow.js model' })).toHaveCount(0);

  // The same raw file in another dataset cell; the other classifier loads the model.
  const reuse = cell(page, 'Classifier', 'reuse');
  await uploadCsv(cell(page, 'Dataset', 'fresh'), 'new-homes.csv', csv);
  await reuse.getByLabel('Load model (JSON)').setInputFiles({ name: 'homes-model.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await expect(reuse.locator('caption', { hasText: 'Coefficients (loaded)' })).toBeVisible({ timeout: 60_000 });
  await expect(reuse).toContainText('Predicting with the loaded model homes-model.json');
  await expect(reuse.getByRole('button', { name: 'Fit', exact: true })).toHaveCount(0);
  await settled(page);
  const loaded = await csvRows(await download(page, reuse.getByRole('button', { name: 'Download predictions' })));
  expect(loaded).toHaveLength(120);
  const byRow = new Map(loaded.map((r) => [r.row_index, r]));
  // Every row the fitted cell judged (train and test), by its row number in the file.
  expect(original).toHaveLength(120);
  for (const row of original) {
    const again = byRow.get(row.row_index)!;
    expect(again.predicted).toBe(row.predicted);
    expect(again.actual).toBe(row.actual);
    for (const c of ['cheap', 'dear', 'mid']) {
      expect(Math.abs(Number(again[`probability_${c}`]) - Number(row[`probability_${c}`]))).toBeLessThanOrEqual(1e-12);
    }
  }

  // The file is kept with the notebook's uploads: after a reload the cell still predicts with it.
  await page.reload();
  await expect(reuse.locator('caption', { hasText: 'Coefficients (loaded)' })).toBeVisible({ timeout: 60_000 });
  await expect(reuse).toContainText('Predicting with the loaded model homes-model.json');

  // A damaged file is refused; the cell keeps the model it had.
  const damaged = json.replace('"coefficients": [', '"coefficients": [["x"], ');
  await reuse.getByLabel('Load model (JSON)').setInputFiles({ name: 'damaged.json', mimeType: 'application/json', buffer: Buffer.from(damaged) });
  await expect(reuse.getByRole('alert').filter({ hasText: "'damaged.json' is damaged" })).toBeVisible();
  await expect(reuse).toContainText('Predicting with the loaded model homes-model.json');

  // A table without a column the model reads: the message names it.
  const noCity = csv.split('\n').map((line) => line.split(',').filter((_, i) => i !== 3).join(',')).join('\n');
  await uploadCsv(cell(page, 'Dataset', 'fresh'), 'no-city.csv', noCity);
  await expect(reuse.getByRole('alert').filter({ hasText: 'lacks' })).toContainText("lacks the column the loaded model reads: 'city'.");

  // Back to fitting: the cell's own controls return.
  await reuse.getByRole('button', { name: 'Fit in this cell instead' }).click();
  await expect(reuse.getByRole('button', { name: 'Show Python' })).toBeVisible();
  // One undoable change each way: Undo brings the loaded model back (its file is still kept).
  await page.getByRole('toolbar', { name: 'Notebook' }).getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(reuse.getByRole('button', { name: 'Fit in this cell instead' })).toBeVisible();
  await expect(reuse.getByRole('alert').filter({ hasText: 'lacks' })).toContainText("'city'");
});

test('a gradient-descent cell downloads model.json and weights.bin that tf.loadLayersModel reads and that predict as the cell', async ({ page }) => {
  await freshStart(page);
  await openNotebook(page, 'Linear regression');
  const descent = cell(page, 'Regression', 'descent');
  await expect(descent.locator('caption', { hasText: 'Metrics' })).toBeVisible({ timeout: 90_000 });
  await settled(page);
  const predictions = await csvRows(await download(page, descent.getByRole('button', { name: 'Download predictions' })));

  const files: Download[] = [];
  page.on('download', (d) => files.push(d));
  await descent.getByRole('button', { name: 'Download TensorFlow.js model' }).click();
  await expect.poll(() => files.length).toBe(2);
  expect(files.map((f) => f.suggestedFilename()).sort()).toEqual(['model.json', 'weights.bin']);
  const modelJson = JSON.parse(readFileSync(await files.find((f) => f.suggestedFilename() === 'model.json')!.path(), 'utf8')) as tf.io.ModelJSON;
  const weights = readFileSync(await files.find((f) => f.suggestedFilename() === 'weights.bin')!.path());
  expect(modelJson.weightsManifest[0].paths).toEqual(['weights.bin']);
  expect((modelJson.userDefinedMetadata as { fitbook: { inputs: string[] } }).fitbook.inputs).toEqual(['RM']);

  // tf.loadLayersModel on the two files, as a reader's own TensorFlow.js code would.
  await tf.setBackend('cpu');
  const model = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest[0].weights,
      weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
    }),
  );
  const x = tf.tensor2d(predictions.map((r) => [Number(r.RM)]));
  const y = (await (model.predict(x) as tf.Tensor).data()) as Float32Array;
  predictions.forEach((row, i) => {
    const expected = Number(row.predicted);
    // float32 weights: agreement to float32 precision.
    expect(Math.abs(y[i] - expected)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(expected)));
  });
  x.dispose();
  model.dispose();
});
