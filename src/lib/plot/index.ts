// The plot layer: figure builders (pure) and, separately, Plot.svelte which draws them.
export type { Figure, TraceSpec, LayoutSpec, PlotTable } from './types';
export { loadPlotly, type PlotlyLike } from './plotly-bundle';
export { SCATTERGL_THRESHOLD, scatterType } from './layout';
export { CLASS_COLOURS, COLOURS, classColour } from './theme';
export { rowsOfSelection } from './selection';
export { polynomial, sumSquaredErrors, type Polynomial, type Predict } from './curve';
export { thresholdX } from './threshold';
export { operatingPoint } from './operating-point';

export { scatterFigure, type ScatterInput } from './scatter';
export { fitFigure, type FitInput } from './fit';
export { sigmoidFigure, logitFigure, type SigmoidInput } from './sigmoid';
export { classProbabilitiesFigure, type ClassProbabilitiesInput } from './class-probabilities';
export { decisionBoundaryFigure, decisionRegionsFigure, type BoundaryInput, type RegionsInput } from './decision-boundary';
export { histogramFigure, type HistogramInput } from './histogram';
export { scatterMatrixFigure, type MatrixInput } from './splom';
export { coefficientsFigure, type CoefficientsInput } from './coefficients';
export { lossCurveFigure, type LossInput } from './loss';
export { validationCurveFigure, type ValidationCurveInput } from './validation-curve';
export { smallMultiplesFigure, type SmallMultiplesInput, type Panel } from './small-multiples';
export { residualsFigure, predictedActualFigure, type ResidualsInput, type PredictedActualInput } from './diagnostics';
export { confusionMatrixFigure, type ConfusionInput } from './confusion';
export { rocFigure, type RocInput } from './roc';
export { precisionRecallFigure, type PrecisionRecallInput } from './precision-recall';
export { costFigure, type CostInput } from './cost';
export { bootstrapFigure, type BootstrapInput } from './bootstrap';
export { strategiesFigure, type StrategiesInput } from './strategies';
export { correlationFigure, type CorrelationInput } from './correlation';
