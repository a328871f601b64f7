// The sentences between the built cells: what each cell shows for this data,
// with the numbers taken from the data (counts, shares, correlations).
import { getColumn, type Table } from '../../data/table';
import type { Association } from './associations';
import type { BuildDesign, BuildRequest } from './plan';
import { code, count, list, percent, plain } from './words';

export function introduction(request: BuildRequest, design: BuildDesign): string {
  const { table, summaries, fileName } = request;
  const summary = summaries.find((s) => s.name === design.target);
  const what =
    design.task === 'regression'
      ? `a number that runs from ${plain(summary?.min ?? NaN)} to ${plain(summary?.max ?? NaN)} (mean ${plain(summary?.mean ?? NaN)})`
      : `one of ${count(design.classes.length, 'class', 'classes')}: ${list(design.classes.map((c) => `${c.label} (${count(c.rows, 'row')})`))}`;
  const sentences = [
    `This notebook was built from **${fileName}**, ${count(table.rowCount, 'row')} and ${count(table.columns.length, 'column')}. ` +
      `It predicts ${code(design.target)}, ${what}, from ${count(design.features.length, 'feature')}: ${list(design.features.map(code), 12)}.`,
  ];
  const leftOut = request.roles.filter((r) => r.reason !== undefined);
  if (leftOut.length) {
    sentences.push(`Left out: ${leftOut.map((r) => `${code(r.name)} (${r.reason})`).join('; ')}.`);
  }
  sentences.push('Every cell below is an ordinary cell: change its options and the cells after it follow.');
  return sentences.join(' ');
}

export function look(design: BuildDesign, associations: Association[]): string {
  const [first, second] = associations;
  if (design.task === 'regression') {
    if (!first) return `No feature is a number, so here is how ${code(design.target)} itself is spread.`;
    const others = associations.slice(1, 3).filter((a) => !Number.isNaN(a.value));
    const rest = others.length ? ` Next come ${list(others.map((a) => `${code(a.feature)} (r = ${plain(a.value, 2)})`))}.` : '';
    return (
      `Of the numeric features, ${code(first.feature)} goes most closely with ${code(design.target)}: ` +
      `their correlation is r = ${plain(first.value, 2)} (${strength(first.value)}, ${first.value >= 0 ? 'rising together' : 'one falling as the other rises'}).${rest}`
    );
  }
  if (!first) return '';
  if (!second) return `${code(first.feature)} is the only numeric feature; its histogram shows how its values spread.`;
  return (
    `${code(first.feature)} and ${code(second.feature)} separate the classes of ${code(design.target)} best: ` +
    `the class means account for ${percent(first.value)} and ${percent(second.value)} of their variance. Each point is a row, coloured by its class.`
  );
}

function strength(r: number): string {
  const a = Math.abs(r);
  return a >= 0.7 ? 'strong' : a >= 0.4 ? 'moderate' : a >= 0.2 ? 'weak' : 'very weak';
}

export function dropTarget(design: BuildDesign, rows: number): string {
  return (
    `${code(design.target)} is missing on ${count(design.dropTargetRows, 'row')}, ${percent(design.dropTargetRows / rows)} of the file. ` +
    'A row without a target can be neither learned from nor scored, so this cell drops those rows first.'
  );
}

