// The network cell's inputs: standardisation with the training part's
// statistics, the crosses of two features, targets and task detection, and
// the metrics and figures read back from outputs, against formulas written
// out here.
import { describe, expect, it } from 'vitest';
import { readCsvText } from '../../../../src/lib/data/csv/read';
import type { Table } from '../../../../src/lib/data/table';
import { networkInputs, taskOf, encodeRows } from '../../../../src/cells/network/prepare';
import { partMetrics, probabilities, metricRows } from '../../../../src/cells/network/metrics';
import { networkFigure, probeFor, GRID } from '../../../../src/cells/network/figures';
import { networkSchema } from '../../../../src/cells/network/schema';

const table = (csv: string): Table => readCsvText(csv).table;
const train = table('a,b,y,v\n1,10,no,1.5\n2,20,yes,2.5\n3,0,no,3.5\n6,30,yes,9.5\n');
const test = table('a,b,y,v\n4,5,yes,0.5\n');

/** Population mean and standard deviation, written out. */
function stats(values: number[]) {
  const m = values.reduce((s, v) => s + v, 0) / values.length;
  return { m, s: Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / values.length) };
}

const options = (extra: Record<string, unknown> = {}) => networkSchema.parse({ input: 'd', target: 'y', features: ['a', 'b'], ...extra });

describe('network inputs', () => {
  it('standardises each feature with the training mean and spread, then appends the crosses in order', () => {
    const inputs = networkInputs(options({ crosses: ['x1*x2', 'sin x1', 'x2^2'] }), { train, test });
    const A = stats([1, 2, 3, 6]);
    const B = stats([10, 20, 0, 30]);
    expect(inputs.inputNames).toEqual(['a', 'b', 'ab', 'sin a', 'b²']);
    const X = inputs.data.test!.X;
    const za = (4 - A.m) / A.s;
    const zb = (5 - B.m) / B.s;
    [za, zb, za * zb, Math.sin(za), zb * zb].forEach((v, j) => expect(X[j]).toBeCloseTo(v, 5));
    expect(inputs.data.train!.rows).toBe(4);
    expect(inputs.data.train!.X).toHaveLength(4 * 5);
  });

  it('codes two classes as 0/1 in sorted order (binary), and ignores crosses without exactly two features', () => {
    const inputs = networkInputs(options({ features: ['a'], crosses: ['x1^2'] }), { train });
    expect(inputs.task).toBe('binary');
    expect(inputs.classes).toEqual(['no', 'yes']);
    expect(Array.from(inputs.data.train!.y)).toEqual([0, 1, 0, 1]);
    expect(inputs.inputNames).toEqual(['a']);
  });

  it('regresses on a numeric target, standardised, and finds the task from the values', () => {
    expect(taskOf(train, 'v', 'auto')).toBe('regression');
    expect(taskOf(train, 'y', 'auto')).toBe('classification');
    expect(taskOf(table('k\n1\n2\n3\n1\n'), 'k', 'auto')).toBe('classification');
    const inputs = networkInputs(options({ target: 'v' }), { train });
    const V = stats([1.5, 2.5, 3.5, 9.5]);
    expect(inputs.task).toBe('regression');
    expect(inputs.data.train!.y[3]).toBeCloseTo((9.5 - V.m) / V.s, 5);
  });

  it('says what is wrong with a target the network cannot learn', () => {
    const one = table('a,y\n1,x\n2,x\n');
    expect(() => networkInputs(options({ features: ['a'] }), { train: one })).toThrow(/one class/);
    expect(() => networkInputs(options(), { train, test: table('a,b,y,v\n1,1,maybe,1\n') })).toThrow(/'maybe'.*stratify/);
  });
});

