// The numerical building blocks: double-double arithmetic, QR, Cholesky, statistics, RNG, matrices.
import { describe, expect, it } from 'vitest';
import { accurateSum, DdAccumulator, ddAdd, ddDiv, ddMul, twoProd, twoSum } from '../../../src/lib/ml/dd';
import { applyQ, applyQt, dependentColumns, householderQR, solveR, solveRt } from '../../../src/lib/ml/qr';
import { choleskySolve, dampedSolve } from '../../../src/lib/ml/cholesky';
import { columnScaling, mean, spread } from '../../../src/lib/ml/stats';
import { gaussian } from '../../../src/lib/ml/random';
import { floatStream } from '../../../src/lib/data/random';
import { checkFeatures } from '../../../src/lib/ml/checks';
import { matrixFromColumns, matrixFromRows, matrixToRows, takeMatrixRows, toRowMajorFloat32 } from '../../../src/lib/ml/matrix';

const exact = (hi: number, lo: number) => BigInt(hi) + BigInt(lo);

describe('double-double arithmetic', () => {
  it('twoProd and twoSum are error-free (checked in BigInt)', () => {
    const a = 2 ** 52 + 12345;
    const b = 2 ** 40 + 987;
    const p = twoProd(a, b, { hi: 0, lo: 0 });
    expect(exact(p.hi, p.lo)).toBe(BigInt(a) * BigInt(b));
    const s = twoSum(2 ** 60, 3, { hi: 0, lo: 0 });
    expect(exact(s.hi, s.lo)).toBe(2n ** 60n + 3n);
  });
  it('ddAdd, ddMul and ddDiv keep ~32 digits', () => {
    const third = ddDiv(1, 0, 3, 0, { hi: 0, lo: 0 });
    const back = ddMul(third.hi, third.lo, 3, 0, { hi: 0, lo: 0 });
    expect(Math.abs(back.hi - 1 + back.lo)).toBeLessThan(1e-30);
    const s = ddAdd(1, 1e-20, -1, 0, { hi: 0, lo: 0 });
    expect(s.hi).toBe(1e-20);
  });
  it('accumulators cancel exactly where float64 cannot', () => {
    expect(accurateSum([1e16, 1, -1e16])).toBe(1);
    expect(1e16 + 1 - 1e16).not.toBe(1);
    const acc = new DdAccumulator().add(1e16).addProduct(1, 0, 1, 0).add(-1e16);
    expect(acc.value()).toBe(1);
    expect(acc.reset().addDd(2, 1e-20).value()).toBe(2);
  });
});

describe('pivoted Householder QR', () => {
  const A = [
    [1, 2, 3],
    [4, 5, 6.5],
    [7, 8.5, 9],
    [1, 0, 1],
  ];
  const columns = () => matrixFromRows(A).columns.map((c) => c.slice());
  it('Q R reproduces A P and Q is orthogonal', () => {
    const qr = householderQR(columns());
    expect(qr.rank).toBe(3);
    for (let k = 0; k < 3; k++) {
      const r = new Float64Array(4);
      for (let i = 0; i < k; i++) r[i] = qr.columns[k][i];
      r[k] = qr.rDiag[k];
      applyQ(qr, r);
      r.forEach((v, i) => expect(v).toBeCloseTo(A[i][qr.perm[k]], 12));
    }
    const y = Float64Array.of(1, 2, 3, 4);
    const back = applyQ(qr, applyQt(qr, y.slice()));
    back.forEach((v, i) => expect(v).toBeCloseTo(y[i], 13));
    // |R00| >= |R11| >= |R22| after pivoting
    expect(Math.abs(qr.rDiag[0])).toBeGreaterThanOrEqual(Math.abs(qr.rDiag[1]));
  });
  it('solveR and solveRt invert the triangle', () => {
    const qr = householderQR(columns());
    const z = solveR(qr, [1, 2, 3]);
    // R z should give back [1, 2, 3]
    for (let i = 0; i < 3; i++) {
      let s = qr.rDiag[i] * z[i];
      for (let j = i + 1; j < 3; j++) s += qr.columns[j][i] * z[j];
      expect(s).toBeCloseTo(i + 1, 12);
    }
    const w = solveRt(qr, [1, 2, 3]);
    for (let j = 0; j < 3; j++) {
      let s = qr.rDiag[j] * w[j];
      for (let i = 0; i < j; i++) s += qr.columns[j][i] * w[i];
      expect(s).toBeCloseTo(j + 1, 12);
    }
  });
  it('detects and explains collinear columns', () => {
    const x1 = Float64Array.of(1, 2, 3, 4, 5);
    const x2 = Float64Array.of(2, 1, 0, 1, 3);
    const x3 = x1.map((v, i) => v + 2 * x2[i]);
    const qr = householderQR([x1.slice(), x2.slice(), x3.slice()]);
    expect(qr.rank).toBe(2);
    const deps = dependentColumns(qr);
    expect(deps).toHaveLength(1);
    expect([deps[0].column, ...deps[0].dependsOn].sort()).toEqual([0, 1, 2]);
  });
  it('refuses wide matrices', () => {
    expect(() => householderQR([Float64Array.of(1), Float64Array.of(2)])).toThrow(/rows/);
  });
});

