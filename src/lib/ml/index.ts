// The engine's public API (src/lib/ml). Pure TypeScript: runs in Node, browsers and workers.
// Inputs are column-major float64 matrices (see matrix.ts); build them from a Table with design.ts.
export { matrixFromColumns, matrixFromRows, matrixToRows, takeMatrixRows, type Matrix } from './matrix';
export { designMatrix, numericTarget, labelTarget, numericColumnNames } from './design';
export { polynomialTerms, INTERCEPT_NAME, type Term } from './basis';
export {
  fitLinear,
  predictLinear,
  goodnessOfFit,
  RankDeficiencyError,
  type LinearOptions,
  type LinearModel,
  type LinearFit,
  type LinearSummary,
} from './linear';
export {
  fitLogistic,
  predictProba,
  predictClasses,
  decisionFunction,
  sigmoid,
  logit,
  type LogisticOptions,
  type LogisticModel,
  type LogisticFit,
  type ClassWeight,
} from './logistic';
export { encodeLabels, uniqueLabels, decodeLabels, type Label } from './labels';
export * from './metrics';
export { fitLinearGD, type LinearGdOptions, type LinearGdFit } from './gd/linear-gd';
export { fitLogisticGD, type LogisticGdOptions, type LogisticGdFit } from './gd/logistic-gd';
export { OPTIMIZERS, type OptimizerName } from './gd/optimizers';
export type { GdOptions, EpochProgress, EarlyStopping, TrainingSummary } from './gd/trainer';
export {
  selectBackend,
  planBackends,
  classifyRenderer,
  probeWebgl,
  currentBackend,
  type BackendName,
  type BackendPreference,
  type BackendReport,
  type BackendOptions,
} from './backend';
export { isAbortError } from './yield';
export { syntheticData, type SyntheticData } from './synthetic';
export { runBenchmark, type BenchmarkConfig, type BenchmarkResult } from './benchmark';
