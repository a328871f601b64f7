// Data preparation: pure functions Table → {table, report}, and for every
// step that learns something, a fit (learn on training rows) and an apply
// (use on any rows) so validation and test data never leak into training.

export * from './report';
export { dropMissing, type DropMissingOptions } from './drop';
export { applyImpute, fitImpute, impute, INDICATOR_SUFFIX, type ImputeFill, type ImputeOptions, type ImputeParams, type ImputeStrategy } from './impute';
export {
  applyOutliers,
  fitOutliers,
  iqrFences,
  outliers,
  OUTLIER_SUFFIX,
  zFences,
  type OutlierAction,
  type OutlierFence,
  type OutlierMethod,
  type OutlierOptions,
  type OutlierParams,
} from './outliers';
export { applyOneHot, fitOneHot, oneHot, type OneHotEncoding, type OneHotOptions, type OneHotParams } from './onehot';
export { applyScale, fitScale, scale, type ScaleMethod, type ScaleOptions, type ScaleParameter, type ScaleParams } from './scale';
export { shuffleRows, type ShuffleResult } from './shuffle';
export { medianOf, medianSorted, quantileSorted, sortedFinite } from './quantile';
export {
  applyPipeline,
  fitAndApplyPipeline,
  fitPipeline,
  type FittedPipeline,
  type FittedStep,
  type Pipeline,
  type PipelineResult,
  type StepSpec,
} from './pipeline';
