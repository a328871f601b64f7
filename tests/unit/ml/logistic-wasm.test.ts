// The WebAssembly SIMD passes (logistic-wasm.ts, wasm/passes.wat) against the JS kernels
// (themselves checked against the row-by-row formulas in logistic-kernels.test.ts), on random data
// with every remainder of the four-row groups and of the two-column lanes; the fallback to JS;
// and the committed bytes against the .wat they are assembled from.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { hessianLower, hessianTimes, lossAndGradient } from '../../../src/lib/ml/logistic-kernels';
import { compile, createPasses, passesModule, useWasmPasses, wasmPasses } from '../../../src/lib/ml/logistic-wasm';
import { PASSES_WASM_BASE64 } from '../../../src/lib/ml/wasm/passes-bytes';
import { Problem } from '../../../src/lib/ml/logistic-problem';
import { fitLogistic } from '../../../src/lib/ml/logistic';
import { matrixFromColumns } from '../../../src/lib/ml/matrix';
import { floatStream } from '../../../src/lib/data/random';
import { gaussian } from '../../../src/lib/ml/random';
// @ts-expect-error: a plain .mjs script, no types
import { assembleWat } from '../../../scripts/wasm-assemble.mjs';

function data(n: number, d: number, seed: number) {
  const g = gaussian(floatStream(seed));
  const rows = Float64Array.from({ length: n * d }, g);
  const theta = Float64Array.from({ length: d }, () => 0.3 * g());
  const codes = Int32Array.from({ length: n }, () => (g() > 0 ? 1 : 0));
  const weights = Float64Array.from({ length: n }, () => 0.5 + Math.abs(g()));
  const c = Float64Array.from({ length: n }, () => Math.abs(g()) / n);
  return { rows, theta, codes, weights, c };
}

/** Every entry within 1e-12 of the reference's scale (the largest entry of the reference). */
function close(a: ArrayLike<number>, b: ArrayLike<number>) {
  expect(a.length).toBe(b.length);
  let scale = 0;
  for (let j = 0; j < b.length; j++) scale = Math.max(scale, Math.abs(b[j]));
  let worst = 0;
  for (let j = 0; j < b.length; j++) worst = Math.max(worst, Math.abs(a[j] - b[j]));
  expect(worst).toBeLessThanOrEqual(1e-12 * scale);
}

afterEach(() => useWasmPasses(true));

