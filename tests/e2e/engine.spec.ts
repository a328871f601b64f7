// The engine in a real browser: gradient descent on WebGL (SwiftShader in headless Chromium,
// allowed by allowSoftwareWebgl) and on WASM (what 'auto' picks on a software renderer),
// each checked against the exact float64 solver running in the same page.
import { expect, test, type Page } from '@playwright/test';

async function openHarness(page: Page) {
  await page.goto('harness.html');
  await expect(page.locator('#status')).toHaveText('ready');
}

function maxRelativeError(a: number[], b: number[]): number {
  const scale = Math.max(...b.map(Math.abs));
  return Math.max(...a.map((v, i) => Math.abs(v - b[i]))) / scale;
}

test('gradient descent on WebGL (SwiftShader) matches the exact solver', async ({ page }) => {
  await openHarness(page);
  const r = await page.evaluate(async () => {
    const fb = window.fitbook;
    const report = await fb.selectBackend({ preference: 'webgl', allowSoftwareWebgl: true });
    const { X, y } = fb.ml.syntheticData(400, 3, 1, 0.5);
    const before = fb.numTensors();
    const exact = fb.ml.fitLinear(X, y).model;
    const gd = await fb.ml.fitLinearGD(X, y, { optimizer: 'sgd', learningRate: 0.5, epochs: 300, evaluateEvery: 100 });
    return {
      report,
      backend: gd.backend,
      exact: [exact.intercept, ...exact.coefficients],
      gd: [gd.model.intercept, ...gd.model.coefficients],
      leaked: fb.numTensors() - before,
    };
  });
  expect(r.report.backend).toBe('webgl');
  expect(r.backend).toBe('webgl');
  expect(r.report.renderer ?? '').toMatch(/swiftshader/i);
  expect(r.report.warnings.join(' ')).toMatch(/software renderer/);
  expect(maxRelativeError(r.gd, r.exact)).toBeLessThan(1e-3);
  expect(r.leaked).toBe(0);
});

test("'auto' prefers WASM over software WebGL; logistic GD on WASM matches Newton", async ({ page }) => {
  await openHarness(page);
  const r = await page.evaluate(async () => {
    const fb = window.fitbook;
    const report = await fb.selectBackend({ preference: 'auto' });
    const { X, labels } = fb.ml.syntheticData(1000, 3, 2);
    const classes = Array.from(labels, (v) => (v ? 'yes' : 'no'));
    const exact = fb.ml.fitLogistic(X, classes, { l2: 0.01 }).model;
    const gd = await fb.ml.fitLogisticGD(X, classes, { l2: 0.01, optimizer: 'sgd', learningRate: 2, epochs: 400, evaluateEvery: 200 });
    const flat = (m: { intercept: Float64Array; coefficients: Float64Array[] }) => [m.intercept[0], ...m.coefficients[0]];
    return { report, backend: gd.backend, classes: gd.model.classes, exact: flat(exact), gd: flat(gd.model) };
  });
  expect(r.report.backend).toBe('wasm');
  expect(r.report.reason).toMatch(/software.*WASM/i);
  expect(r.backend).toBe('wasm');
  expect(r.classes).toEqual(['no', 'yes']);
  expect(maxRelativeError(r.gd, r.exact)).toBeLessThan(1e-3);
});
