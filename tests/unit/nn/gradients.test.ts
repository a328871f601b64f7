// The training loss's gradient (what optimizer.minimize follows: data loss + the layers' L1/L2
// penalties) against central finite differences of the same loss, one weight at a time.
// Everything is float32, so the step is a compromise: the truncation error of a central
// difference is O(h²) (~1e-4 relative at h = 1e-2 for these smooth, O(1) functions) while
// rounding costs ~ε·|loss|/h ≈ 1e-7 / 1e-2 = 1e-5 absolute. Hence a component agrees when it is
// within 1e-2 relative plus 1e-4 absolute, and the whole vector within 1e-2 relative in norm;
// a wrong factor anywhere (a missing ½, a transposed kernel, a penalty left out) fails by far more.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { buildNetwork, dataLoss, forward, penalty, targetTensor, variables } from '../../../src/lib/nn/model';
import type { NetworkSpec, NetworkTask } from '../../../src/lib/nn/types';
import { NODE_BACKENDS, useBackend } from './backends';

const H = 1e-2;

function spec(task: NetworkTask): NetworkSpec {
  return {
    task,
    inputs: 2,
    outputs: task === 'multiclass' ? 3 : 1,
    hidden: [
      { units: 3, activation: 'tanh', l1: 0.01, l2: 0.02, dropout: 0 },
      { units: 2, activation: 'sigmoid', l1: 0, l2: 0.05, dropout: 0 },
    ],
    outputL1: 0.02,
    outputL2: 0,
    seed: 3,
  };
}

describe.each(NODE_BACKENDS)('gradients on %s', (backend) => {
  it.each(['binary', 'multiclass', 'regression'] as const)('%s: autodiff equals central differences', async (task) => {
    await useBackend(backend);
    const s = spec(task);
    const net = buildNetwork(s);
    const rows = 8;
    const X = tf.tensor2d(Float32Array.from({ length: rows * 2 }, (_, i) => Math.cos(1.3 * i) * 1.5), [rows, 2]);
    const y = Float32Array.from({ length: rows }, (_, i) => (task === 'regression' ? Math.sin(i) : i % s.outputs === 0 ? 0 : task === 'binary' ? 1 : i % s.outputs));
    const T = targetTensor(task, y, s.outputs);
    const loss = () => tf.tidy(() => tf.add(dataLoss(task, forward(net, X), T), penalty(net)!) as tf.Scalar);
    const vars = variables(net);
    const { grads } = tf.variableGrads(loss, vars);
    const autodiff = vars.flatMap((v) => Array.from(grads[v.name].dataSync()));
    tf.dispose(Object.values(grads));

    const numeric: number[] = [];
    for (const v of vars) {
      const values = v.dataSync().slice();
      for (let k = 0; k < values.length; k++) {
        const at = (delta: number) => {
          const moved = values.slice();
          moved[k] += delta;
          tf.tidy(() => v.assign(tf.tensor(moved, v.shape)));
          const l = loss();
          const value = l.dataSync()[0];
          l.dispose();
          return value;
        };
        // Steps taken as exactly representable offsets from the float32 weight.
        const up = Math.fround(values[k] + H) - values[k];
        const down = values[k] - Math.fround(values[k] - H);
        numeric.push((at(up) - at(-down)) / (up + down));
        tf.tidy(() => v.assign(tf.tensor(values, v.shape)));
      }
    }
    expect(autodiff.length).toBe(numeric.length);
    let diff = 0;
    let norm = 0;
    autodiff.forEach((g, i) => {
      expect(Math.abs(g - numeric[i])).toBeLessThan(1e-2 * Math.abs(numeric[i]) + 1e-4);
      diff += (g - numeric[i]) ** 2;
      norm += numeric[i] ** 2;
    });
    expect(Math.sqrt(diff / norm)).toBeLessThan(1e-2);
    tf.dispose([X, T]);
    net.model.dispose();
  });
});
