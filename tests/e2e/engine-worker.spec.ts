// The engine worker in the browser: large fits leave the page free to draw,
// give exactly what the same task gives in the page, stale runs are cancelled
// without leaving their result behind, and an error thrown in the worker is
// shown in the cell.
import { expect, test, type Page } from '@playwright/test';
import { readCsvText } from '../../src/lib/data/csv/read';
import { fitRegressionSpec } from '../../src/cells/regression/spec';
import { cell, freshStart, openYamlOptions, settled, uploadCsv } from './helpers';
import { tableValues } from './engine-reference';

async function openHarness(page: Page) {
  await page.goto('harness.html');
  await expect(page.locator('#status')).toHaveText('ready');
}

test('a large logistic fit runs in the worker: the page keeps drawing frames, and the result equals the in-page one', async ({ page }) => {
  await openHarness(page);
  const r = await page.evaluate(async () => {
    const fb = window.fitbook.engine;
    const table = fb.synthetic(300_000, 10, 7);
    const features = Array.from({ length: 10 }, (_, j) => `x${j + 1}`);
    const before = fb.stats();
    let frames = 0;
    let counting = true;
    const tick = () => {
      if (!counting) return;
      frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const out = (await fb.runCell('classifier', { input: 'data', target: 'label', features }, { data: { table } })) as {
      spec: unknown;
      fit: { iterations: number; model: { intercept: Float64Array; coefficients: Float64Array[] } };
    };
    counting = false;
    const after = fb.stats();
    const inPage = ((await fb.run('classifier.fit', { spec: out.spec }, { train: table }, 'inline')) as { fit: typeof out.fit }).fit;
    return {
      frames,
      sentToWorker: after.inWorker - before.inWorker,
      iterations: out.fit.iterations,
      worker: [...out.fit.model.intercept, ...out.fit.model.coefficients[0]],
      page: [...inPage.model.intercept, ...inPage.model.coefficients[0]],
    };
  });
  // Two tasks: the fit (classifier.fit) and the probabilities and metrics on its rows (classifier.describe).
  expect(r.sentToWorker).toBe(2);
  expect(r.iterations).toBeGreaterThan(1);
  // On the main thread a fit of this size shows one or two frames; in the worker the loop keeps going.
  expect(r.frames).toBeGreaterThanOrEqual(10);
  expect(r.worker).toEqual(r.page);
});

test('evaluating a large classifier: the curves are worker tasks, a threshold move asks for none, and the page gives the same figures', async ({ page }) => {
  await openHarness(page);
  const r = await page.evaluate(async () => {
    const fb = window.fitbook.engine;
    const table = fb.synthetic(300_000, 4, 9);
    const model = await fb.runCell('classifier', { input: 'data', target: 'label', features: ['x1', 'x2', 'x3', 'x4'] }, { data: { table } });
    type Judged = { metrics: { auc: number; logLoss: number; confusion: { matrix: number[][] } }; curves: { curves: { averagePrecision: number; roc: { fpr: number[] } } }[]; cost: { curve: { best: number; cost: number[] } } };
    const options = { input: 'model', missedCost: 5, falseAlarmCost: 1 };
    const sent = () => fb.stats().inWorker;
    const before = sent();
    const first = (await fb.runCell('evaluate', options, { model })) as Judged;
    const afterFirst = sent();
    const moved = (await fb.runCell('evaluate', { ...options, threshold: 0.3 }, { model })) as Judged;
    const afterMove = sent();
    // The same model with fresh scores objects, so nothing kept from the worker's answers is reused.
    const { scores } = model as { scores: Record<string, object> };
    const copy = { ...(model as object), scores: Object.fromEntries(Object.entries(scores).map(([part, s]) => [part, { ...s }])) };
    fb.tune({ where: 'inline' });
    const inlineBefore = fb.stats().inline;
    const inPage = (await fb.runCell('evaluate', options, { model: copy })) as Judged;
    const inlineTasks = fb.stats().inline - inlineBefore;
    fb.tune({ where: 'auto' });
    const figures = (e: Judged) => [e.metrics.auc, e.metrics.logLoss, e.curves[0].curves.averagePrecision, e.cost.curve.cost[e.cost.curve.best], e.metrics.confusion.matrix];
    return {
      firstTasks: afterFirst - before,
      moveTasks: afterMove - afterFirst,
      inlineTasks,
      drawn: first.curves[0].curves.roc.fpr.length,
      moved: moved.metrics.confusion.matrix,
      worker: figures(first),
      page: figures(inPage),
    };
  });
  // evaluate.rank and evaluate.cost; the threshold move reuses both.
  expect(r.firstTasks).toBe(2);
  expect(r.moveTasks).toBe(0);
  expect(r.inlineTasks).toBe(2);
  expect(r.moved).not.toEqual(r.worker[4]);
  expect(r.drawn).toBeLessThanOrEqual(2_002);
  expect(r.worker).toEqual(r.page);
});

test('a table is sent to the worker once: refits with other options reuse it', async ({ page }) => {
  await openHarness(page);
  const r = await page.evaluate(async () => {
    const fb = window.fitbook.engine;
    const table = fb.synthetic(250_000, 4, 3);
    const before = fb.stats();
    const coefficients: number[][] = [];
    for (const alpha of [0.1, 1, 10]) {
      const spec = { target: 'y', features: ['x1', 'x2', 'x3', 'x4'], degree: 1, intercept: true, penalty: 'l2', alpha };
      const { fit } = (await fb.run('regression.fit', { spec }, { train: table })) as { fit: { model: { coefficients: Float64Array } } };
      const inPage = ((await fb.run('regression.fit', { spec }, { train: table }, 'inline')) as { fit: typeof fit }).fit;
      coefficients.push([...fit.model.coefficients], [...inPage.model.coefficients]);
    }
    const after = fb.stats();
    return { sent: after.tablesSent - before.tablesSent, inWorker: after.inWorker - before.inWorker, coefficients };
  });
  expect(r.inWorker).toBe(3);
  expect(r.sent).toBe(1);
  for (let i = 0; i < r.coefficients.length; i += 2) expect(r.coefficients[i]).toEqual(r.coefficients[i + 1]);
});

test('cancelling a fit the worker is busy with: the call rejects at once, a fresh worker takes the next task', async ({ page }) => {
  await openHarness(page);
  const r = await page.evaluate(async () => {
    const fb = window.fitbook.engine;
    const table = fb.synthetic(300_000, 6, 5);
    const features = ['x1', 'x2', 'x3', 'x4', 'x5', 'x6'];
    const before = fb.stats();
    // First a short fit, so the worker holds the table and the long fit below starts computing at once.
    await fb.runCell('regression', { input: 'data', target: 'y', features }, { data: { table } });
    const controller = new AbortController();
    // Degree 8 on six features: a QR of 300,000 × 48, one long synchronous step in the worker.
    const long = fb.runCell('regression', { input: 'data', target: 'y', features, degree: 8 }, { data: { table } }, controller.signal);
    const outcome = long.then(
      () => 'finished',
      (error: Error) => error.name,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const abortedAt = performance.now();
    controller.abort();
    const first = await outcome;
    const rejectedAfter = performance.now() - abortedAt;
    const next = (await fb.runCell('regression', { input: 'data', target: 'y', features }, { data: { table } })) as { fit: { model: { coefficients: Float64Array } }; spec: unknown };
    const inPage = ((await fb.run('regression.fit', { spec: next.spec }, { train: table }, 'inline')) as { fit: typeof next.fit }).fit;
    const after = fb.stats();
    return {
      first,
      rejectedAfter,
      workersStarted: after.workersStarted - before.workersStarted,
      same: [...next.fit.model.coefficients].every((v, j) => v === inPage.model.coefficients[j]),
    };
  });
  expect(r.first).toBe('AbortError');
  // Rejected in the same turn as the abort, not when the worker got round to it (a loose bound for a loaded machine).
  expect(r.rejectedAfter).toBeLessThan(100);
  // The page's first worker, and the one that replaced it (busy in one synchronous step, it could not see the cancel request).
  expect(r.workersStarted).toBe(2);
  expect(r.same).toBe(true);
});

// 200,000 rows: x1…x3, x1x2 = x1 + x2 (collinear with them), y = 1 + 2·x1 − x2 + 0.5·x3² + noise.
function largeCsv(rows: number): string {
  let seed = 12345;
  const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const lines = ['x1,x2,x3,x1x2,y'];
  for (let i = 0; i < rows; i++) {
    const x1 = (rand() * 4 - 2).toFixed(4);
    const x2 = (rand() * 4 - 2).toFixed(4);
    const x3 = (rand() * 4 - 2).toFixed(4);
    const y = (1 + 2 * +x1 - +x2 + 0.5 * +x3 * +x3 + (rand() - 0.5)).toFixed(4);
    lines.push(`${x1},${x2},${x3},${(+x1 + +x2).toFixed(4)},${y}`);
  }
  return lines.join('\n') + '\n';
}

const NOTEBOOK = `---
title: Engine worker check
---
A large upload, fitted in the engine worker.

\`\`\`{dataset} data
\`\`\`

\`\`\`{regression} fit
input: data
target: y
features: [x1, x2, x3]
degree: {value: 1, min: 1, max: 10}
\`\`\`
`;

test('in the app: a stale fit is cancelled and leaves no result, and an error in the worker shows in the cell', async ({ page }) => {
  test.setTimeout(240_000);
  const csv = largeCsv(200_000);
  await freshStart(page);
  await page.getByLabel('Open notebook file').setInputFiles({ name: 'worker.md', mimeType: 'text/markdown', buffer: Buffer.from(NOTEBOOK) });
  await expect(page.getByRole('heading', { level: 1, name: 'Engine worker check' })).toBeVisible();
  await uploadCsv(cell(page, 'Dataset', 'data'), 'large.csv', csv);
  await expect(cell(page, 'Dataset', 'data').getByText('200000 rows × 5 columns')).toBeVisible({ timeout: 90_000 });
  await settled(page);
  const fit = cell(page, 'Regression', 'fit');
  await expect(fit.getByRole('table').filter({ has: page.locator('caption', { hasText: 'Coefficients' }) })).toBeVisible();
  // The fit ran in the engine worker (its script was loaded).
  expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => /engine\.worker/.test(e.name)))).toBe(true);

  // A long fit (degree 9) replaced at once by a short one (degree 2): only degree 2 is shown.
  const slider = fit.getByRole('slider', { name: 'Polynomial degree' });
  await slider.fill('9');
  await slider.fill('2');
  await settled(page);
  const table = readCsvText(Buffer.from(csv)).table;
  const expected = fitRegressionSpec({ target: 'y', features: ['x1', 'x2', 'x3'], degree: 2, intercept: true, penalty: 'none', alpha: 0 }, table);
  const shown = await tableValues(fit, 'Coefficients');
  expect(Object.keys(shown)).toEqual(['Intercept', ...expected.model.terms.map((t) => t.name)]);
  const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(b)));
  close(shown.Intercept[0], expected.model.intercept);
  expected.model.terms.forEach((t, j) => close(shown[t.name][0], expected.model.coefficients[j]));
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Collinear features: the worker's QR refuses them, and the cell says why.
  await (await openYamlOptions(fit, 'fit')).fill('input: data\ntarget: y\nfeatures: [x1, x2, x1x2]\n');
  await fit.getByRole('button', { name: 'Apply options' }).click();
  await expect(fit.getByRole('alert')).toContainText(/collinear/i);
});
