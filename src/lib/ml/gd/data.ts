// Prepares float64 data for the trainer: an optional seeded train/validation split, and
// standardisation with the mean and scale of the training rows (kept with the model),
// written as row-major float32.
import { takeMatrixRows, toRowMajorFloat32, type Matrix } from '../matrix';
import { permutation } from '../../data/random';
import { columnScaling } from '../stats';

export interface Split {
  train: Int32Array;
  validation: Int32Array;
}

/** A seeded random holdout of round(n * fraction) rows (both parts in original order). */
export function holdout(n: number, fraction: number, seed: number): Split {
  if (!(fraction > 0 && fraction < 1)) throw new Error(`validationFraction must be between 0 and 1 (got ${fraction}).`);
  const order = permutation(n, (seed ^ 0x9e3779b9) >>> 0);
  const nv = Math.max(1, Math.round(n * fraction));
  return { train: order.slice(nv).sort(), validation: order.slice(0, nv).sort() };
}

export function takeValues<T extends Float64Array | Int32Array>(values: T, rows: Int32Array): T {
  const out = new (values.constructor as new (n: number) => T)(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
  return out;
}

export interface Prepared<Y> {
  train: { X: Matrix; y: Y };
  validation: { X: Matrix; y: Y } | null;
}

/** Training and validation parts: explicit validation data, a holdout fraction, or none. */
export function splitData<Y extends Float64Array | Int32Array>(
  X: Matrix,
  y: Y,
  validation: { X: Matrix; y: Y } | undefined,
  fraction: number | undefined,
  seed: number,
): Prepared<Y> {
  if (validation) return { train: { X, y }, validation };
  if (!fraction) return { train: { X, y }, validation: null };
  const s = holdout(y.length, fraction, seed);
  return {
    train: { X: takeMatrixRows(X, s.train), y: takeValues(y, s.train) },
    validation: { X: takeMatrixRows(X, s.validation), y: takeValues(y, s.validation) },
  };
}

export interface StandardisedFeatures {
  mean: Float64Array;
  scale: Float64Array;
  train: Float32Array;
  validation: Float32Array | null;
}

export function standardiseFeatures(train: Matrix, validation: Matrix | null, centre: boolean): StandardisedFeatures {
  const { mean, scale } = columnScaling(train.columns, centre);
  return {
    mean,
    scale,
    train: toRowMajorFloat32(train, mean, scale),
    validation: validation ? toRowMajorFloat32(validation, mean, scale) : null,
  };
}
