// Reads NIST StRD linear-regression files (tests/fixtures/nist/*.dat): data and certified values.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface NistDataset {
  name: string;
  y: Float64Array;
  /** Predictor columns (x, or x1..x6 for Longley). */
  x: Float64Array[];
  certified: { estimate: number[]; sd: number[]; residualSd: number; r2: number };
}

const dir = fileURLToPath(new URL('../../fixtures/nist/', import.meta.url));

export function readNist(name: string): NistDataset {
  const lines = readFileSync(`${dir}${name}.dat`, 'utf8').split(/\r?\n/);
  const range = lines.join('\n').match(/Data\s+\(lines\s+(\d+)\s+to\s+(\d+)\)/);
  if (!range) throw new Error(`${name}: no data line range`);
  const [from, to] = [Number(range[1]), Number(range[2])];
  const estimate: number[] = [];
  const sd: number[] = [];
  let residualSd = NaN;
  let r2 = NaN;
  for (const line of lines.slice(0, from - 1)) {
    const b = line.match(/^\s*B(\d+)\s+(\S+)\s+(\S+)/);
    if (b) {
      estimate.push(Number(b[2]));
      sd.push(Number(b[3]));
    }
    const s = line.match(/^\s*Standard Deviation\s+(\S+)/);
    if (s) residualSd = Number(s[1]);
    const r = line.match(/^\s*R-Squared\s+(\S+)/);
    if (r) r2 = Number(r[1]);
  }
  const rows = lines.slice(from - 1, to).map((l) => l.trim().split(/\s+/).map(Number));
  const y = Float64Array.from(rows, (r) => r[0]);
  const x = Array.from({ length: rows[0].length - 1 }, (_, j) => Float64Array.from(rows, (r) => r[j + 1]));
  return { name, y, x, certified: { estimate, sd, residualSd, r2 } };
}

/** Log relative error (correct significant digits), capped at 15; absolute when the certified value is 0. */
export function lre(estimate: number, certified: number): number {
  if (estimate === certified) return 15;
  const err = certified === 0 ? Math.abs(estimate) : Math.abs(estimate - certified) / Math.abs(certified);
  return Math.min(15, Math.max(0, -Math.log10(err)));
}
