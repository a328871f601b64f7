// Clusters against known classes: the counts of each class in each cluster,
// and the adjusted Rand index (ARI), which is 1 when clusters and classes
// group the rows identically and about 0 for a grouping no better than chance.
import { compareLabels } from '../../lib/ml/labels';

export interface CrossTable {
  column: string;
  classes: string[];
  /** counts[c][j]: rows of class j in cluster c. */
  counts: number[][];
  adjustedRand: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

export function crossTabulate(clusters: ArrayLike<number>, k: number, labels: string[], column: string): CrossTable {
  const classes = [...new Set(labels)].sort(compareLabels);
  const index = new Map(classes.map((c, j) => [c, j]));
  const counts = Array.from({ length: k }, () => new Array<number>(classes.length).fill(0));
  labels.forEach((label, i) => counts[clusters[i]][index.get(label)!]++);
  return { column, classes, counts, adjustedRand: adjustedRand(counts, labels.length) };
}

/** Hubert and Arabie's adjusted Rand index from the contingency table (scikit-learn's adjusted_rand_score). */
export function adjustedRand(counts: number[][], n: number): number {
  const rowSums = counts.map((r) => r.reduce((s, v) => s + v, 0));
  const colSums = counts[0].map((_, j) => counts.reduce((s, r) => s + r[j], 0));
  const index = counts.flat().reduce((s, v) => s + pairs(v), 0);
  const a = rowSums.reduce((s, v) => s + pairs(v), 0);
  const b = colSums.reduce((s, v) => s + pairs(v), 0);
  const expected = (a * b) / pairs(n);
  const max = (a + b) / 2;
  // One cluster and one class (or every row its own): the groupings agree trivially.
  return max === expected ? 1 : (index - expected) / (max - expected);
}
