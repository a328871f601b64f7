// The Boston exploration notebook: the correlations it plots against numpy's
// corrcoef on the shipped file, and the facts its prose states.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlotOutput } from '../../../src/cells/plot/run';
import { noPythonReason, python, runPythonScript } from '../../python-reference';
import { runNotebook } from './run-notebook';
import type { CellResults } from '../run-cells';

if (!python) console.log(`Skipping the numpy checks of the Boston notebook: ${noPythonReason}.`);

describe('the Exploring Boston notebook', () => {
  let run: CellResults;
  beforeAll(async () => {
    run = await runNotebook('notebooks/exploring-boston.md');
  });

  it('runs with no cell in error and never uses a B column', () => {
    expect(run.errors).toEqual({});
    expect(readFileSync('datasets/boston-housing.csv', 'utf8').split('\n')[0].split(',')).not.toContain('B');
  });

  it('draws the correlations with MEDV strongest first', () => {
    const bars = (run.outputs['with-target'] as PlotOutput).figure.data[0];
    const names = [...(bars.y as string[])].reverse();
    const r = [...(bars.x as number[])].reverse();
    expect(names.slice(0, 2)).toEqual(['LSTAT', 'RM']);
    expect(names).not.toContain('MEDV');
    for (let i = 1; i < r.length; i++) expect(Math.abs(r[i])).toBeLessThanOrEqual(Math.abs(r[i - 1]));
  });

  it.skipIf(!python)('matches numpy corrcoef', () => {
    const bars = (run.outputs['with-target'] as PlotOutput).figure.data[0];
    const dir = mkdtempSync(join(tmpdir(), 'fitbook-boston-'));
    writeFileSync(
      join(dir, 'check.py'),
      `
import json, numpy as np, pandas as pd
d = pd.read_csv(${JSON.stringify(join(process.cwd(), 'datasets/boston-housing.csv'))})
print(json.dumps({c: float(np.corrcoef(d[c], d["MEDV"])[0, 1]) for c in d.columns if c != "MEDV"}))
`,
    );
    const ref = JSON.parse(runPythonScript('check.py', dir)) as Record<string, number>;
    const names = bars.y as string[];
    expect(names.slice().sort()).toEqual(Object.keys(ref).sort());
    names.forEach((name, i) => expect((bars.x as number[])[i], name).toBeCloseTo(ref[name], 12));
  });
});
