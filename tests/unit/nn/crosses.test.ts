// Feature crosses and row standardisation, against the formulas written out here; and the
// network's penalty against tf.regularizers' definition (l1·Σ|w| + l2·Σw² over each kernel).
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { CROSSES, crossedNames, expandCrosses, rowScaling, standardiseRows } from '../../../src/lib/nn/crosses';
import { buildNetwork, penalty } from '../../../src/lib/nn/model';
import { useBackend } from './backends';

describe('feature crosses', () => {
  const X = Float32Array.from([0.5, -2, 3, 0.25, -1, 1]);
  it('appends each chosen cross after x1, x2, in the order asked', () => {
    const out = expandCrosses(X, 3, ['sin x2', 'x1*x2', 'x1^2']);
    for (let i = 0; i < 3; i++) {
      const [a, b] = [X[2 * i], X[2 * i + 1]];
      expect(Array.from(out.subarray(i * 5, i * 5 + 5))).toEqual(Array.from(Float32Array.from([a, b, Math.sin(b), a * b, a * a])));
    }
    expect(expandCrosses(X, 3, [])).toEqual(X);
    expect(expandCrosses(X, 3, CROSSES).length).toBe(3 * 7);
    expect(Array.from(expandCrosses(X, 3, ['x2^2', 'sin x1']).subarray(0, 4))).toEqual(Array.from(Float32Array.from([0.5, -2, 4, Math.sin(0.5)])));
  });
  it('names the columns with the inputs’ names', () => {
    expect(crossedNames(['x1', 'x2'], ['x1^2', 'x1*x2', 'sin x2'])).toEqual(['x1', 'x2', 'x1²', 'x1x2', 'sin x2']);
    expect(crossedNames(['a', 'b'], ['x2^2'])).toEqual(['a', 'b', 'b²']);
  });
  it('refuses rows that are not pairs, and unknown crosses', () => {
    expect(() => expandCrosses(X, 2, [])).toThrow(/exactly two inputs/);
    expect(() => expandCrosses(X, 3, ['cos x1' as never])).toThrow(/Unknown feature cross/);
  });
  it('standardises columns with the training rows’ mean and population standard deviation', () => {
    const rows = Float32Array.from([1, 10, 2, 10, 3, 10, 6, 10]);
    const scaling = rowScaling(rows, 4, 2);
    expect(Array.from(scaling.mean)).toEqual([3, 10]);
    const sd = Math.sqrt(((1 - 3) ** 2 + (2 - 3) ** 2 + 0 + (6 - 3) ** 2) / 4);
    expect(scaling.scale[0]).toBeCloseTo(sd, 12);
    expect(scaling.scale[1]).toBe(1); // a constant column is left unscaled
    const out = standardiseRows(Float32Array.from([5, 11]), 1, 2, scaling);
    expect(out[0]).toBeCloseTo((5 - 3) / sd, 6);
    expect(out[1]).toBeCloseTo(1, 6);
  });
});

describe('penalty', () => {
  it('is l1·Σ|w| + l2·Σw² over the kernels (biases not penalised), per layer', async () => {
    await useBackend('cpu');
    const net = buildNetwork({
      task: 'regression',
      inputs: 3,
      outputs: 1,
      hidden: [
        { units: 4, activation: 'relu', l1: 0.1, l2: 0, dropout: 0 },
        { units: 2, activation: 'tanh', l1: 0, l2: 0, dropout: 0 },
      ],
      outputL1: 0.03,
      outputL2: 0.2,
      seed: 9,
    });
    const rates = [[0.1, 0], [0, 0], [0.03, 0.2]];
    let expected = 0;
    net.dense.forEach((layer, i) => {
      // Non-zero biases, to show they are left out.
      layer.setWeights([layer.getWeights()[0], tf.fill([layer.getWeights()[1].shape[0]], 0.7)]);
      const kernel = layer.getWeights()[0].dataSync();
      for (const w of kernel) expected += rates[i][0] * Math.abs(w) + rates[i][1] * w * w;
    });
    const p = penalty(net)!;
    expect(p.dataSync()[0]).toBeCloseTo(expected, 5);
    p.dispose();
    net.model.dispose();
  });
});
