// Python for a model cell: its design matrix (fitbook's feature names,
// polynomial powers as `x^2`), the scikit-learn estimator with the same
// objective (see docs/engine.md for the penalty conventions), and the metrics
// the cell shows, on every part.
import { pyList, pyNumber, pyString } from './literal';

export interface RegressionModelRecipe {
  kind: 'regression';
  target: string;
  features: string[];
  degree: number;
  intercept: boolean;
  penalty: 'none' | 'l2' | 'l1';
  alpha: number;
  gradientDescent: boolean;
}

export interface ClassifierModelRecipe {
  kind: 'classifier';
  target: string;
  features: string[];
  intercept: boolean;
  penalty: 'none' | 'l2' | 'l1';
  alpha: number;
  classWeight: 'none' | 'balanced';
  threshold: number;
  multinomial?: boolean;
  gradientDescent: boolean;
}

export type ModelRecipe = RegressionModelRecipe | ClassifierModelRecipe;

export function modelImports(model: ModelRecipe): string[] {
  if (model.kind === 'regression') {
    const estimator = model.penalty === 'none' ? 'LinearRegression' : model.penalty === 'l2' ? 'Ridge' : 'Lasso';
    return [
      `from sklearn.linear_model import ${estimator}`,
      'from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score',
    ];
  }
  return [
    'from sklearn.linear_model import LogisticRegression',
    'from sklearn.metrics import accuracy_score, log_loss, precision_recall_fscore_support, roc_auc_score',
  ];
}

function designCode(features: string[], degree: number): string {
  const lines = [`FEATURES = ${pyList(features)}`, '', 'def design(part):', '    X = part[FEATURES].astype(float)'];
  if (degree > 1) {
    lines.push(
      `    # Powers of each feature up to ${degree} (fitbook's polynomial features: no interactions).`,
      '    for c in FEATURES:',
      `        for power in range(2, ${degree + 1}):`,
      '            X[f"{c}^{power}"] = X[c] ** power',
    );
  }
  lines.push('    return X');
  return lines.join('\n');
}

/** The estimator, fitted on X_train and y_train. */
function regressionEstimator(m: RegressionModelRecipe): string {
  const intercept = `fit_intercept=${m.intercept ? 'True' : 'False'}`;
  if (m.penalty === 'none') return `model = LinearRegression(${intercept})`;
  if (m.penalty === 'l2') {
    return [
      "# fitbook's alpha is scikit-learn's Ridge alpha divided by the number of training rows.",
      `model = Ridge(alpha=${pyNumber(m.alpha)} * len(X_train), ${intercept})`,
    ].join('\n');
  }
  return [
    "# The same objective as fitbook's l1 penalty; a tight tolerance so the answer matches to many digits.",
    `model = Lasso(alpha=${pyNumber(m.alpha)}, ${intercept}, tol=1e-12, max_iter=1_000_000)`,
  ].join('\n');
}

function classifierEstimator(m: ClassifierModelRecipe): string {
  const shared = `fit_intercept=${m.intercept ? 'True' : 'False'}, class_weight=${m.classWeight === 'balanced' ? '"balanced"' : 'None'}`;
  // Newton's method, like fitbook's exact solver: lbfgs stops on a relative change in the loss and
  // leaves the coefficients a few 1e-4 away; newton-cg reaches them to 1e-8.
  const newton = 'solver="newton-cg", tol=1e-8, max_iter=1000';
  if (m.penalty === 'none') return `model = LogisticRegression(penalty=None, ${shared}, ${newton})`;
  const solver = m.penalty === 'l1' ? 'solver="saga", tol=1e-12, max_iter=1_000_000' : newton;
  return [
    "# fitbook's penalty strength λ is scikit-learn's C = 1 / (n·λ), n the number of training rows.",
    `model = LogisticRegression(penalty=${pyString(m.penalty)}, C=1 / (len(X_train) * ${pyNumber(m.alpha)}), ${shared}, ${solver})`,
  ].join('\n');
}

function regressionReport(): string {
  return [
    'print("Intercept:", model.intercept_)',
    'coefficients = pd.Series(model.coef_, index=X_train.columns)',
    'print(coefficients.to_string())',
    'for name, part in parts.items():',
    '    actual, predicted = part[TARGET], model.predict(design(part))',
    '    mse = mean_squared_error(actual, predicted)',
    '    print(f"{name}: R² {r2_score(actual, predicted):.6g}, MSE {mse:.6g}, RMSE {np.sqrt(mse):.6g}, MAE {mean_absolute_error(actual, predicted):.6g}")',
  ].join('\n');
}

function classifierReport(m: ClassifierModelRecipe): string {
  return [
    'classes = model.classes_',
    'print("Intercept:", model.intercept_)',
    '# One column of coefficients per class, or one for the second (positive) class of two.',
    'coefficients = pd.DataFrame(model.coef_.T, index=X_train.columns, columns=[str(c) for c in (classes if len(classes) > 2 else classes[1:])])',
    'print(coefficients.to_string())',
    `THRESHOLD = ${pyNumber(m.threshold)}`,
    'for name, part in parts.items():',
    '    actual, proba = part[TARGET], model.predict_proba(design(part))',
    '    if len(classes) == 2:',
    '        # The positive class when its probability is at least the threshold, as in fitbook.',
    '        predicted = np.where(proba[:, 1] >= THRESHOLD, classes[1], classes[0])',
    '        p, r, f1, _ = precision_recall_fscore_support(actual, predicted, pos_label=classes[1], average="binary", zero_division=0)',
    '        auc = roc_auc_score(actual == classes[1], proba[:, 1])',
    '    else:',
    '        predicted = classes[proba.argmax(axis=1)]',
    '        p, r, f1, _ = precision_recall_fscore_support(actual, predicted, average="macro", zero_division=0)',
    '        auc = float("nan")',
    '    print(f"{name}: accuracy {accuracy_score(actual, predicted):.6g}, precision {p:.6g}, recall {r:.6g}, F1 {f1:.6g}, "',
    '          f"log loss {log_loss(actual, proba, labels=classes):.6g}, AUC {auc:.6g}")',
  ].join('\n');
}

export function modelCode(m: ModelRecipe): string {
  const notes: string[] = [];
  if (m.gradientDescent) {
    notes.push(
      '# fitbook trained this cell by gradient descent on TensorFlow.js; scikit-learn solves the same',
      '# objective exactly, so these numbers are where gradient descent is heading.',
    );
  }
  if (m.kind === 'classifier' && m.multinomial) {
    notes.push(
      '# fitbook fits a softmax here; scikit-learn fits a sigmoid for two classes. Without a penalty its',
      '# coefficients are the difference of fitbook\'s two rows.',
    );
  }
  return [
    ...notes,
    `TARGET = ${pyString(m.target)}`,
    designCode(m.features, m.kind === 'regression' ? m.degree : 1),
    '',
    'X_train, y_train = design(parts["train"]), parts["train"][TARGET]',
    m.kind === 'regression' ? regressionEstimator(m) : classifierEstimator(m),
    'model.fit(X_train, y_train)',
    '',
    m.kind === 'regression' ? regressionReport() : classifierReport(m),
  ].join('\n');
}
