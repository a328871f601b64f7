// The non-linear boundaries notebook: generated shapes checked against their
// geometry, and the polynomial classifier against scikit-learn's
// PolynomialFeatures + LogisticRegression on the same training rows.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClassifierOutput } from '../../../src/cells/classifier/run';
import type { SweepOutput } from '../../../src/cells/sweep/run';
import { generateDataset, SHAPE_NAMES } from '../../../src/lib/data/generate';
import { getColumn, type NumericColumn, type StringColumn } from '../../../src/lib/data/table';
import { polynomialFeatureNames, polynomialFeatures } from '../../../src/lib/ml/polynomial-features';
import { noPythonReason, python, runPythonScript } from '../../python-reference';
import { runNotebook } from './run-notebook';
import type { CellResults } from '../run-cells';

if (!python) console.log(`Skipping the scikit-learn checks of the non-linear notebook: ${noPythonReason}.`);

const xs = (table: ReturnType<typeof generateDataset>) => ({
  x1: (getColumn(table, 'x1') as NumericColumn).values,
  x2: (getColumn(table, 'x2') as NumericColumn).values,
  label: (getColumn(table, 'class') as StringColumn).values,
});

describe('generated shapes', () => {
  it('without noise, moons lie on their half circles, rings on their radii, XOR by the sign of x1·x2', () => {
    const moons = xs(generateDataset({ shape: 'moons', rows: 200, noise: 0, seed: 5 }));
    moons.x1.forEach((x, i) => {
      const [cx, cy] = moons.label[i] === 'A' ? [0, 0] : [1, 0.5];
      expect(Math.hypot(x - cx, moons.x2[i] - cy)).toBeCloseTo(1, 12);
      expect(moons.label[i] === 'A' ? moons.x2[i] >= 0 : moons.x2[i] <= 0.5).toBe(true);
    });
    const rings = xs(generateDataset({ shape: 'rings', rows: 200, noise: 0, seed: 5 }));
    rings.x1.forEach((x, i) => expect(Math.hypot(x, rings.x2[i])).toBeCloseTo(rings.label[i] === 'A' ? 1 : 0.5, 12));
    const xor = xs(generateDataset({ shape: 'xor', rows: 200, noise: 0, seed: 5 }));
    xor.x1.forEach((x, i) => expect(x * xor.x2[i] > 0).toBe(xor.label[i] === 'B'));
  });

  it('has half of each class, is seeded, and noise moves the points', () => {
    for (const shape of SHAPE_NAMES) {
      const table = generateDataset({ shape, rows: 101, noise: 0.2, seed: 1 });
      const { label, x1 } = xs(table);
      expect(label.filter((l) => l === 'A')).toHaveLength(51);
      expect(xs(generateDataset({ shape, rows: 101, noise: 0.2, seed: 1 })).x1).toEqual(x1);
      expect(xs(generateDataset({ shape, rows: 101, noise: 0.3, seed: 1 })).x1).not.toEqual(x1);
    }
  });

  it('refuses bad options with a message', () => {
    expect(() => generateDataset({ shape: 'moons', rows: 1, noise: 0, seed: 1 })).toThrow(/between 2 and/);
    expect(() => generateDataset({ shape: 'moons', rows: 10, noise: -1, seed: 1 })).toThrow(/noise/);
  });
});

