// The network engine (lib/nn/session) in a real browser, through the harness page: on WASM and on
// WebGL (SwiftShader), a 2 × 8 tanh network learns Playground's spiral (seed 1, inputs x1 and x2
// only) to training accuracy ≥ 0.9; Stop ends a run inside the epoch under way; and 50
// create/train/dispose cycles plus a dispose mid-run leave tf.memory().numTensors at its baseline.
import { expect, test, type Page } from '@playwright/test';

async function openHarness(page: Page) {
  await page.goto('harness.html');
  await expect(page.locator('#status')).toHaveText('ready');
}

for (const backend of ['wasm', 'webgl'] as const) {
  test(`spiral, stop and tensor hygiene on ${backend}`, async ({ page }) => {
    test.setTimeout(300_000);
    await openHarness(page);
    const r = await page.evaluate(async (backend) => {
      const fb = window.fitbook;
      const report = await fb.selectBackend({ preference: backend, allowSoftwareWebgl: true });
      const table = fb.nn.generateDataset({ shape: 'spiral', rows: 300, noise: 0, seed: 1 });
      const [x1, x2, label] = table.columns.map((c) => c.values);
      const X = new Float32Array(600);
      const y = new Float32Array(300);
      for (let i = 0; i < 300; i++) {
        X[2 * i] = (x1 as Float64Array)[i];
        X[2 * i + 1] = (x2 as Float64Array)[i];
        y[i] = (label as string[])[i] === 'B' ? 1 : 0;
      }
      const data = { X, y, rows: 300 };
      const tanh8 = { units: 8, activation: 'tanh' as const, l1: 0, l2: 0, dropout: 0 };
      const spec = { task: 'binary' as const, inputs: 2, outputs: 1, hidden: [tanh8, tanh8], outputL1: 0, outputL2: 0, seed: 1 };
      const baseline = fb.numTensors();

      const spiral = await fb.nn.createSession(spec, { optimizer: 'adam', learningRate: 0.03, batchSize: 'full', epochs: 600 }, data, null);
      const state = await spiral.run();
      const accuracy = spiral.history[spiral.history.length - 1].trainAccuracy;
      const grid = await spiral.predict(new Float32Array(50 * 50 * 2), 2500, true);
      spiral.dispose();

      // Stop from outside while the second epoch's 30 mini-batches run.
      const stopped = await fb.nn.createSession(spec, { optimizer: 'adam', learningRate: 0.03, batchSize: 10, epochs: 50 }, data, null);
      const stopState = await stopped.run((e) => {
        if (e.epoch === 1) setTimeout(() => stopped.stop(), 0);
      });
      const stopEpoch = stopped.epoch;
      stopped.dispose();

      for (let i = 0; i < 50; i++) {
        const s = await fb.nn.createSession({ ...spec, seed: i }, { optimizer: 'adam', learningRate: 0.03, batchSize: 100, epochs: 1 }, data, data);
        await s.run();
        s.dispose();
      }
      const mid = await fb.nn.createSession(spec, { optimizer: 'adam', learningRate: 0.03, batchSize: 10, epochs: 50 }, data, null);
      const midState = await mid.run((e) => {
        if (e.epoch === 1) setTimeout(() => mid.dispose(), 0);
      });
      return {
        backend: report.backend,
        trainedOn: spiral.backend,
        state,
        accuracy,
        gridSizes: [grid.output.length, grid.units.length, grid.units[0].length, grid.units[0][0].length],
        stopState,
        stopEpoch,
        midState,
        leaked: fb.numTensors() - baseline,
      };
    }, backend);
    expect(r.backend).toBe(backend);
    expect(r.trainedOn).toBe(backend);
    expect(r.state).toBe('finished');
    expect(r.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(r.gridSizes).toEqual([2500, 2, 8, 2500]);
    expect(r.stopState).toBe('stopped');
    expect(r.stopEpoch).toBe(1);
    expect(r.midState).toBe('stopped');
    expect(r.leaked).toBe(0);
  });
}
