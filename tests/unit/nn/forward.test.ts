// The forward pass with fixed weights against numpy in float64 (scripts/make-nn-fixtures.py),
// on the cpu and wasm backends: each hidden layer's output, the output (sigmoid, softmax or
// value) and the mean data loss, to 1e-5.
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { buildNetwork, dataLoss, forward, outputActivation, targetTensor } from '../../../src/lib/nn/model';
import { createSession } from '../../../src/lib/nn/session';
import type { Activation, NetworkSpec, NetworkTask } from '../../../src/lib/nn/types';
import { NODE_BACKENDS, useBackend } from './backends';

interface ForwardCase {
  task: NetworkTask;
  inputs: number;
  outputs: number;
  hidden: { units: number; activation: Activation }[];
  layers: { kernel: number[]; bias: number[] }[];
  rows: number;
  X: number[];
  y: number[];
  hiddenOutputs: number[][];
  output: number[];
  loss: number;
}

const cases = JSON.parse(readFileSync(new URL('../../fixtures/nn/forward.json', import.meta.url), 'utf8')) as ForwardCase[];

function specOf(c: ForwardCase): NetworkSpec {
  return {
    task: c.task,
    inputs: c.inputs,
    outputs: c.outputs,
    hidden: c.hidden.map((h) => ({ ...h, l1: 0, l2: 0, dropout: 0 })),
    outputL1: 0,
    outputL2: 0,
    seed: 1,
  };
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  expect(worst).toBeLessThan(tolerance);
}

describe.each(NODE_BACKENDS)('forward pass with fixed weights on %s', (backend) => {
  it.each(cases.map((c, i) => [`${c.task}, ${c.hidden.map((h) => `${h.units} ${h.activation}`).join(' → ') || 'no hidden layer'}`, i]))(
    '%s equals numpy float64 to 1e-5',
    async (_, i) => {
      await useBackend(backend);
      expect(tf.getBackend()).toBe(backend);
      const c = cases[i as number];
      const net = buildNetwork(specOf(c));
      net.dense.forEach((layer, l) => {
        const w = layer.getWeights();
        const [rowsK, unitsK] = w[0].shape;
        layer.setWeights([tf.tensor2d(c.layers[l].kernel, [rowsK, unitsK]), tf.tensor1d(c.layers[l].bias)]);
      });
      const before = tf.memory().numTensors;
      const [output, loss, ...hidden] = tf.tidy(() => {
        const keep: tf.Tensor2D[] = [];
        const scores = forward(net, tf.tensor2d(c.X, [c.rows, c.inputs]), undefined, keep);
        return [outputActivation(c.task, scores), dataLoss(c.task, scores, targetTensor(c.task, Float32Array.from(c.y), c.outputs)), ...keep];
      });
      expectClose(await output.data(), c.output, 1e-5);
      expect(Math.abs((await loss.data())[0] - c.loss)).toBeLessThan(1e-5);
      for (let l = 0; l < hidden.length; l++) expectClose(await hidden[l].data(), c.hiddenOutputs[l], 1e-5);
      tf.dispose([output, loss, ...hidden]);
      expect(tf.memory().numTensors).toBe(before);
      net.model.dispose();
    },
  );
});

describe('session weights() and predict() agree with a forward pass written out in float64', () => {
  it('kernel row-major [inputs × units], hidden units per layer and point', async () => {
    await useBackend('cpu');
    const spec: NetworkSpec = {
      task: 'multiclass',
      inputs: 3,
      outputs: 3,
      hidden: [
        { units: 4, activation: 'tanh', l1: 0, l2: 0, dropout: 0 },
        { units: 2, activation: 'relu', l1: 0, l2: 0, dropout: 0 },
      ],
      outputL1: 0,
      outputL2: 0,
      seed: 5,
    };
    const X = Float32Array.from({ length: 6 * 3 }, (_, i) => Math.sin(i * 1.7));
    const session = await createSession(spec, { optimizer: 'sgd', learningRate: 0.1, batchSize: 'full', epochs: 1 }, { X, y: new Float32Array([0, 1, 2, 0, 1, 2]), rows: 6 }, null);
    const layers = await session.weights();
    expect(layers.map((l) => [l.inputs, l.units, l.activation])).toEqual([[3, 4, 'tanh'], [4, 2, 'relu'], [2, 3, 'output']]);
    const act = { tanh: Math.tanh, relu: (z: number) => Math.max(0, z) } as Record<string, (z: number) => number>;
    const points = await session.predict(X, 6, true);
    for (let r = 0; r < 6; r++) {
      let h = Array.from(X.subarray(r * 3, r * 3 + 3));
      layers.forEach((layer, l) => {
        const z = Array.from({ length: layer.units }, (_, u) => layer.bias[u] + h.reduce((s, v, k) => s + v * layer.kernel[k * layer.units + u], 0));
        if (layer.activation === 'output') {
          const m = Math.max(...z);
          const e = z.map((v) => Math.exp(v - m));
          const sum = e.reduce((a, b) => a + b, 0);
          e.forEach((v, u) => expect(points.output[r * 3 + u]).toBeCloseTo(v / sum, 5));
        } else {
          h = z.map(act[layer.activation]);
          h.forEach((v, u) => expect(points.units[l][u][r]).toBeCloseTo(v, 5));
        }
      });
    }
    session.dispose();
  });
});
