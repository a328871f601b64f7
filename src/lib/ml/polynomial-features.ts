// Polynomial and interaction features for models that are linear in their
// inputs (logistic regression): every product of the features up to a total
// degree, so a linear boundary in the new columns bends in the original
// ones. The columns come in scikit-learn's PolynomialFeatures order
// (include_bias=False): by degree, and within a degree by the features'
// index combinations with repetition, in lexicographic order. For features
// a, b and degree 2 that is a, b, a^2, a·b, b^2.
import type { Matrix } from './matrix';

/** The index combinations (non-decreasing) of every degree from 1 to `degree`. */
export function monomials(features: number, degree: number): number[][] {
  if (!Number.isInteger(degree) || degree < 1) throw new Error(`The degree must be a whole number of at least 1 (got ${degree}).`);
  const out: number[][] = [];
  let level: number[][] = [[]];
  for (let d = 1; d <= degree; d++) {
    level = level.flatMap((combo) => {
      const from = combo.length ? combo[combo.length - 1] : 0;
      return Array.from({ length: features - from }, (_, k) => [...combo, from + k]);
    });
    out.push(...level);
  }
  return out;
}

/** A monomial's name: a, a^2, a·b, a^2·b. */
export function monomialName(combo: number[], names: string[]): string {
  const powers = new Map<number, number>();
  for (const j of combo) powers.set(j, (powers.get(j) ?? 0) + 1);
  return [...powers].map(([j, p]) => (p === 1 ? names[j] : `${names[j]}^${p}`)).join('·');
}

/** How many columns `degree` makes of `features` inputs: C(features + degree, degree) − 1. */
export function polynomialFeatureCount(features: number, degree: number): number {
  let count = 1;
  for (let k = 1; k <= degree; k++) count = (count * (features + k)) / k;
  return Math.round(count) - 1;
}

/** The names of the expanded columns, in order. */
export function polynomialFeatureNames(names: string[], degree: number): string[] {
  return degree === 1 ? names : monomials(names.length, degree).map((combo) => monomialName(combo, names));
}

/** The expanded matrix and its column names; degree 1 returns the input unchanged. */
export function polynomialFeatures(X: Matrix, names: string[], degree: number): { X: Matrix; names: string[] } {
  if (degree === 1) return { X, names };
  const combos = monomials(X.cols, degree);
  const columns = combos.map((combo) => {
    const column = new Float64Array(X.rows).fill(1);
    for (const j of combo) {
      const source = X.columns[j];
      for (let i = 0; i < X.rows; i++) column[i] *= source[i];
    }
    return column;
  });
  return { X: { rows: X.rows, cols: columns.length, columns }, names: polynomialFeatureNames(names, degree) };
}