describe('logistic passes in WebAssembly SIMD', () => {
  it('the committed bytes are the .wat assembled again', async () => {
    const wat = readFileSync(new URL('../../../src/lib/ml/wasm/passes.wat', import.meta.url), 'utf8');
    const bytes: Uint8Array = await assembleWat('passes.wat', wat);
    expect(Buffer.from(PASSES_WASM_BASE64, 'base64').equals(Buffer.from(bytes))).toBe(true);
  });

  it('compiles here (Node has WebAssembly SIMD)', () => {
    expect(passesModule()).toBeInstanceOf(WebAssembly.Module);
    expect(createPasses(10, 3).kind).toBe('wasm');
  });

  // n: 4k + 0..3 rows with blocks of several groups (d = 300 gives 108-row blocks: 3 blocks at
  // n = 301..303); d odd and even (the last column outside the f64x2 lanes)
  for (const [n, d] of [[41, 7], [42, 8], [43, 1], [300, 300], [303, 301], [1030, 5], [5, 2]] as const) {
    it(`equal the JS kernels: loss, gradient, diagonal, H v, H (${n} x ${d})`, () => {
      const { rows, theta, codes, weights, c } = data(n, d, n * 1000 + d);
      const passes = createPasses(n, d);
      expect(passes.kind).toBe('wasm');
      passes.rows.set(rows);

      const [eta, prob, grad, diag] = [new Float64Array(n), new Float64Array(n), new Float64Array(d), new Float64Array(d)];
      const [etaJs, probJs, gradJs, diagJs] = [new Float64Array(n), new Float64Array(n), new Float64Array(d), new Float64Array(d)];
      const loss = passes.lossAndGradient(theta, codes, weights, eta, prob, grad, diag.fill(7));
      const lossJs = lossAndGradient(rows, n, d, theta, codes, weights, etaJs, probJs, gradJs, diagJs);
      expect(Math.abs(loss - lossJs)).toBeLessThanOrEqual(1e-12 * lossJs);
      close(eta, etaJs);
      close(prob, probJs);
      close(grad, gradJs);
      close(diag, diagJs);
      // without the diagonal
      const again = new Float64Array(d).fill(3);
      passes.lossAndGradient(theta, codes, weights, eta, prob, again);
      close(again, gradJs);

      // H v with c given as any array (copied in) and as rowWeights (read in place)
      const out = passes.hessianTimes(c, theta, new Float64Array(d).fill(5));
      const outJs = hessianTimes(rows, n, d, c, theta, new Float64Array(d));
      close(out, outJs);
      passes.rowWeights.set(c);
      close(passes.hessianTimes(passes.rowWeights, theta, new Float64Array(d)), outJs);

      // the lower triangle, added to what H holds
      const H = Float64Array.from({ length: d * d }, (_, k) => k % 3);
      const HJs = H.slice();
      passes.hessianLower(c, H);
      hessianLower(rows, n, d, c, HJs);
      close(H, HJs);
    });
  }

  it('a released memory goes to the next problem that fits in it, never to two live ones', () => {
    const first = createPasses(1000, 20);
    const live = createPasses(1000, 20);
    expect(live.rows.buffer).not.toBe(first.rows.buffer);
    first.release();
    const next = createPasses(999, 19); // fits in the released memory
    expect(next.rows.buffer).toBe(first.rows.buffer);
    expect(createPasses(999, 19).rows.buffer).not.toBe(first.rows.buffer); // taken: no spare now
    next.release();
    expect(createPasses(10, 2).rows.buffer).not.toBe(first.rows.buffer); // over twice as large: not kept for it
    // rows reused from an earlier problem hold its values until written: the passes' sums do not
    // depend on anything else left there
    const { rows, theta, codes, weights } = data(45, 20, 3);
    const again = createPasses(45, 20);
    again.rows.set(rows);
    const grad = new Float64Array(20);
    const gradJs = new Float64Array(20);
    again.lossAndGradient(theta, codes, weights, new Float64Array(45), new Float64Array(45), grad);
    lossAndGradient(rows, 45, 20, theta, codes, weights, new Float64Array(45), new Float64Array(45), gradJs);
    close(grad, gradJs);
  });

  it('falls back to the JS kernels without WebAssembly SIMD, or when turned off', () => {
    // bytes that fail validation (the header of a module of an unknown version) give no module
    expect(compile(btoa(String.fromCharCode(0, 0x61, 0x73, 0x6d, 9, 0, 0, 0)))).toBeNull();
    // a design past wasm32's 4 GiB (2^20 rows x 2^9 values: 4 GiB and the vectors) is refused
    // before anything is allocated
    expect(wasmPasses(2 ** 20, 2 ** 9)).toBeNull();
    useWasmPasses(false);
    expect(wasmPasses(10, 3)).toBeNull();
    expect(createPasses(10, 3).kind).toBe('js');
    // a fit then runs on JS kernels and gives the same coefficients as on WebAssembly
    const n = 501;
    const g = gaussian(floatStream(5));
    const columns = [0, 1, 2].map(() => Float64Array.from({ length: n }, g));
    const y = Array.from({ length: n }, (_, i) => (columns[0][i] - 0.5 * columns[2][i] + g() > 0 ? 'a' : 'b'));
    const X = matrixFromColumns(columns);
    const js = fitLogistic(X, y);
    useWasmPasses(true);
    const wasm = fitLogistic(X, y);
    expect(js.model.coefficients[0].length).toBe(3);
    close(wasm.model.coefficients[0], js.model.coefficients[0]);
    close(wasm.model.intercept, js.model.intercept);
  });

  it('a binary Problem holds its design in the WebAssembly memory, a softmax one in JS', () => {
    const ones = new Float64Array(4).fill(1);
    const make = (multinomial: boolean) =>
      new Problem(4, 1, [Float64Array.of(1, 2, 3, 4)], true, multinomial, multinomial ? 3 : 2, Int32Array.of(0, 1, 0, 1), ones, Float64Array.of(2.5), Float64Array.of(1), 0, 0);
    expect(make(false).passes.kind).toBe('wasm');
    expect(make(false).rows.buffer).toBeInstanceOf(ArrayBuffer);
    expect(make(true).passes.kind).toBe('js');
  });
});
