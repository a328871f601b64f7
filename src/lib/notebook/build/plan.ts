// From a table, its column roles and the reader's choice of target and task
// to the blocks of a working notebook: a look at the target, the preparation
// this data needs and no more, a stratified (classification) or plain split,
// a baseline beside an exact model on every usable feature, an evaluation, a
// cross-validation comparison and a sweep over the hyperparameter that
// matters most here. The prose between the cells is written from this data.
import type { ColumnRoleInfo } from '../../data/roles';
import type { ColumnSummary } from '../../data/summary';
import { getColumn, type Table } from '../../data/table';
import type { Pipeline } from '../../data/prepare';
import { designMatrix, numericTarget } from '../../ml/design';
import { fitLinear, RankDeficiencyError } from '../../ml/linear';
import type { Block, CellBlock } from '../model';
import { buildRoles, choiceProblem, type BuildTask } from './analyse';
import { correlationRatios, correlations, type Association } from './associations';
import { preparedTraining, rowsWithTarget, splitRows, type SplitSettings } from './simulate';
import * as prose from './prose';

export interface BuildRequest {
  /** The dataset cell the built cells read. */
  datasetId: string;
  /** The file's name, for the prose and the new notebook's title. */
  fileName: string;
  table: Table;
  summaries: ColumnSummary[];
  roles: ColumnRoleInfo[];
  target: string;
  task: BuildTask;
}

/** What the built notebook does, for the prose, the dialog and the tests. */
export interface BuildDesign {
  task: BuildTask;
  target: string;
  /** Usable columns other than the target, as in the file. */
  features: string[];
  /** The model cell's features: columns of the prepared training part. */
  modelFeatures: string[];
  /** Rows dropped first because the target is missing there. */
  dropTargetRows: number;
  impute: string[];
  encode: string[];
  scale: string[];
  /** One-hot leaves out each column's first category (an unpenalised regression's intercept stands for it). */
  dropFirst: boolean;
  penalty: 'none' | 'l2';
  sweep: 'degree' | 'alpha';
  split: SplitSettings;
  trainRows: number;
  testRows: number;
  /** Classification: the classes, with their number of rows (before the split). */
  classes: { label: string; rows: number }[];
}

export interface BuildPlan {
  title: string;
  design: BuildDesign;
  blocks: Block[];
}

/** Few enough plain numeric features for a polynomial to be the telling choice. */
const MAX_POLYNOMIAL_FEATURES = 3;
/** More training rows than this and leave-one-out is too slow to run on open. */
const MAX_LOO_ROWS = 300;
const TEST_FRACTION = 0.2;
const SEED = 42;
/** A small L2 penalty: keeps every fit unique (collinear columns, separable classes) and barely changes a well-posed one. */
const PENALTY = { value: 0.01, min: 0.0001, max: 100, scale: 'log' };

export const BUILT_IDS = { drop: 'labelled', look: 'look', prepare: 'prepared', split: 'holdout', baseline: 'baseline', model: 'model', evaluate: 'evaluation', crossval: 'folds', sweep: 'tuning' };

