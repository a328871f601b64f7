// Training-set sizes for a learning curve: how does the score change as the
// model sees more data? Same sizes as scikit-learn's learning_curve with
// train_sizes = np.linspace(from, 1, steps): each fraction times the largest
// training size, truncated to an integer, at least 1, duplicates removed.

export function learningCurveSizes(n: number, steps = 5, from = 0.1): number[] {
  if (!Number.isInteger(n) || n < 1) throw new Error(`Learning curve: the largest training size must be a whole number of at least 1, got ${n}.`);
  if (!Number.isInteger(steps) || steps < 2) throw new Error(`Learning curve: it needs at least 2 sizes (steps ≥ 2), got ${steps}.`);
  if (!(from > 0 && from <= 1)) throw new Error(`Learning curve: the smallest fraction must be more than 0 and at most 1, got ${from}.`);
  const sizes = linspace(from, 1, steps).map((f) => Math.min(n, Math.max(1, Math.trunc(f * n))));
  return [...new Set(sizes)].sort((a, b) => a - b);
}

/** numpy.linspace's arithmetic (start + i·step, the last point exactly stop), so the truncations agree. */
function linspace(start: number, stop: number, num: number): number[] {
  const step = (stop - start) / (num - 1);
  const points = Array.from({ length: num }, (_, i) => i * step + start);
  points[num - 1] = stop;
  return points;
}
