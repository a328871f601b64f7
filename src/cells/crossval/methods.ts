// Each method as a list of train/test folds over the same n rows: holdout
// is one fold, k-fold k of them, leave-one-out n (built lazily, one at a time).
import type { Table } from '../../lib/data/table';
import {
  holdoutSplit,
  kFold,
  labelsOf,
  leaveOneOut,
  stratifiedHoldoutSplit,
  stratifiedKFold,
  type FoldSequence,
} from '../../lib/validation';
import { sortedCopy } from '../../lib/validation/folds';
import { crossvalMethods, type CrossvalMethod } from './schema';

export interface MethodPlan {
  method: CrossvalMethod;
  /** Row header in the results table: "Holdout", "k-fold (k=5)", "Leave-one-out". */
  label: string;
  folds: FoldSequence;
}

export interface PlanOptions {
  methods: readonly CrossvalMethod[];
  k: number;
  test: number;
  seed: number;
  stratify?: string;
}

export function methodLabel(method: CrossvalMethod, k: number): string {
  return method === 'holdout' ? 'Holdout' : method === 'kfold' ? `k-fold (k=${k})` : 'Leave-one-out';
}

/** The folds of each chosen method, in the order cheapest first (duplicates ignored). */
export function planMethods(table: Table, options: PlanOptions): MethodPlan[] {
  const n = table.rowCount;
  const labels = options.stratify === undefined ? undefined : labelsOf(table, options.stratify);
  const foldsOf = (method: CrossvalMethod): FoldSequence => {
    switch (method) {
      case 'holdout': {
        const fractions = { test: options.test, seed: options.seed };
        const split = labels ? stratifiedHoldoutSplit(labels, fractions) : holdoutSplit(n, fractions);
        return [{ train: sortedCopy(split.train), test: sortedCopy(split.test) }];
      }
      case 'kfold': {
        // Shuffled: data files are often sorted (by town, by date), and unshuffled folds would each see a different population.
        const shuffle = { shuffle: true, seed: options.seed };
        return labels ? stratifiedKFold(labels, options.k, shuffle) : kFold(n, options.k, shuffle);
      }
      case 'loo':
        return leaveOneOut(n);
    }
  };
  return crossvalMethods
    .filter((m) => options.methods.includes(m))
    .map((method) => ({ method, label: methodLabel(method, options.k), folds: foldsOf(method) }));
}
