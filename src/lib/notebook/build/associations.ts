// How strongly each numeric feature goes with the target, to choose what the
// built notebook plots first: |Pearson r| for a numeric target, the
// correlation ratio η² (the share of a feature's variance that lies between
// the classes' means) for classes. Rows where either value is missing are
// skipped.
import { getColumn, numericValues, type Table } from '../../data/table';

export interface Association {
  feature: string;
  /** Pearson r (regression) or η² (classification). */
  value: number;
}

export function correlations(table: Table, target: string, features: string[]): Association[] {
  const y = numericValues(table, target);
  return ranked(features.map((feature) => ({ feature, value: pearson(numericValues(table, feature), y) })));
}

export function correlationRatios(table: Table, target: string, features: string[]): Association[] {
  const column = getColumn(table, target)!;
  const labels = Array.from({ length: table.rowCount }, (_, row) => {
    const v = column.values[row];
    return v === null || (typeof v === 'number' && Number.isNaN(v)) ? null : String(v);
  });
  return ranked(features.map((feature) => ({ feature, value: etaSquared(numericValues(table, feature), labels) })));
}


/** Strongest first; a NaN (a constant column) counts as no association. */
function ranked(list: Association[]): Association[] {
  const strength = (a: Association) => (Number.isNaN(a.value) ? -1 : Math.abs(a.value));
  return list.sort((a, b) => strength(b) - strength(a));
}

function pearson(x: Float64Array, y: Float64Array): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]) || Number.isNaN(y[i])) continue;
    n++;
    sx += x[i];
    sy += y[i];
  }
  if (n < 2) return NaN;
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]) || Number.isNaN(y[i])) continue;
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

function etaSquared(x: Float64Array, labels: (string | null)[]): number {
  const groups = new Map<string, { n: number; sum: number }>();
  let n = 0;
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const label = labels[i];
    if (label === null || Number.isNaN(x[i])) continue;
    const g = groups.get(label) ?? { n: 0, sum: 0 };
    g.n++;
    g.sum += x[i];
    groups.set(label, g);
    n++;
    sum += x[i];
  }
  if (n < 2) return NaN;
  const mean = sum / n;
  let total = 0;
  for (let i = 0; i < x.length; i++) if (labels[i] !== null && !Number.isNaN(x[i])) total += (x[i] - mean) ** 2;
  let between = 0;
  for (const g of groups.values()) between += g.n * (g.sum / g.n - mean) ** 2;
  return total > 0 ? between / total : NaN;
}