describe('Cholesky', () => {
  it('solves an SPD system and rejects an indefinite one', () => {
    const A = Float64Array.of(4, 2, 2, 3);
    const x = choleskySolve(A, Float64Array.of(2, 1), 2)!;
    expect(x[0]).toBeCloseTo(0.5, 14);
    expect(x[1]).toBeCloseTo(0, 14);
    expect(choleskySolve(Float64Array.of(1, 2, 2, 1), Float64Array.of(1, 1), 2)).toBeNull();
    const damped = dampedSolve(Float64Array.of(1, 1, 1, 1), Float64Array.of(1, 1), 2);
    expect(damped[0] + damped[1]).toBeCloseTo(1, 6);
  });
});

describe('statistics, random numbers, matrices', () => {
  it('mean, spread and column scaling', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(spread([1, 2, 3, 4], 2.5)).toBeCloseTo(Math.sqrt(1.25), 15);
    const s = columnScaling([Float64Array.of(5, 5, 5), Float64Array.of(1, 2, 3)], true);
    expect(Array.from(s.scale)).toEqual([1, Math.sqrt(2 / 3)]);
    expect(Array.from(columnScaling([Float64Array.of(3, 4)], false).mean)).toEqual([0]);
  });
  it('normal deviates from the seeded generator are reproducible and standard', () => {
    const a = gaussian(floatStream(5));
    const b = gaussian(floatStream(5));
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    const g = gaussian(floatStream(2));
    const xs = Array.from({ length: 20000 }, g);
    const m = xs.reduce((s, v) => s + v, 0) / xs.length;
    const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length;
    expect(Math.abs(m)).toBeLessThan(0.03);
    expect(Math.abs(v - 1)).toBeLessThan(0.05);
  });
  it('matrix helpers', () => {
    const m = matrixFromRows([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(matrixToRows(m)).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(Array.from(toRowMajorFloat32(m, [3, 4], [2, 1]))).toEqual([-1, -2, 0, 0, 1, 2]);
    expect(matrixToRows(takeMatrixRows(m, [2, 0]))).toEqual([
      [5, 6],
      [1, 2],
    ]);
    expect(() => matrixFromColumns([[1, 2], [1]])).toThrow(/Column 1/);
    expect(() => checkFeatures('fit', matrixFromColumns([[1, NaN]]), 2, ['a'])).toThrow(/fit: column 'a' holds a missing value \(NaN\) at row 2/);
    expect(() => checkFeatures('fit', m, 2, m.columns.map((_, j) => `x${j}`))).toThrow(/3 rows/);
  });
});