export function prepare(design: BuildDesign, source: Table): string {
  const gaps = (name: string) => {
    let n = 0;
    for (const v of getColumn(source, name)!.values) if (v === null || (typeof v === 'number' && Number.isNaN(v))) n++;
    return n;
  };
  const sentences: string[] = [];
  if (design.impute.length) {
    const columns = design.impute.map((name) => ({ name, n: gaps(name) }));
    const share = (n: number) => percent(n / source.rowCount);
    const [first] = columns;
    const which =
      columns.length === 1
        ? `${code(first.name)} has ${count(first.n, 'missing value')}, ${share(first.n)} of rows; ${first.n === 1 ? 'it is' : 'they are'}`
        : `Values are missing in ${list(columns.map((c) => `${code(c.name)} (${c.n}, ${share(c.n)} of rows)`))}; they are`;
    sentences.push(`${which} filled with the training median, and a 0/1 column such as ${code(`${first.name}_missing`)} marks the filled rows.`);
  }
  if (design.encode.length) {
    const withGaps = design.encode.filter((name) => gaps(name) > 0);
    sentences.push(
      `One-hot encoding turns ${list(design.encode.map(code))} into 0/1 columns, one per category` +
        (design.dropFirst ? ', leaving out the first category, which the intercept stands for.' : '.') +
        (withGaps.length ? ` A missing ${list(withGaps.map(code))} becomes a row with all of its columns 0.` : ''),
    );
  }
  if (design.scale.length) {
    sentences.push(
      `The model's L2 penalty charges every weight alike, so ${list(design.scale.map(code))} ${design.scale.length === 1 ? 'is' : 'are'} standardised to mean 0 and standard deviation 1.`,
    );
  }
  if (sentences.length === 0) sentences.push('Nothing else needs preparing: every feature is a complete number.');
  sentences.push('The split below learns all of this from the training rows only.');
  return sentences.join(' ');
}

export function split(design: BuildDesign): string {
  const stratified =
    design.task === 'classification' ? ` It is stratified by ${code(design.target)}, so both parts keep the class shares of the whole file.` : '';
  return `The split keeps ${percent(design.split.test)} of the rows, ${count(design.testRows, 'row')}, out of training to test on, and trains on the other ${design.trainRows}.${stratified}`;
}

export function models(design: BuildDesign): string {
  const n = design.modelFeatures.length;
  const baseline =
    design.task === 'regression'
      ? `The baseline predicts the training mean of ${code(design.target)} for every row.`
      : `The baseline predicts the most frequent class of the training rows for every row${tied(design) ? '' : ` (${design.classes[0]?.label})`}.`;
  const model =
    design.task === 'regression'
      ? design.penalty === 'none'
        ? `The regression fits a straight line (least squares, solved exactly) on ${count(n, 'column')}.`
        : `The regression is solved exactly on ${count(n, 'column')}, with a small L2 penalty (ridge) that keeps the fit unique when columns overlap.`
      : `The classifier is a logistic regression on ${count(n, 'column')}, solved exactly, with a small L2 penalty that keeps the weights finite when classes separate cleanly.`;
  return `${baseline} A model is only worth having if it beats that on the test rows. ${model}`;
}

/** Whether the most common classes are equally common (the baseline then takes the first in sorted order). */
function tied(design: BuildDesign): boolean {
  return design.classes.length > 1 && design.classes[0].rows === design.classes[1].rows;
}

export function evaluate(design: BuildDesign): string {
  return design.task === 'regression'
    ? `The evaluation judges the model on the ${count(design.testRows, 'test row')} it never saw: predicted against actual ${code(design.target)}, and the residuals.`
    : `The evaluation judges the classifier on the ${count(design.testRows, 'test row')} it never saw: which classes it confuses, and how well its probabilities rank the rows.`;
}

export function crossval(design: BuildDesign, methods: string[]): string {
  const loo = methods.includes('loo')
    ? ' Leave-one-out fits one model per training row.'
    : ` Leave-one-out is left out: it would fit ${design.trainRows} models; add it in the cell's options if you want it.`;
  return `One split is one draw of luck. Cross-validation refits the model on 5 folds of the ${count(design.trainRows, 'training row')} and shows how much the score moves from fold to fold.${loo}`;
}

export function sweep(design: BuildDesign): string {
  if (design.sweep === 'degree') {
    return (
      `With ${count(design.modelFeatures.length, 'numeric feature')}, the telling question is whether a curve fits better than a line. ` +
      'The sweep refits the model for each polynomial degree and scores it on the test rows; the star marks the best degree.'
    );
  }
  const why = design.task === 'regression' ? `With ${count(design.modelFeatures.length, 'column')} to weigh` : 'For a classifier';
  return (
    `${why}, the penalty strength α is the setting that matters most: too little and the model follows noise, too much and it predicts the same for everyone. ` +
    'The sweep refits the model for α from 0.0001 to 100 and scores each fit on the test rows.'
  );
}
