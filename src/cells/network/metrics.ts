// A part's metrics from the network's outputs: accuracy and log loss for
// classes (in the classes' order), RMSE and R² in the target's own units for
// regression. Pure; the references are lib/ml/metrics.
import { accuracy, logLoss, r2Score, rmse } from '../../lib/ml/metrics';
import type { Label } from '../../lib/ml/labels';
import type { NetworkTask } from '../../lib/nn/types';
import type { NetworkInputs } from './prepare';

export interface NetworkMetrics {
  accuracy?: number;
  logLoss?: number;
  rmse?: number;
  r2?: number;
}

/** Row-major outputs (one per row for binary and regression, one per class for multiclass) to class probabilities per row. */
export function probabilities(task: NetworkTask, output: Float32Array, rows: number): number[][] {
  if (task === 'binary') return Array.from({ length: rows }, (_, i) => [1 - output[i], output[i]]);
  const k = output.length / rows;
  return Array.from({ length: rows }, (_, i) => Array.from(output.subarray(i * k, (i + 1) * k)));
}

/** The most probable class of each row. */
export function predictedClasses(proba: number[][], classes: Label[]): Label[] {
  return proba.map((p) => classes[p.indexOf(Math.max(...p))]);
}

/** Regression outputs back in the target's units. */
export function targetValues(inputs: Pick<NetworkInputs, 'targetScaling'>, output: Float32Array): Float64Array {
  const { mean, scale } = inputs.targetScaling ?? { mean: 0, scale: 1 };
  return Float64Array.from(output, (v) => v * scale + mean);
}

/**
 * The network's probabilities are float32: next to 1, the gap 1 − p below about 1e-7 cannot be told
 * from 0, so a confident mistake would cost −log(2^-52) ≈ 36 with lib/ml's float64 clipping. They are
 * clipped at 1e-7 (Keras' epsilon) instead. The loss curves come from the engine's logits and have no
 * clipping, so a part with confidently wrong rows can show a larger loss there than in the table.
 */
const FLOAT32_EPSILON = 1e-7;

export function partMetrics(inputs: Pick<NetworkInputs, 'task' | 'classes' | 'targetScaling'>, actual: Label[] | Float64Array, output: Float32Array): NetworkMetrics {
  const rows = actual.length;
  if (inputs.task === 'regression') {
    const predicted = targetValues(inputs, output);
    return { rmse: rmse(actual as Float64Array, predicted), r2: r2Score(actual as Float64Array, predicted) };
  }
  const proba = probabilities(inputs.task, output, rows).map((p) => p.map((v) => Math.min(1 - FLOAT32_EPSILON, Math.max(FLOAT32_EPSILON, v))));
  const labels = actual as Label[];
  return { accuracy: accuracy(labels, predictedClasses(proba, inputs.classes)), logLoss: logLoss(labels, proba, inputs.classes) };
}

const METRIC_NAMES: [keyof NetworkMetrics, string][] = [
  ['accuracy', 'Accuracy'],
  ['logLoss', 'Log loss'],
  ['rmse', 'RMSE'],
  ['r2', 'R²'],
];

/** Rows for the metrics table (row headers are the metric names), one value per part. */
export function metricRows(metrics: NetworkMetrics[]): { name: string; values: (number | undefined)[] }[] {
  return METRIC_NAMES.filter(([key]) => metrics.some((m) => m[key] !== undefined)).map(([key, name]) => ({ name, values: metrics.map((m) => m[key]) }));
}
