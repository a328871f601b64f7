// The bootstrap: draw n rows with replacement from n, refit, repeat. The
// spread of a coefficient over the refits estimates how much it would change
// if the data had been a different sample of the same size: its sampling
// variability, without any formula for its standard error. Features that are
// strongly correlated share their effect in ways the data cannot pin down,
// and their coefficients swing widely from one resample to the next.
import { createRng } from '../data/random';

/** `count` resamples of `n` row indices, each drawn uniformly with replacement (seeded). */
export function bootstrapSamples(n: number, count: number, seed: number): Int32Array[] {
  if (!Number.isInteger(n) || n < 2) throw new Error(`The bootstrap needs at least 2 rows (got ${n}).`);
  if (!Number.isInteger(count) || count < 2) throw new Error(`The bootstrap needs at least 2 resamples (got ${count}).`);
  const rng = createRng(seed);
  return Array.from({ length: count }, () => {
    const rows = new Int32Array(n);
    for (let i = 0; i < n; i++) rows[i] = rng.int(n);
    return rows;
  });
}

export interface BootstrapSpread {
  /** estimates[k][b]: estimate k on resample b. */
  estimates: Float64Array[];
  mean: Float64Array;
  /** Sample standard deviation over the resamples (n − 1 in the denominator). */
  sd: Float64Array;
}

export interface SpreadOptions {
  signal?: AbortSignal;
  /** Called every few refits with the share done; awaiting it lets a page stay responsive. */
  progress?: (fraction: number) => Promise<void> | void;
}

/** Refits between two progress calls. */
const BATCH = 10;

/** Runs `fit` on every resample; `fit` returns the same number of estimates each time. */
export async function bootstrapSpread(
  samples: readonly Int32Array[],
  fit: (rows: Int32Array) => ArrayLike<number>,
  { signal, progress }: SpreadOptions = {},
): Promise<BootstrapSpread> {
  const estimates: Float64Array[] = [];
  for (let b = 0; b < samples.length; b++) {
    signal?.throwIfAborted();
    const values = fit(samples[b]);
    if (b === 0) for (let k = 0; k < values.length; k++) estimates.push(new Float64Array(samples.length));
    for (let k = 0; k < values.length; k++) estimates[k][b] = values[k];
    if (progress && (b + 1) % BATCH === 0) await progress((b + 1) / samples.length);
  }
  const B = samples.length;
  const mean = Float64Array.from(estimates, (e) => e.reduce((s, v) => s + v, 0) / B);
  const sd = Float64Array.from(estimates, (e, k) => Math.sqrt(e.reduce((s, v) => s + (v - mean[k]) ** 2, 0) / (B - 1)));
  return { estimates, mean, sd };
}
