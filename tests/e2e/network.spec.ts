// The network cell in the browser: Playground's spiral learned on WASM and on
// WebGL (SwiftShader), the boundary redrawn while it trains, Stop within one
// epoch, no tensor left behind after retraining or a notebook switch in the
// middle of training, and the shipped notebook run to its end.
import { deflateRawSync } from 'node:zlib';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { cell, freshStart, openNotebook, settled } from './helpers';
import { tableValues } from './engine-reference';

const numTensors = (page: Page) => page.evaluate(() => (window as unknown as { fitbook: { numTensors(): number } }).fitbook.numTensors());

/** A notebook of its own, opened through a share link (a link carries a whole notebook). */
function link(title: string, text: string): string {
  return deflateRawSync(Buffer.from(JSON.stringify({ v: 1, title, text }))).toString('base64url');
}

/** Playground's spiral, seed 1, no noise, learned by 2 × 8 tanh units; the crosses are inputs too (as Playground offers them). */
const spiral = (epochs: number, batchSize: number) => `---
title: Spiral
---
\`\`\`{dataset} spiral
source: generated
shape: spiral
rows: 300
noise: 0
seed: 1
\`\`\`

\`\`\`{network} net
input: spiral
target: class
features: [x1, x2]
crosses: [x1^2, x2^2, x1*x2, sin x1, sin x2]
hidden:
  - {units: 8, activation: tanh}
  - {units: 8, activation: tanh}
learningRate: 0.1
batchSize: ${batchSize}
epochs: ${epochs}
seed: 1
\`\`\`
`;

async function openSpiral(page: Page, query: string, epochs = 50, batchSize = 30): Promise<Locator> {
  await freshStart(page);
  await page.goto(`./${query}#/spiral?link=${link('Spiral', spiral(epochs, batchSize))}`);
  await expect(page.getByRole('heading', { level: 1, name: /^Spiral/ })).toBeVisible();
  await page.waitForFunction(() => 'fitbook' in window, undefined, { timeout: 60_000 });
  await settled(page);
  return cell(page, 'Neural network', 'net');
}

const trainAccuracy = async (net: Locator) => (await tableValues(net, 'Metrics')).Accuracy[0];
const epochShown = async (net: Locator) => Number((await net.getByText(/^Epoch \d+ of/).innerText()).match(/^Epoch (\d+)/)![1]);

/**
 * Counts draws of the network-output plot from the page's start (an init script, so the
 * training that runs when the notebook opens is counted too).
 */
async function countDrawsFromStart(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const w = window as unknown as { networkDraws: number };
    w.networkDraws = 0;
    document.addEventListener('fitbook:drawn', (event) => {
      const frame = (event.target as Element).closest('.plot-frame');
      if (frame?.querySelector('[aria-label^="Network output"]')) w.networkDraws++;
    });
  });
  return () => page.evaluate(() => (window as unknown as { networkDraws: number }).networkDraws);
}

// SwiftShader's WebGL is slow on a shared CPU: the WebGL run trains 30 epochs (the spiral is learned by then) and skips the retraining.
for (const [backend, query, epochs] of [
  ['wasm', '', 50],
  ['webgl', '?softwareWebgl=1&backend=webgl', 30],
] as const) {
  test(`the spiral (seed 1) is learned by 2 × 8 tanh units on ${backend}, and the boundary redraws while training`, async ({ page }) => {
    const draws = await countDrawsFromStart(page);
    const net = await openSpiral(page, query, epochs);
    await expect(page.getByText(/^Backend: /)).toHaveText(`Backend: ${backend}`);
    await expect(net.getByText(new RegExp(`on the ${backend} backend`))).toBeVisible();
    await expect(net.getByRole('alert')).toHaveCount(0);
    expect(await trainAccuracy(net)).toBeGreaterThanOrEqual(0.9);
    // The first training (run when the notebook opened) redrew the boundary as it went, not only at its end.
    expect(await draws()).toBeGreaterThanOrEqual(3);
    if (backend === 'webgl') return;
    // Train again from fresh weights. "Finished." is still on screen from the first run, so wait for new
    // draws (the new run has started) before waiting for the end.
    const before = await draws();
    await net.getByRole('button', { name: 'Fit', exact: true }).click();
    await expect.poll(draws, { timeout: 90_000 }).toBeGreaterThanOrEqual(before + 3);
    await expect(net.getByRole('button', { name: 'Stop', exact: true })).toBeDisabled({ timeout: 90_000 });
    await expect(net.getByText(/Finished\./)).toBeVisible({ timeout: 90_000 });
    expect(await trainAccuracy(net)).toBeGreaterThanOrEqual(0.9);
  });
}

