// A NetworkSpec as a tf.layers model: a tf.sequential of dense layers with seeded initial
// weights and per-layer L1/L2 on the kernels, plus the pieces the training loop needs
// (forward pass with or without dropout, data loss, penalty, accuracy).
//
// Two choices differ from a textbook Keras model, on purpose:
// - The output layer is linear and emits scores (logits). The loss is computed from the
//   scores (softplus(z) − y·z, logSumExp − score of the class), and the sigmoid or softmax is
//   applied only for predictions: log loss taken from float32 probabilities saturates (a
//   sigmoid of 17 is exactly 1) and gives log(0) = −Infinity, which would look like divergence.
// - Dropout is applied here with tf.dropout and a fresh seed per step instead of tf.layers.dropout:
//   a seeded tf.layers.dropout draws the same mask on every call (tfjs seeds a new generator
//   from the same seed each time), which is not dropout at all.
import * as tf from '@tensorflow/tfjs';
import { crossEntropy } from '../ml/gd/logistic-gd';
import { MAX_HIDDEN_LAYERS, MAX_UNITS, ACTIVATIONS, type Activation, type NetworkSpec, type NetworkTask } from './types';

const TASKS: readonly NetworkTask[] = ['binary', 'multiclass', 'regression'];

function finiteNonNegative(value: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Throws an Error naming what to change when the spec cannot be built. */
export function checkSpec(spec: NetworkSpec): void {
  if (!TASKS.includes(spec.task)) throw new Error(`Unknown task '${String(spec.task)}'; choose binary, multiclass or regression.`);
  if (!Number.isInteger(spec.inputs) || spec.inputs < 1) {
    throw new Error(`The network needs at least one input column (got ${spec.inputs}); choose one or more features.`);
  }
  if (spec.task === 'multiclass') {
    if (!Number.isInteger(spec.outputs) || spec.outputs < 2) {
      throw new Error(`A multiclass network needs two or more classes (got ${spec.outputs}); pick a target with several classes.`);
    }
  } else if (spec.outputs !== 1) {
    throw new Error(`A ${spec.task} network has one output (got ${spec.outputs}).`);
  }
  if (!Array.isArray(spec.hidden) || spec.hidden.length > MAX_HIDDEN_LAYERS) {
    throw new Error(`A network here has 0 to ${MAX_HIDDEN_LAYERS} hidden layers (got ${spec.hidden?.length}); remove a layer.`);
  }
  spec.hidden.forEach((layer, i) => {
    const name = `Hidden layer ${i + 1}`;
    if (!Number.isInteger(layer.units) || layer.units < 1 || layer.units > MAX_UNITS) {
      throw new Error(`${name} has ${layer.units} units; give it a whole number from 1 to ${MAX_UNITS}.`);
    }
    if (!ACTIVATIONS.includes(layer.activation)) {
      throw new Error(`${name}: unknown activation '${String(layer.activation)}'; choose ${ACTIVATIONS.join(', ')}.`);
    }
    if (!(typeof layer.dropout === 'number' && layer.dropout >= 0 && layer.dropout < 1)) {
      throw new Error(`${name}: the dropout rate must be at least 0 and below 1 (got ${layer.dropout}); 1 would drop every unit.`);
    }
    if (!finiteNonNegative(layer.l1) || !finiteNonNegative(layer.l2)) {
      throw new Error(`${name}: the L1 and L2 penalties must be finite numbers ≥ 0 (got ${layer.l1} and ${layer.l2}).`);
    }
  });
  if (!finiteNonNegative(spec.outputL1) || !finiteNonNegative(spec.outputL2)) {
    throw new Error(`The output layer's L1 and L2 penalties must be finite numbers ≥ 0 (got ${spec.outputL1} and ${spec.outputL2}).`);
  }
  if (!Number.isInteger(spec.seed)) throw new Error(`The seed must be a whole number (got ${spec.seed}).`);
}

export interface Network {
  model: tf.Sequential;
  /** The dense layers, input side first; the last one is the output layer. */
  dense: tf.layers.Layer[];
  /** Each dense layer's kernel and bias variables and activation (the forward pass reads these). */
  params: { kernel: tf.Variable; bias: tf.Variable; activation: Activation }[];
  /** Dropout rate after each hidden layer. */
  dropout: number[];
  task: NetworkTask;
}

function regularizer(l1: number, l2: number) {
  return l1 > 0 || l2 > 0 ? tf.regularizers.l1l2({ l1, l2 }) : undefined;
}

/**
 * Builds the model on the current backend. Each layer's initial kernel is drawn with its own
 * seed (spec.seed + layer index): Glorot uniform, or He normal under ReLU; biases start at 0.
 */
export function buildNetwork(spec: NetworkSpec): Network {
  checkSpec(spec);
  const model = tf.sequential();
  const dense: tf.layers.Layer[] = [];
  // In tidy: the initialisers' temporary tensors are freed; the weights (variables) are kept.
  tf.tidy(() => {
    const layers = [
      ...spec.hidden.map((h) => ({ units: h.units, activation: h.activation, l1: h.l1, l2: h.l2 })),
      { units: spec.outputs, activation: 'linear' as const, l1: spec.outputL1, l2: spec.outputL2 },
    ];
    layers.forEach((l, i) => {
      const seed = (spec.seed + i) | 0;
      const layer = tf.layers.dense({
        units: l.units,
        activation: l.activation,
        inputShape: i === 0 ? [spec.inputs] : undefined,
        kernelInitializer: l.activation === 'relu' ? tf.initializers.heNormal({ seed }) : tf.initializers.glorotUniform({ seed }),
        biasInitializer: 'zeros',
        kernelRegularizer: regularizer(l.l1, l.l2),
      });
      model.add(layer);
      dense.push(layer);
    });
  });
  const params = dense.map((layer, i) => {
    const [kernel, bias] = layer.trainableWeights.map((w) => w.read() as tf.Variable);
    return { kernel, bias, activation: i < spec.hidden.length ? spec.hidden[i].activation : ('linear' as const) };
  });
  return { model, dense, params, dropout: spec.hidden.map((h) => h.dropout), task: spec.task };
}

const ACTIVATE: Record<Activation, (z: tf.Tensor2D) => tf.Tensor2D> = {
  relu: (z) => tf.relu(z),
  tanh: (z) => tf.tanh(z),
  sigmoid: (z) => tf.sigmoid(z),
  linear: (z) => z,
};

/**
 * The scores (logits, or values for regression) of rows x, and each hidden layer's output when
 * `keep` collects them. With `dropoutSeed`, dropout is applied (training); without, it is not.
 * The layers' own apply() is bypassed: its bookkeeping costs more than the arithmetic on
 * Playground-sized batches (0.8 against 0.3 ms per forward pass on the cpu backend), so each layer
 * is one fused matMul + bias on the layer's own variables, then its activation. (The activation is
 * kept out of the fused op: under a gradient tape tfjs fuses only 'linear' and would split it anyway.)
 */
export function forward(net: Network, x: tf.Tensor2D, dropoutSeed?: number, keep?: tf.Tensor2D[]): tf.Tensor2D {
  let h = x;
  const last = net.params.length - 1;
  net.params.forEach(({ kernel, bias, activation }, i) => {
    h = ACTIVATE[activation](tf.fused.matMul({ a: h, b: kernel as tf.Tensor2D, bias }) as tf.Tensor2D);
    if (i === last) return;
    keep?.push(h);
    const rate = net.dropout[i];
    if (dropoutSeed !== undefined && rate > 0) h = tf.dropout(h, rate, undefined, dropoutSeed + i) as tf.Tensor2D;
  });
  return h;
}

/** Targets as the loss wants them: a column of 0/1 or values, or one-hot rows for multiclass. */
export function targetTensor(task: NetworkTask, y: Float32Array, outputs: number): tf.Tensor2D {
  if (task !== 'multiclass') return tf.tensor2d(y, [y.length, 1]);
  return tf.tidy(() => tf.oneHot(tf.tensor1d(Int32Array.from(y), 'int32'), outputs).toFloat() as tf.Tensor2D);
}

/** Mean data loss from scores: log loss (binary, multiclass) or mean squared error (regression). */
export function dataLoss(task: NetworkTask, scores: tf.Tensor2D, targets: tf.Tensor2D): tf.Scalar {
  if (task === 'regression') return tf.mean(tf.squaredDifference(scores, targets)) as tf.Scalar;
  return tf.mean(crossEntropy(scores, targets, task === 'multiclass')) as tf.Scalar;
}

/** The layers' regularisation losses (tf.regularizers.l1l2: l1·Σ|w| + l2·Σw² per kernel). */
export function penalty(net: Network): tf.Scalar | null {
  const terms = net.dense.flatMap((layer) => layer.calculateLosses());
  return terms.length ? (tf.addN(terms) as tf.Scalar) : null;
}

/** Fraction of rows classified right (null for regression). */
export function accuracy(task: NetworkTask, scores: tf.Tensor2D, targets: tf.Tensor2D): tf.Scalar | null {
  if (task === 'regression') return null;
  const right = task === 'binary' ? tf.equal(tf.greater(scores, 0).toFloat(), targets) : tf.equal(tf.argMax(scores, 1), tf.argMax(targets, 1));
  return tf.mean(right.toFloat()) as tf.Scalar;
}

/** Outputs a learner reads: probability of class 1, class probabilities, or the value. */
export function outputActivation(task: NetworkTask, scores: tf.Tensor2D): tf.Tensor2D {
  if (task === 'binary') return tf.sigmoid(scores);
  if (task === 'multiclass') return tf.softmax(scores);
  return scores;
}

/** The trainable variables (kernel and bias of every layer), in layer order. */
export function variables(net: Network): tf.Variable[] {
  return net.params.flatMap((p) => [p.kernel, p.bias]);
}
