// Test data for the network: a generated two-feature table as row-major float32 rows and 0/1 targets.
import { generateDataset, type Shape } from '../../../src/lib/data/generate';
import type { NetworkData } from '../../../src/lib/nn/types';

export function generatedRows(shape: Shape, rows: number, noise: number, seed: number): NetworkData {
  const table = generateDataset({ shape, rows, noise, seed });
  const [x1, x2, label] = table.columns;
  const X = new Float32Array(rows * 2);
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    X[2 * i] = (x1.values as Float64Array)[i];
    X[2 * i + 1] = (x2.values as Float64Array)[i];
    y[i] = (label.values as string[])[i] === 'B' ? 1 : 0;
  }
  return { X, y, rows };
}