describe('the non-linear boundaries notebook', () => {
  let run: CellResults;
  beforeAll(async () => {
    run = await runNotebook('notebooks/non-linear-boundaries.md');
  });
  const model = (id: string) => run.outputs[id] as ClassifierOutput;

  it('runs with no cell in error and tells its story', () => {
    expect(run.errors).toEqual({});
    // A bent boundary beats the line on the moons' test part.
    expect(model('curve').metrics.test!.accuracy).toBeGreaterThan(model('line').metrics.test!.accuracy + 0.05);
    // Degree 8 on few noisy rows: perfect on training, much worse on test.
    expect(model('wiggly').metrics.train!.accuracy).toBe(1);
    expect(model('wiggly').metrics.test!.accuracy).toBeLessThan(0.8);
    const sweep = run.outputs.degrees as SweepOutput;
    const last = sweep.points[sweep.points.length - 1];
    expect(last.train).toBeLessThan(sweep.points[0].train);
    expect(last.validation).toBeGreaterThan(sweep.points[sweep.best].validation);
    // XOR is the interaction term.
    const xor = model('xor-model').coefficients!;
    const largest = xor.slice(1).reduce((a, b) => (Math.abs(b.estimate) > Math.abs(a.estimate) ? b : a));
    expect(largest.name).toBe('x1·x2');
  });

  describe.skipIf(!python)('against scikit-learn', () => {
    it('names the columns in PolynomialFeatures order and fits the same coefficients on the same rows', () => {
      const curve = model('curve');
      const train = curve.parts.train;
      const dir = mkdtempSync(join(tmpdir(), 'fitbook-poly-'));
      writeFileSync(
        join(dir, 'input.json'),
        JSON.stringify({
          x1: Array.from((getColumn(train, 'x1') as NumericColumn).values),
          x2: Array.from((getColumn(train, 'x2') as NumericColumn).values),
          y: (getColumn(train, 'class') as StringColumn).values,
          degree: curve.spec.degree,
        }),
      );
      writeFileSync(
        join(dir, 'check.py'),
        `
import json
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import PolynomialFeatures
i = json.load(open("input.json"))
X = np.column_stack([i["x1"], i["x2"]])
poly = PolynomialFeatures(i["degree"], include_bias=False)
Z = poly.fit_transform(X)
model = LogisticRegression(penalty=None, solver="newton-cg", tol=1e-12, max_iter=1000).fit(Z, i["y"])
names3 = PolynomialFeatures(3, include_bias=False).fit(np.zeros((1, 3))).get_feature_names_out(["a", "b", "c"])
print(json.dumps({"names": poly.get_feature_names_out(["x1", "x2"]).tolist(), "names3": names3.tolist(),
  "coef": model.coef_[0].tolist(), "intercept": float(model.intercept_[0])}))
`,
      );
      const ref = JSON.parse(runPythonScript('check.py', dir));
      // sklearn writes a product as "x1 x2"; we write x1·x2.
      const sk = (names: string[]) => names.map((n) => n.replace(/ /g, '·'));
      expect(polynomialFeatureNames(['x1', 'x2'], 3)).toEqual(sk(ref.names));
      expect(polynomialFeatureNames(['a', 'b', 'c'], 3)).toEqual(sk(ref.names3));
      const rows = curve.coefficients!;
      expect(rows.map((r) => r.name)).toEqual(['Intercept', ...sk(ref.names)]);
      // Both solvers stop at a tolerance: agree to 1e-6 relative.
      const close = (a: number, b: number, what: string) => expect(Math.abs(a - b), what).toBeLessThan(1e-6 * Math.max(1, Math.abs(b)));
      close(rows[0].estimate, ref.intercept, 'intercept');
      rows.slice(1).forEach((row, k) => close(row.estimate, ref.coef[k], row.name));
    });
  });

  it('expands a matrix into the products its names say', () => {
    const X = { rows: 2, cols: 2, columns: [Float64Array.of(2, -1), Float64Array.of(3, 5)] };
    const { X: Z, names } = polynomialFeatures(X, ['a', 'b'], 3);
    const value = { 'a': [2, -1], 'b': [3, 5] } as Record<string, number[]>;
    names.forEach((name, j) => {
      for (let i = 0; i < 2; i++) {
        const expected = name.split('·').reduce((p, f) => {
          const [base, power] = f.split('^');
          return p * value[base][i] ** Number(power ?? 1);
        }, 1);
        expect(Z.columns[j][i]).toBe(expected);
      }
    });
  });
});
