// "Clustering with k-means" runs in Node and tells its story with its default
// options: setosa alone in a cluster, the other two species mixed, the
// silhouette best at k = 2 and the elbow's big drop from one cluster to two.
// (The clustering itself is checked against scikit-learn in tests/unit/ml/kmeans.test.ts.)
import { describe, expect, it } from 'vitest';
import { cellsOf } from '../../../src/lib/notebook/model';
import type { KMeansOutput } from '../../../src/cells/kmeans/run';
import { runKMeans } from '../../../src/cells/kmeans/run';
import { kmeansSchema } from '../../../src/cells/kmeans/schema';
import { runContext } from '../cells/context';
import { runNotebook } from './run-notebook';

async function groups(k?: number): Promise<KMeansOutput> {
  const { outputs, errors } = await runNotebook('notebooks/clustering.md', (notebook) => {
    if (k !== undefined) cellsOf(notebook).find((c) => c.id === 'groups')!.options.k = k;
  });
  expect(errors).toEqual({});
  return outputs.groups as KMeansOutput;
}

describe('Clustering with k-means', () => {
  it('finds setosa as a cluster of its own and mixes the other two species', async () => {
    const fit = await groups();
    const { classes, counts, adjustedRand } = fit.comparison!;
    const setosa = classes.indexOf('setosa');
    expect(counts.filter((row) => row[setosa] === 50 && row.reduce((s, n) => s + n, 0) === 50)).toHaveLength(1);
    expect(counts.filter((row) => row.filter((n) => n > 5).length > 1).length).toBeGreaterThan(0);
    expect(adjustedRand).toBeGreaterThan(0.4);
    expect(adjustedRand).toBeLessThan(0.8);
    const drops = fit.elbow.slice(1).map((e, i) => fit.elbow[i].inertia - e.inertia);
    expect(Math.max(...drops)).toBe(drops[0]);
  });

  it('scores the silhouette highest at k = 2', async () => {
    const scores = await Promise.all([2, 3, 4, 5, 6].map(async (k) => (await groups(k)).silhouette!));
    expect(Math.max(...scores)).toBe(scores[0]);
  });

  it('moving k reuses the elbow curve; changing the seed recomputes it', async () => {
    const { outputs } = await runNotebook('notebooks/clustering.md');
    const options = { input: 'iris', features: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'], seed: 42 };
    const run = (extra: Record<string, unknown>) => runKMeans(runContext(kmeansSchema.parse({ ...options, ...extra }), { iris: outputs.iris })) as KMeansOutput;
    const first = run({ k: 3 });
    expect(run({ k: 5 }).elbow).toBe(first.elbow);
    const reseeded = run({ k: 5, seed: 7 });
    expect(reseeded.elbow).not.toBe(first.elbow);
    expect(reseeded.elbow.map((e) => e.k)).toEqual(first.elbow.map((e) => e.k));
  });
});
