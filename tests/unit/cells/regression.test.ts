import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsvText } from '../../../src/lib/data/csv/read';
import { fitLinear } from '../../../src/lib/ml/linear';
import { featureMatrix, numericTarget } from '../../../src/cells/shared/design';
import { runRegression, runRegressionCell, type RegressionOutput } from '../../../src/cells/regression/run';
import { regressionSchema } from '../../../src/cells/regression/schema';
import { runContext as context } from './context';

const houses = readCsvText(readFileSync('datasets/boston-housing.csv')).table;
const parse = (o: Record<string, unknown>) => regressionSchema.parse({ input: 'd', target: 'MEDV', ...o });

describe('regression cell run', () => {
  it('reports the exact fit of the engine, with R² and MSE on the training rows', () => {
    const out = runRegression(context(parse({ features: ['RM', 'LSTAT'] }), { d: { table: houses } })) as RegressionOutput;
    const reference = fitLinear(featureMatrix(houses, ['RM', 'LSTAT']), numericTarget(houses, 'MEDV'), { featureNames: ['RM', 'LSTAT'] });
    expect(out.solver).toBe('exact');
    expect(Array.from(out.model.coefficients)).toEqual(Array.from(reference.model.coefficients));
    expect(out.metrics.train!.r2).toBeCloseTo(reference.summary.r2, 12);
    expect(out.metrics.train!.mse).toBeCloseTo(reference.summary.rss / houses.rowCount, 9);
    expect(out.coefficients.map((c) => c.name)).toEqual(['Intercept', 'RM', 'LSTAT']);
  });

  it('refuses the target as a feature', () => {
    expect(() => runRegression(context(parse({ features: ['MEDV'] }), { d: { table: houses } }))).toThrow(/cannot also be a feature/);
  });

  it('trains by gradient descent to the exact solution, publishing the loss as it goes', async () => {
    const options = parse({ features: ['RM'], solver: 'gradient-descent', optimizer: 'sgd', learningRate: 0.5, epochs: 200 });
    const ctx = context<typeof options>(options, { d: { table: houses } });
    const out = (await runRegressionCell(ctx)) as RegressionOutput;
    expect(out.solver).toBe('gradient-descent');
    const exactSlope = out.fit.model.coefficients[0];
    expect(Math.abs(out.model.coefficients[0] - exactSlope)).toBeLessThan(1e-3 * Math.abs(exactSlope));
    // The trained model's coefficient sits beside the exact one in the table.
    expect(out.coefficients.find((c) => c.name === 'RM')).toMatchObject({ estimate: exactSlope, other: out.model.coefficients[0] });
    expect(out.training!.history.length).toBeGreaterThan(10);
    expect(out.training!.history.at(-1)!.trainLoss).toBeCloseTo(out.fit.summary.rss / houses.rowCount, 3);
    expect(ctx.progressSeen.at(-1)).toBe(1);
  });

  it('stops when its run is aborted, with an abort error rather than a result', async () => {
    const controller = new AbortController();
    const options = parse({ features: ['RM'], solver: 'gradient-descent', epochs: 5000, batchSize: 1 });
    const ctx = context<typeof options>(options, { d: { table: houses } }, { signal: controller.signal });
    const running = runRegressionCell(ctx);
    setTimeout(() => controller.abort(), 50);
    await expect(running).rejects.toThrow(/abort/i);
  });
});

describe('regression cell on new data that lacks its columns', () => {
  it('offers only numeric columns as replacements', () => {
    const cars = readCsvText('mpg,origin,weight\n21,usa,2.6\n22.8,japan,2.3\n18.7,usa,3.4\n').table;
    const out = runRegression(context(parse({ features: ['RM'] }), { d: { table: cars } }));
    expect(out).toEqual({ needsColumns: true, missing: ['MEDV', 'RM'], available: ['mpg', 'weight'] });
  });
});
