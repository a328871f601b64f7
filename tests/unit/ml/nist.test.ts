// NIST StRD certified values: the exact solver must get >= 7 significant digits on
// every coefficient of all eleven datasets (numpy's lstsq gets 0 on Filip, sklearn 5.4).
import { afterAll, describe, expect, it } from 'vitest';
import { fitLinear } from '../../../src/lib/ml/linear';
import { matrixFromColumns } from '../../../src/lib/ml/matrix';
import { lre, readNist } from './nist';

const models: { name: string; degree: number; intercept: boolean }[] = [
  { name: 'Norris', degree: 1, intercept: true },
  { name: 'Pontius', degree: 2, intercept: true },
  { name: 'NoInt1', degree: 1, intercept: false },
  { name: 'NoInt2', degree: 1, intercept: false },
  { name: 'Filip', degree: 10, intercept: true },
  { name: 'Longley', degree: 1, intercept: true },
  { name: 'Wampler1', degree: 5, intercept: true },
  { name: 'Wampler2', degree: 5, intercept: true },
  { name: 'Wampler3', degree: 5, intercept: true },
  { name: 'Wampler4', degree: 5, intercept: true },
  { name: 'Wampler5', degree: 5, intercept: true },
];

const table: string[] = [];

describe('exact linear solver on NIST StRD', () => {
  for (const spec of models) {
    it(`${spec.name}: >= 7 correct digits`, () => {
      const data = readNist(spec.name);
      const fit = fitLinear(matrixFromColumns(data.x), data.y, { degree: spec.degree, intercept: spec.intercept });
      const est = [...(spec.intercept ? [fit.model.intercept] : []), ...fit.model.coefficients];
      const se = [
        ...(spec.intercept ? [fit.summary.interceptStandardError!] : []),
        ...fit.summary.standardErrors!,
      ];
      expect(est.length).toBe(data.certified.estimate.length);
      const coefLre = Math.min(...est.map((b, j) => lre(b, data.certified.estimate[j])));
      // Wampler1/2 fit exactly: certified SDs are 0, so lre() scores the absolute error there.
      const sdLre = Math.min(...se.map((s, j) => lre(s, data.certified.sd[j])));
      const resLre = lre(fit.summary.residualStd, data.certified.residualSd);
      const r2Lre = lre(fit.summary.r2, data.certified.r2);
      // The same QR without refinement (conditioned basis converted once), for comparison.
      const plain = fitLinear(matrixFromColumns(data.x), data.y, { ...spec, refinementRounds: 1 });
      const plainEst = [...(spec.intercept ? [plain.model.intercept] : []), ...plain.model.coefficients];
      const plainLre = Math.min(...plainEst.map((b, j) => lre(b, data.certified.estimate[j])));
      table.push(
        `${spec.name.padEnd(9)} ${coefLre.toFixed(1).padStart(5)} ${sdLre.toFixed(1).padStart(6)} ` +
          `${resLre.toFixed(1).padStart(7)} ${r2Lre.toFixed(1).padStart(5)} ${plainLre.toFixed(1).padStart(13)}   rounds=${fit.iterations}`,
      );
      // The brief asks for 7 digits; the refined solver gets 13+, so guard that level.
      expect(coefLre).toBeGreaterThanOrEqual(12);
      expect(sdLre).toBeGreaterThanOrEqual(12);
      expect(resLre).toBeGreaterThanOrEqual(12);
      expect(r2Lre).toBeGreaterThanOrEqual(12);
    });
  }
  afterAll(() => {
    console.log(`minimum LRE (digits)\ndataset    coef     sd  res.sd    R2  coef(no ref.)\n${table.join('\n')}`);
  });
});
