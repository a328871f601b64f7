// Validation splits: seeded, deterministic, returning row indices (Int32Array).

export { complement, iterateFolds, type Fold, type FoldSequence } from './folds';
export { holdoutSizes, holdoutSplit, holdoutSteps, TEST_FRACTION_PRESETS, type HoldoutOptions, type HoldoutSizes, type HoldoutSplit } from './holdout';
export { approximateMode, stratifiedHoldoutSplit, stratifiedSteps, type StratifiedSplit } from './stratified';
export { encodeLabels, labelsOf, type EncodedLabels, type Label } from './labels';
export { foldSizes, kFold, leaveOneOut, stratifiedKFold, type KFoldOptions } from './kfold';
export {
  crossValidate,
  type CrossValidateOptions,
  type CrossValidationProgress,
  type CrossValidationResult,
  type FitAndScore,
  type FoldScore,
  type Scores,
} from './cross-validate';
export { learningCurveSizes } from './learning-curve';
