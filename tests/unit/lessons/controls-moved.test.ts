// A new reader moves the controls the lessons' "Try this" lists suggest: no
// cell may end in error, and the point each lesson makes must still show.
import { describe, expect, it } from 'vitest';
import { cellsOf, type Notebook } from '../../../src/lib/notebook/model';
import type { ClassifierOutput } from '../../../src/cells/classifier/run';
import type { BootstrapOutput } from '../../../src/cells/bootstrap/run';
import type { ImputationOutput } from '../../../src/cells/imputation/run';
import { runNotebook } from './run-notebook';

/** Sets options of cells by id, as moving their controls would. */
function moved(changes: Record<string, Record<string, unknown>>) {
  return (notebook: Notebook) => {
    for (const cell of cellsOf(notebook)) if (changes[cell.id]) Object.assign(cell.options, changes[cell.id]);
  };
}

describe('the new lessons with their controls moved', () => {
  it('fraud: under-sampling, a high miss cost, a low threshold and another split seed', async () => {
    const { outputs, errors } = await runNotebook(
      'notebooks/imbalanced-classes.md',
      moved({
        holdout: { seed: 7 },
        rebalanced: { resample: 'under', seed: 3 },
        detector: { threshold: { value: 0.05, min: 0, max: 1 } },
        cost: { missedCost: { value: 500, min: 0, max: 500 } },
      }),
    );
    expect(errors).toEqual({});
    const detector = outputs.detector as ClassifierOutput;
    // A low threshold trades precision for recall.
    expect(detector.metrics.test!.recall).toBeGreaterThan(0.5);
    expect((outputs.rebalanced as ClassifierOutput).metrics.test!.recall).toBeGreaterThan(0.5);
  });

  it('non-linear: noisier moons, degree 10, a spiral, and XOR at degree 1', async () => {
    const { outputs, errors } = await runNotebook(
      'notebooks/non-linear-boundaries.md',
      moved({
        moons: { noise: { value: 0.5, min: 0, max: 1 } },
        curve: { degree: { value: 10, min: 1, max: 10 } },
        few: { seed: 9 },
        rings: { shape: 'spiral' },
        'ring-model': { degree: { value: 6, min: 1, max: 10 } },
        'xor-model': { degree: { value: 1, min: 1, max: 10 } },
      }),
    );
    expect(errors).toEqual({});
    // A line cannot do XOR: about a coin toss on the training rows.
    expect((outputs['xor-model'] as ClassifierOutput).metrics.train!.accuracy).toBeLessThan(0.7);
  });

  it('correlated: a strong penalty narrows every spread; few resamples still run', async () => {
    const { outputs, errors } = await runNotebook(
      'notebooks/correlated-features.md',
      moved({
        ridge: { alpha: { value: 10, min: 0.0001, max: 10, scale: 'log' } },
        'ols-spread': { resamples: { value: 20, min: 20, max: 1000 } },
      }),
    );
    expect(errors).toEqual({});
    const ridge = (outputs['ridge-spread'] as BootstrapOutput).terms.slice(1);
    const ols = (outputs['ols-spread'] as BootstrapOutput).terms.slice(1);
    ridge.forEach((t, k) => expect(t.sd, t.name).toBeLessThan(ols[k].sd));
  });

  it('missing values: another seed, two features, and a subset of the strategies', async () => {
    const { outputs, errors } = await runNotebook(
      'notebooks/missing-value-strategies.md',
      moved({ holdout: { seed: 1 }, strategies: { features: ['RM', 'LSTAT'], strategies: ['median', 'drop'] } }),
    );
    expect(errors).toEqual({});
    expect((outputs.strategies as ImputationOutput).scores.map((s) => s.strategy)).toEqual(['median', 'drop']);
  });

  it('Boston: the correlation plot with another target', async () => {
    const { errors } = await runNotebook('notebooks/exploring-boston.md', moved({ 'with-target': { y: 'RM' }, target: { x: 'CRIM' } }));
    expect(errors).toEqual({});
  });
});
