// "Show Python": pandas + scikit-learn code that reproduces a model cell's
// experiment (the file as fitbook read it, the same split rows, the same
// preparation learned on the training rows, the same objective, the same
// metrics), so it can move to Jupyter or SageMaker and to data that has
// outgrown a browser. Pure: the shell gathers a PythonRecipe from the cells.
import type { StepSpec } from '../../data/prepare';
import { MISSING_MARKERS } from '../../data/missing';
import { pyList, pyString } from './literal';
import { modelCode, modelImports, type ModelRecipe } from './model';
import { prepareCode, prepareImports } from './prepare';

export type { ModelRecipe, RegressionModelRecipe, ClassifierModelRecipe } from './model';

export interface DataRecipe {
  /** The file name (the code expects it beside the script). */
  file: string;
  delimiter: string;
  /** Column names as fitbook made them (header trimmed, repeats renamed). */
  columns: string[];
  /** The reader's own missing-value spellings, besides fitbook's. */
  missingMarkers: string[];
  /** Columns fitbook read as numbers that pandas may read as text (thousands separators, decimal commas). */
  numeric: string[];
  decimalComma: boolean;
  /** Two-valued columns fitbook reads as 0/1, with their spellings [0, 1]. */
  booleans: { column: string; labels: [string, string] }[];
  /** Rows with the wrong number of fields were skipped. */
  skipBadRows: boolean;
}

export interface PythonRecipe {
  /** Where it comes from, for the header comment: notebook title and cell id. */
  notebook: string;
  cell: string;
  data: DataRecipe;
  /** Row numbers (0-based, of the table the split cell split) in each part; absent: all rows train. */
  split?: { train: ArrayLike<number>; validation?: ArrayLike<number>; test: ArrayLike<number>; describe: string };
  steps: StepSpec[];
  model: ModelRecipe;
}

/** Every spelling fitbook reads as missing, as pandas needs them (it compares exactly). */
function missingSpellings(extra: string[]): string[] {
  const spellings = new Set<string>(['']);
  for (const marker of [...MISSING_MARKERS, ...extra]) {
    const m = marker.trim();
    for (const s of [m, m.toLowerCase(), m.toUpperCase(), m[0]?.toUpperCase() + m.slice(1).toLowerCase()]) if (s) spellings.add(s);
  }
  return [...spellings];
}

function readCode(data: DataRecipe): string {
  const lines = [
    `# 1. The data, read as fitbook read ${data.file}: same column names, same missing-value spellings.`,
    `df = pd.read_csv(`,
    `    ${pyString(data.file)},`,
    `    sep=${pyString(data.delimiter)},`,
    `    header=0,`,
    `    names=${pyList(data.columns, '        ')},`,
    `    keep_default_na=False,`,
    `    na_values=${pyList(missingSpellings(data.missingMarkers), '        ')},`,
    '    skipinitialspace=True,',
  ];
  if (data.skipBadRows) lines.push('    on_bad_lines="skip",');
  lines.push(')');
  if (data.numeric.length) {
    const fix = data.decimalComma ? '.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)' : '.str.replace(",", "", regex=False)';
    lines.push(
      `# Numbers written with ${data.decimalComma ? 'decimal commas' : 'thousands separators'} or spaces, which fitbook reads as numbers.`,
      `for c in ${pyList(data.numeric)}:`,
      '    if df[c].dtype == object:',
      `        df[c] = pd.to_numeric(df[c].str.replace(" ", "", regex=False)${fix})`,
    );
  }
  for (const { column, labels } of data.booleans) {
    lines.push(
      `df[${pyString(column)}] = df[${pyString(column)}].astype("string").str.strip().str.lower().map({${pyString(labels[0].toLowerCase())}: 0, ${pyString(labels[1].toLowerCase())}: 1}).astype("Int64")`,
    );
  }
  return lines.join('\n');
}

function splitCode(split: PythonRecipe['split']): string {
  if (!split) return '# 2. No split: the model learns from every row.\nparts = {"train": df}';
  const names = (['train', 'validation', 'test'] as const).filter((p) => split[p] !== undefined);
  return [
    `# 2. The split: the rows fitbook's split cell put in each part (${split.describe}).`,
    ...names.map((p) => `${p}_rows = ${pyList(Array.from(split[p]!))}`),
    `parts = {${names.map((p) => `${pyString(p)}: df.iloc[${p}_rows]`).join(', ')}}`,
  ].join('\n');
}

export function pythonCode(recipe: PythonRecipe): string {
  const imports = ['import numpy as np', 'import pandas as pd', ...prepareImports(recipe.steps), ...modelImports(recipe.model)];
  const sections = [
    `# fitbook: cell "${recipe.cell}" of the notebook "${recipe.notebook}", in pandas and scikit-learn.`,
    `# Put ${recipe.data.file} beside this script and run it with Python 3 (scikit-learn 1.2 or later).`,
    imports.join('\n'),
    readCode(recipe.data),
    splitCode(recipe.split),
  ];
  if (recipe.steps.length) {
    sections.push(
      '# 3. The preparation: each step learns from the training rows only, then changes every part the same way.\n' +
        prepareCode(recipe.steps),
    );
  }
  sections.push(`# ${recipe.steps.length ? 4 : 3}. The model and its metrics on every part.\n` + modelCode(recipe.model));
  return sections.join('\n\n') + '\n';
}