export function planNotebook(asked: BuildRequest): BuildPlan {
  const request = { ...asked, roles: buildRoles(asked.summaries, asked.roles) };
  const { table, roles, target, task } = request;
  const problem = choiceProblem(table, target, task);
  if (problem) throw new Error(problem);
  const roleOf = new Map(roles.map((r) => [r.name, r.role]));
  const features = roles.filter((r) => r.reason === undefined && r.name !== target).map((r) => r.name);
  if (features.length === 0) throw new Error('There is no usable column left to predict it from.');

  const missingOf = new Map(request.summaries.map((s) => [s.name, s.missing]));
  const dropTargetRows = missingOf.get(target) ?? 0;
  const source = rowsWithTarget(table, target, dropTargetRows > 0);
  const gapsIn = (name: string) => countMissing(source, name);
  const numeric = features.filter((f) => roleOf.get(f) === 'numeric');
  // Numeric gaps are filled with the median; a category's (or yes/no's) gap becomes all-zero one-hot columns.
  const impute = numeric.filter((f) => gapsIn(f) > 0);
  const encode = features.filter((f) => roleOf.get(f) === 'categorical' || (roleOf.get(f) === 'boolean' && gapsIn(f) > 0));
  const split: SplitSettings = { test: TEST_FRACTION, seed: SEED, ...(task === 'classification' ? { stratify: target } : {}) };
  const rows = splitRows(source, split);

  const polynomial = task === 'regression' && numeric.length === features.length && numeric.length <= MAX_POLYNOMIAL_FEATURES && impute.length === 0;
  let penalty: 'none' | 'l2' = polynomial ? 'none' : 'l2';
  let design = designFor(penalty);
  let training = preparedTraining(source, rows, pipelineOf(design));
  if (penalty === 'none' && !isFullRank(training, target, modelFeaturesOf(training))) {
    penalty = 'l2';
    design = designFor(penalty);
    training = preparedTraining(source, rows, pipelineOf(design));
  }
  design.modelFeatures = modelFeaturesOf(training);
  design.trainRows = rows.train.length;
  design.testRows = rows.test.length;

  const look = task === 'regression' ? correlations(source, target, numeric) : correlationRatios(source, target, numeric);
  return { title: titleOf(request.fileName), design, blocks: blocksOf(request, design, look, source) };

  function designFor(chosen: 'none' | 'l2'): BuildDesign {
    return {
      task,
      target,
      features,
      modelFeatures: [],
      dropTargetRows,
      impute,
      encode,
      // The penalty charges every weight alike, so the numbers must be on one scale.
      scale: chosen === 'l2' ? numeric : [],
      dropFirst: chosen === 'none',
      penalty: chosen,
      sweep: chosen === 'none' ? 'degree' : 'alpha',
      split,
      trainRows: 0,
      testRows: 0,
      classes: task === 'classification' ? classesOf(source, target) : [],
    };
  }

  /** Columns of the prepared training part that come from the features (left-out columns stay in the table). */
  function modelFeaturesOf(train: Table): string[] {
    const original = new Set(table.columns.map((c) => c.name));
    const kept = new Set(features);
    return train.columns.map((c) => c.name).filter((name) => name !== target && (kept.has(name) || !original.has(name)));
  }
}

/** The prepare cell's steps as its options will resolve them (explicit columns, so both agree). */
export function pipelineOf(design: BuildDesign): Pipeline {
  const steps: Pipeline = [];
  if (design.impute.length) steps.push({ step: 'impute', strategy: 'median', columns: design.impute, indicator: true });
  if (design.encode.length) steps.push({ step: 'one-hot', columns: design.encode, dropFirst: design.dropFirst });
  if (design.scale.length) steps.push({ step: 'scale', method: 'standard', columns: design.scale });
  return steps;
}

/** Whether an unpenalised least-squares fit on these columns is unique. */
function isFullRank(train: Table, target: string, features: string[]): boolean {
  try {
    fitLinear(designMatrix(train, features).X, numericTarget(train, target), { featureNames: features });
    return true;
  } catch (error) {
    if (error instanceof RankDeficiencyError) return false;
    throw error;
  }
}

function classesOf(table: Table, target: string): { label: string; rows: number }[] {
  const counts = new Map<string, number>();
  for (const v of getColumn(table, target)!.values) {
    if (v === null || (typeof v === 'number' && Number.isNaN(v))) continue;
    counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  }
  return [...counts].map(([label, rows]) => ({ label, rows })).sort((a, b) => b.rows - a.rows);
}

function countMissing(table: Table, name: string): number {
  const column = getColumn(table, name)!;
  let n = 0;
  for (const v of column.values) if (v === null || (typeof v === 'number' && Number.isNaN(v))) n++;
  return n;
}

/** "diabetes.csv" → "diabetes"; the new notebook is called after its file. */
function titleOf(fileName: string): string {
  return fileName.replace(/\.(csv|tsv|txt)$/i, '').trim() || 'My data';
}

const cell = (kind: string, id: string, options: Record<string, unknown>): CellBlock => ({ type: 'cell', kind, id, options, line: 0, errors: [] });
const text = (markdown: string): Block => ({ type: 'prose', text: markdown, line: 0 });