describe('metrics from outputs', () => {
  it('binary: accuracy at p ≥ 0.5 and the mean log loss', () => {
    const p = [0.9, 0.2, 0.6, 0.4];
    const m = partMetrics({ task: 'binary', classes: ['no', 'yes'] }, ['yes', 'no', 'no', 'yes'], Float32Array.from(p));
    expect(m.accuracy).toBe(0.5);
    const expected = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.4) + Math.log(0.4)) / 4;
    expect(m.logLoss).toBeCloseTo(expected, 6);
    expect(metricRows([m]).map((r) => r.name)).toEqual(['Accuracy', 'Log loss']);
  });

  it('multiclass: one probability row per sample; regression: RMSE in the target units', () => {
    expect(probabilities('multiclass', Float32Array.of(0.1, 0.7, 0.2, 0.5, 0.25, 0.25), 2)[1]).toEqual([0.5, 0.25, 0.25]);
    const m = partMetrics({ task: 'multiclass', classes: ['a', 'b', 'c'] }, ['b', 'c'], Float32Array.of(0.1, 0.7, 0.2, 0.5, 0.25, 0.25));
    expect(m.accuracy).toBe(0.5);
    const r = partMetrics({ task: 'regression', classes: [], targetScaling: { mean: 10, scale: 2 } }, Float64Array.of(12, 8), Float32Array.of(1, 0));
    // predictions 12 and 10: errors 0 and 2.
    expect(r.rmse).toBeCloseTo(Math.sqrt(2), 10);
  });
});

describe('the pictures', () => {
  it('probes a grid over the plane of two features, in the inputs the network sees, and reads the boundary back', () => {
    const inputs = networkInputs(options({ crosses: ['x1^2'] }), { train });
    const probe = probeFor(inputs, train)!;
    expect(probe.rows).toBe(GRID * GRID);
    expect(probe.X).toHaveLength(GRID * GRID * 3);
    // Row j·GRID + i is (xs[i], ys[j]), encoded as the training rows are.
    const k = 5 * GRID + 7;
    const again = encodeRows(inputs, [[probe.xs[7]], [probe.ys![5]]], 1);
    expect(Array.from(probe.X.subarray(k * 3, k * 3 + 3))).toEqual(Array.from(again));
    // An output that is the grid index (scaled) comes back at the same grid cell in the figure.
    const output = Float32Array.from({ length: probe.rows }, (_, i) => i / probe.rows);
    const figure = networkFigure(inputs, probe, output)!;
    const z = (figure.data[0] as { z: number[][] }).z;
    expect(z[5][7]).toBeCloseTo(k / probe.rows, 6);
  });

  it('probes a line for one feature', () => {
    const one = networkInputs(options({ features: ['a'] }), { train });
    expect(probeFor(one, train).ys).toBeUndefined();
  });

  it('with three features, probes the plane of the first two with the third at its training median, and says so', () => {
    const three = networkInputs(options({ features: ['a', 'b', 'v'] }), { train });
    const probe = probeFor(three, train);
    // The median of v on the training rows (1.5, 2.5, 3.5, 9.5), written out: the mean of the middle two.
    expect(probe.held).toEqual([{ name: 'v', value: 3 }]);
    const k = 3 * GRID + 11;
    const again = encodeRows(three, [[probe.xs[11]], [probe.ys![3]], [3]], 1);
    expect(Array.from(probe.X.subarray(k * 3, k * 3 + 3))).toEqual(Array.from(again));
    const output = Float32Array.from({ length: probe.rows }, (_, i) => i / probe.rows);
    const figure = networkFigure(three, probe, output)!;
    expect(figure.layout.title!.text).toMatch(/<sub>v = 3 \(its training median\)<\/sub>$/);
    expect(figure.description).toContain('the other feature held at its training median (v = 3)');
  });

  it('regression with two features draws the predicted value over the plane, points coloured by the true value', () => {
    const inputs = networkInputs(options({ target: 'v', task: 'regression' }), { train });
    const probe = probeFor(inputs, train);
    // The network predicts standardised targets; output 0 everywhere is the training mean of v (4.25).
    const figure = networkFigure(inputs, probe, new Float32Array(probe.rows))!;
    const [surface, points] = figure.data as { z?: number[][]; marker?: { color: number[] } }[];
    expect(surface.z![7][9]).toBeCloseTo(4.25, 5);
    expect(points.marker!.color).toEqual([1.5, 2.5, 3.5, 9.5]);
    expect(figure.layout.title!.text).toBe('Predicted v');
  });
});
