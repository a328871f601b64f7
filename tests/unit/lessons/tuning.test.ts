// "Tuning hyperparameters" runs in Node with no cell in error and tells its
// story: random and Bayesian search (with early stopping) come within the
// fold-to-fold spread of grid search's best at fewer fits. (Grid search is
// checked against GridSearchCV in tests/unit/tuning/search.test.ts.)
import { describe, expect, it } from 'vitest';
import type { SearchOutput } from '../../../src/cells/search/run';
import { runNotebook } from './run-notebook';

describe('Tuning hyperparameters', () => {
  it('finds settings as good as the grid within its spread, with fewer fits', async () => {
    const { outputs, errors } = await runNotebook('notebooks/tuning.md');
    expect(errors).toEqual({});
    const [grid, random, bayesian] = ['grid', 'random', 'bayesian'].map((id) => outputs[id] as SearchOutput);
    const best = (s: SearchOutput) => s.trials[s.best];
    expect(grid.fits).toBe(125);
    expect(random.fits).toBe(60);
    expect(bayesian.fits).toBeLessThan(random.fits);
    expect(bayesian.trials.some((t) => t.stoppedEarly)).toBe(true);
    for (const search of [random, bayesian]) expect(best(search).mean - best(grid).mean).toBeLessThan(best(grid).std);
  });
});
