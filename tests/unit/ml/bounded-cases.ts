// Engine calls that once never returned (a NaN penalty or weight made the Newton damping loop
// spin forever). A synchronous loop cannot be interrupted by a test timeout, so edge-cases.test.ts
// runs each of these in a worker thread (bounded-worker.ts) and terminates it after a deadline.
import { fitLinear } from '../../../src/lib/ml/linear';
import { fitLogistic } from '../../../src/lib/ml/logistic';
import { matrixFromColumns } from '../../../src/lib/ml/matrix';

const x = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8);
const labels = [0, 0, 1, 0, 1, 1, 0, 1];
const y = Float64Array.of(1.1, 1.9, 3.2, 3.8, 5.1, 6.2, 6.8, 8.1);
const X = () => matrixFromColumns([x]);
const withAt = (v: Float64Array, i: number, value: number) => v.map((u, k) => (k === i ? value : u));

/** Each case throws (the expected outcome) or returns; the test checks the message. */
export const boundedCases: Record<string, () => unknown> = {
  'logistic l2 = NaN': () => fitLogistic(X(), labels, { l2: NaN }),
  'logistic l2 = Infinity': () => fitLogistic(X(), labels, { l2: Infinity }),
  'logistic l1 = NaN': () => fitLogistic(X(), labels, { l1: NaN }),
  'logistic l1 = -1': () => fitLogistic(X(), labels, { l1: -1 }),
  'logistic sample weight NaN': () => fitLogistic(X(), labels, { sampleWeight: withAt(new Float64Array(8).fill(1), 3, NaN) }),
  'logistic sample weight Infinity': () => fitLogistic(X(), labels, { sampleWeight: withAt(new Float64Array(8).fill(1), 3, Infinity) }),
  'logistic sample weight negative': () => fitLogistic(X(), labels, { sampleWeight: withAt(new Float64Array(8).fill(1), 3, -2) }),
  'logistic class weight NaN': () => fitLogistic(X(), labels, { classWeight: { '0': 1, '1': NaN } }),
  'logistic class weight negative': () => fitLogistic(X(), labels, { classWeight: { '0': -1, '1': 1 } }),
  'logistic threshold NaN': () => fitLogistic(X(), labels, { threshold: NaN }),
  'logistic maxIterations NaN': () => fitLogistic(X(), labels, { maxIterations: NaN }),
  'logistic tolerance NaN': () => fitLogistic(X(), labels, { tolerance: NaN }),
  'logistic feature NaN': () => fitLogistic(matrixFromColumns([withAt(x, 4, NaN)]), labels, { featureNames: ['age'] }),
  'logistic feature around 1e305': () => fitLogistic(matrixFromColumns([x.map((v) => v * 1e305)]), labels, { featureNames: ['age'] }),
  'linear l1 = NaN': () => fitLinear(X(), y, { l1: NaN }),
  'linear maxSweeps NaN (lasso)': () => fitLinear(X(), y, { l1: 0.1, maxSweeps: NaN }),
};