function blocksOf(request: BuildRequest, design: BuildDesign, look: Association[], source: Table): Block[] {
  const { datasetId } = request;
  const { target, task } = design;
  const ids = BUILT_IDS;
  const blocks: Block[] = [text(prose.introduction(request, design))];

  const lookCell = lookOptions(datasetId, design, look);
  if (lookCell) blocks.push(text(prose.look(design, look)), cell('plot', ids.look, lookCell));

  let splitInput = datasetId;
  if (design.dropTargetRows > 0) {
    blocks.push(text(prose.dropTarget(design, request.table.rowCount)), cell('prepare', ids.drop, { input: datasetId, missing: { strategy: 'drop', columns: [target] } }));
    splitInput = ids.drop;
  }
  const steps = pipelineOf(design);
  // Rows without a target were dropped by a prepare cell: a second one must follow, so the split sees only the kept rows.
  if (steps.length || design.dropTargetRows > 0) {
    blocks.push(text(prose.prepare(design, source)), cell('prepare', ids.prepare, prepareOptions(splitInput, design)));
    splitInput = ids.prepare;
  }
  blocks.push(
    text(prose.split(design)),
    cell('split', ids.split, { input: splitInput, test: { value: TEST_FRACTION, min: 0.05, max: 0.5 }, ...(task === 'classification' ? { stratify: target } : {}), seed: SEED }),
    text(prose.models(design)),
    cell('baseline', ids.baseline, { input: ids.split, target, task }),
    cell(task === 'regression' ? 'regression' : 'classifier', ids.model, modelOptions(design)),
    text(prose.evaluate(design)),
    cell('evaluate', ids.evaluate, { input: ids.model }),
    text(prose.crossval(design, crossvalMethods(design))),
    cell('crossval', ids.crossval, crossvalOptions(design)),
    text(prose.sweep(design)),
    cell('sweep', ids.sweep, sweepOptions(design)),
  );
  return blocks;
}

function lookOptions(datasetId: string, design: BuildDesign, look: Association[]): Record<string, unknown> | undefined {
  const [first, second] = look;
  if (design.task === 'regression') {
    return first ? { input: datasetId, kind: 'scatter', x: first.feature, y: design.target } : { input: datasetId, kind: 'histogram', x: design.target };
  }
  if (second) return { input: datasetId, kind: 'scatter', x: first.feature, y: second.feature, color: design.target };
  return first ? { input: datasetId, kind: 'histogram', x: first.feature } : undefined;
}

function prepareOptions(input: string, design: BuildDesign): Record<string, unknown> {
  const options: Record<string, unknown> = { input, label: design.target };
  if (design.impute.length) options.missing = { strategy: 'median', columns: design.impute, indicator: true };
  if (design.encode.length) options.encode = design.dropFirst ? { columns: design.encode, dropFirst: true } : design.encode;
  if (design.scale.length) options.scale = { method: 'standard', columns: design.scale };
  return options;
}

function modelOptions(design: BuildDesign): Record<string, unknown> {
  const options: Record<string, unknown> = { input: BUILT_IDS.split, target: design.target, features: design.modelFeatures };
  if (design.penalty === 'l2') Object.assign(options, { penalty: 'l2', alpha: PENALTY });
  return options;
}

export function crossvalMethods(design: BuildDesign): string[] {
  // A stratified holdout of the training rows needs a test row for every class.
  const holdout = Math.ceil(design.trainRows * TEST_FRACTION) >= design.classes.length ? ['holdout'] : [];
  return [...holdout, 'kfold', ...(design.trainRows > MAX_LOO_ROWS ? [] : ['loo'])];
}

function crossvalOptions(design: BuildDesign): Record<string, unknown> {
  return {
    model: BUILT_IDS.model,
    methods: crossvalMethods(design),
    k: { value: 5, min: 2, max: 10 },
    ...(design.task === 'classification' ? { stratify: design.target } : {}),
    seed: SEED,
  };
}

function sweepOptions(design: BuildDesign): Record<string, unknown> {
  if (design.sweep === 'alpha') return { model: BUILT_IDS.model, parameter: 'alpha' };
  // Each degree adds one term per feature; stop while there are rows enough for every term.
  const terms = (degree: number) => degree * design.modelFeatures.length + 1;
  let to = 8;
  while (to > 2 && terms(to) > design.trainRows / 2) to--;
  return { model: BUILT_IDS.model, parameter: 'degree', values: { from: 1, to } };
}