test('Stop ends training within one epoch; Step trains exactly one', async ({ page }) => {
  // Batch size 1: an epoch is 300 steps, so Stop must act between steps to end within one.
  const net = await openSpiral(page, '', 3, 1);
  await net.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(net.getByText(/^Epoch 0 of 3\. Ready/)).toBeVisible();
  await net.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(net.getByText(/^Epoch 1 of 3\. Paused/)).toBeVisible();
  await net.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(net.getByRole('button', { name: 'Stop', exact: true })).toBeEnabled();
  const before = await epochShown(net);
  await net.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(net.getByText(/Stopped\./)).toBeVisible();
  expect(await epochShown(net)).toBeLessThanOrEqual(before + 1);
  await expect(net.getByRole('alert')).toHaveCount(0);
});

test('no tensor is left behind after repeated trainings and after a notebook switch in the middle of training', async ({ page }) => {
  const net = await openSpiral(page, '', 40, 30);
  const alive = await numTensors(page);
  for (let i = 0; i < 5; i++) {
    await net.getByRole('button', { name: 'Fit', exact: true }).click();
    await expect(net.getByText(/Finished\./)).toBeVisible({ timeout: 60_000 });
  }
  expect(await numTensors(page)).toBe(alive);
  // With no network on the page, TensorFlow.js holds what it held before any.
  await openNotebook(page, 'Exploring a dataset');
  await expect.poll(() => numTensors(page)).toBeLessThan(alive);
  const none = await numTensors(page);
  // Back to the spiral, and away again while it trains.
  await page.getByRole('navigation', { name: 'Notebooks' }).getByRole('link', { name: /^Spiral/ }).first().click();
  await expect(cell(page, 'Neural network', 'net').getByRole('progressbar')).toBeVisible({ timeout: 60_000 });
  await openNotebook(page, 'Exploring a dataset');
  await expect.poll(() => numTensors(page)).toBe(none);
});

test('the neural networks notebook runs to its end on WASM with no cell in error, and tells the XOR story', async ({ page }) => {
  test.setTimeout(360_000);
  await freshStart(page);
  await openNotebook(page, 'Neural networks and overfitting');
  await expect(page.getByText(/^Backend: /)).toHaveText('Backend: wasm');
  await expect(page.locator('article').getByRole('alert')).toHaveCount(0);
  const [noHiddenTrain, noHiddenTest] = (await tableValues(cell(page, 'Neural network', 'no-hidden'), 'Metrics')).Accuracy;
  const [oneHiddenTrain, oneHiddenTest] = (await tableValues(cell(page, 'Neural network', 'one-hidden'), 'Metrics')).Accuracy;
  expect(noHiddenTrain).toBeLessThan(0.7);
  expect(noHiddenTest).toBeLessThan(0.7);
  expect(oneHiddenTrain).toBeGreaterThanOrEqual(0.9);
  expect(oneHiddenTest).toBeGreaterThanOrEqual(0.85);
  await expect(cell(page, 'Neural network', 'one-hidden').getByRole('img', { name: /^The network: 2 inputs, hidden layers of 4 units/ })).toBeVisible();
  // Ten features: the boundary is a slice over the first two, the rest at their training medians, for the
  // network and the logistic model alike; every hidden unit's thumbnail is painted.
  const cancerNetwork = cell(page, 'Neural network', 'cancer-network');
  await expect(cancerNetwork.getByRole('img', { name: /^Network output: .*held at their training medians \(mean_smoothness = / })).toBeVisible();
  await expect(cell(page, 'Classifier', 'cancer-logistic').getByRole('img', { name: /held at their training medians \(mean_smoothness = / })).toBeVisible();
  const painted = await cancerNetwork.locator('canvas').evaluateAll((canvases) =>
    (canvases as HTMLCanvasElement[]).filter((c) => c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0)).length,
  );
  expect(painted).toBe(8);
  // The overfitting story: the wide network's training loss ends far below its validation loss.
  const summary = await page.locator('section[data-cell-id="wide"]').getByText(/Last training loss/).innerText();
  const [, trainLoss, validationLoss] = summary.match(/Last training loss (\d[\d.e+-]*\d), validation loss (\d[\d.e+-]*\d)/)!.map(Number);
  expect(trainLoss).toBeLessThan(0.25 * validationLoss);
});
