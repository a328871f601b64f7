// Python for a preparation pipeline: each step learns from the training rows
// (the parts' "train" entry) with scikit-learn or numpy, then changes every
// part the same way, exactly as a split cell re-fits fitbook's pipeline on
// its training rows (src/lib/data/prepare/pipeline.ts). Steps keep fitbook's
// column names (`bmi_missing`, `sex_male`, `x_outlier`), so coefficients can
// be compared name by name.
import type { StepSpec } from '../../data/prepare';
import { pyList, pyNumber, pyString, pyValue, stepName } from './literal';

/** Python imports each step kind needs. */
export function prepareImports(steps: readonly StepSpec[]): string[] {
  const imports = new Set<string>();
  for (const step of steps) {
    if (step.step === 'impute') imports.add('from sklearn.impute import SimpleImputer');
    if (step.step === 'scale') {
      imports.add(`from sklearn.preprocessing import ${step.method === 'standard' ? 'StandardScaler' : 'MinMaxScaler'}`);
    }
  }
  return [...imports].sort();
}

/** The code of every step, in order; `parts` is a dict of DataFrames whose "train" entry teaches each step. */
export function prepareCode(steps: readonly StepSpec[]): string {
  return steps.map((step, i) => stepCode(step, i)).join('\n\n');
}

function columnsOf(step: { columns?: string[] }): string {
  return step.columns ? pyList(step.columns) : 'list(parts["train"].columns)';
}

/** Applies the step's function to every part. */
function applyLine(fn: string): string {
  return `parts = {name: ${fn}(part) for name, part in parts.items()}`;
}

function stepCode(step: StepSpec, index: number): string {
  const fn = stepName('step', index);
  const n = index + 1;
  switch (step.step) {
    case 'drop-missing':
      return [
        `# Step ${n}: drop the rows with a missing value${step.columns ? ' in these columns' : ''} (in every part).`,
        `def ${fn}(part):`,
        step.columns ? `    return part.dropna(subset=${pyList(step.columns, '        ')})` : '    return part.dropna()',
        applyLine(fn),
      ].join('\n');
    case 'impute': {
      const imputers = stepName('imputers', index);
      const indicated = stepName('indicated', index);
      const fill = step.strategy === 'constant' && step.value !== undefined ? `, fill_value=${pyValue(step.value)}` : '';
      return [
        `# Step ${n}: fill missing values with the training rows' ${step.strategy.replace('_', ' ')}${step.indicator ? ', with a 0/1 column saying which values were missing' : ''}.`,
        `${imputers} = {c: SimpleImputer(strategy=${pyString(step.strategy)}${fill}).fit(parts["train"][[c]]) for c in ${columnsOf(step)}}`,
        step.indicator
          ? `# Like SimpleImputer(add_indicator=True): only columns that had gaps in the training rows get one.\n${indicated} = [c for c in ${imputers} if parts["train"][c].isna().any()]`
          : `${indicated} = []`,
        `def ${fn}(part):`,
        '    part = part.copy()',
        `    for c in ${indicated}:`,
        '        part[c + "_missing"] = part[c].isna().astype(float)',
        `    for c, imputer in ${imputers}.items():`,
        '        part[c] = imputer.transform(part[[c]]).ravel()',
        '    return part',
        applyLine(fn),
      ].join('\n');
    }
    case 'outliers': {
      const fences = stepName('fences', index);
      const rule =
        step.method === 'iqr'
          ? [
              '    q1, q3 = np.percentile(values, [25, 75])  # linear interpolation, as fitbook',
              `    ${fences}[c] = (q1 - ${pyNumber(step.k ?? 1.5)} * (q3 - q1), q3 + ${pyNumber(step.k ?? 1.5)} * (q3 - q1))`,
            ]
          : [
              '    mean, std = values.mean(), values.std(ddof=1)',
              `    ${fences}[c] = (mean - ${pyNumber(step.threshold ?? 3)} * std, mean + ${pyNumber(step.threshold ?? 3)} * std)`,
            ];
      const act =
        step.action === 'flag'
          ? '        part[c + "_outlier"] = outside.astype(float)'
          : step.action === 'clip'
            ? '        part[c] = part[c].clip(low, high)'
            : '        part = part[~outside]';
      return [
        `# Step ${n}: outliers by the ${step.method === 'iqr' ? 'IQR' : 'z-score'} rule, fences from the training rows; ${step.action} them. A value on a fence is not an outlier, a missing one never is.`,
        `${fences} = {}`,
        `for c in ${columnsOf(step)}:`,
        '    values = parts["train"][c].dropna()',
        ...rule,
        `def ${fn}(part):`,
        '    part = part.copy()',
        `    for c, (low, high) in ${fences}.items():`,
        '        outside = (part[c] < low) | (part[c] > high)',
        act,
        '    return part',
        applyLine(fn),
      ].join('\n');
    }
    case 'one-hot': {
      const levels = stepName('levels', index);
      return [
        `# Step ${n}: one 0/1 column per level seen in the training rows${step.dropFirst ? ', leaving out the first' : ''}; a missing or unseen level gives all zeros.`,
        `${levels} = {c: sorted(parts["train"][c].dropna().astype(str).str.strip().unique()) for c in ${columnsOf(step)}}`,
        `def ${fn}(part):`,
        '    part = part.copy()',
        `    for c, levels in ${levels}.items():`,
        '        text = part[c].astype(str).str.strip().where(part[c].notna())',
        `        for level in levels${step.dropFirst ? '[1:]' : ''}:`,
        '            part[f"{c}_{level}"] = (text == level).astype(float)',
        '        part = part.drop(columns=c)',
        '    return part',
        applyLine(fn),
      ].join('\n');
    }
    case 'scale': {
      const scaler = stepName('scaler', index);
      const columns = stepName('scaled', index);
      const kind = step.method === 'standard' ? 'StandardScaler' : 'MinMaxScaler';
      return [
        `# Step ${n}: ${step.method === 'standard' ? 'standardise (mean 0, population standard deviation 1)' : 'rescale to [0, 1]'} with the training rows' statistics.`,
        `${columns} = ${columnsOf(step)}`,
        `${scaler} = ${kind}().fit(parts["train"][${columns}])`,
        `def ${fn}(part):`,
        '    part = part.copy()',
        `    part[${columns}] = ${scaler}.transform(part[${columns}])`,
        '    return part',
        applyLine(fn),
      ].join('\n');
    }
    case 'shuffle':
      return [
        `# Step ${n}: shuffle the rows. fitbook's shuffle uses its own generator, so the order differs;`,
        '# no fit below depends on the order of rows.',
        `parts = {name: part.sample(frac=1, random_state=${step.seed}) for name, part in parts.items()}`,
      ].join('\n');
  }
}
