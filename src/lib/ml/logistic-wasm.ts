// The binary logistic passes (logistic-kernels.ts) on WebAssembly SIMD kernels (wasm/passes.wat):
// two columns per instruction where the JS kernels do one, so a pass over a wide design comes
// closer to the time of reading it from memory. The design is written straight into the
// WebAssembly memory (no second copy); exp and log1p stay in JS: the rows are taken in blocks that
// stay in cache (~256 KB), WebAssembly computes a block's scores, JS its losses, probabilities and
// row weights, WebAssembly adds the block's rows into the gradient (and the Hessian's diagonal),
// so each pass still reads the design from memory once.
//
// Memory: one WebAssembly.Memory per problem, sized once at construction and never grown (growing
// would detach the typed-array views the solver holds). Nothing frees a memory explicitly: it is
// an ArrayBuffer like any other, collected with the last reference to it. A problem's memory is
// its own until release() (fitLogistic calls it as it returns); a released memory of up to
// SPARE_BYTES is kept, one at a time, for the next problem that fits in it: the first writes to
// fresh memory are page faults, ~200 ms for the 160 MB of a 100,000 x 200 design (8 passes' worth),
// where writing into a memory already touched takes ~30 ms. So a thread (the app's engine worker)
// holds up to SPARE_BYTES after a fit, until a larger fit replaces it or a smaller one takes it.
// Falls back to the JS kernels (createPasses returns jsPasses) when WebAssembly or its SIMD is
// missing (WebAssembly.validate fails), when the problem does not fit in a 32-bit memory (4 GiB),
// or when the engine refuses to allocate the memory.
import { hessianLower, jsPasses, rowCurvature, rowLoss, type LogisticPasses } from './logistic-kernels';
import { PASSES_WASM_BASE64 } from './wasm/passes-bytes';

interface PassExports {
  dots(rows: number, n: number, d: number, v: number, out: number): void;
  accumulate(rows: number, n: number, d: number, q: number, squares: number, out: number): void;
  hessianTimes(rows: number, n: number, d: number, c: number, v: number, out: number, scratch: number): void;
  hessianLower(rows: number, n: number, d: number, c: number, H: number, scratch: number): void;
}

const PAGE = 65536;
/** wasm32 addresses 2^32 bytes: 65,536 pages. */
const MAX_PAGES = 65536;
/** Bytes of design per block of rows in lossAndGradient (half of one core's L2 here). */
const BLOCK_BYTES = 256 * 1024;
/** The largest d x d Hessian kept in the memory (bigger ones use the JS kernel on the same rows). */
const MAX_HESSIAN_BYTES = 32 * 1024 * 1024;
/** The largest released memory kept for the next problem. */
const SPARE_BYTES = 256 * 1024 * 1024;

/** A released memory, free for the next problem whose layout fits in it (see the top). */
let spare: WebAssembly.Memory | null = null;

let compiled: WebAssembly.Module | null | undefined;
let enabled = true;

/** The compiled kernels, or null without WebAssembly SIMD; compiled once per process (or worker). */
export function passesModule(): WebAssembly.Module | null {
  if (compiled === undefined) compiled = compile(PASSES_WASM_BASE64);
  return compiled;
}

/** Compiles base64 module bytes synchronously; null when WebAssembly (or a feature it uses) is missing. */
export function compile(base64: string): WebAssembly.Module | null {
  if (typeof WebAssembly !== 'object' || typeof atob !== 'function') return null;
  const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
  if (!WebAssembly.validate(bytes)) return null;
  try {
    return new WebAssembly.Module(bytes);
  } catch {
    return null;
  }
}

/** Turns the WebAssembly kernels off (or on again): the fallback's tests and the A/B benchmark. */
export function useWasmPasses(on: boolean): void {
  enabled = on;
}

/** The passes for a binary problem of n rows and d values a row: WebAssembly when it can, else JS. */
export function createPasses(n: number, d: number): LogisticPasses {
  return wasmPasses(n, d) ?? jsPasses(n, d);
}

/** The WebAssembly passes, or null where createPasses falls back to JS (see the top). */
export function wasmPasses(n: number, d: number): LogisticPasses | null {
  const module = enabled ? passesModule() : null;
  return module && WasmPasses.create(module, n, d);
}

const align16 = (bytes: number) => Math.ceil(bytes / 16) * 16;

class WasmPasses implements LogisticPasses {
  readonly kind = 'wasm';
  readonly rows: Float64Array;
  readonly rowWeights: Float64Array;
  private readonly f64: Float64Array;
  private readonly k: PassExports;
  private readonly block: number;
  /** Null once released. */
  private memory: WebAssembly.Memory | null;

  /** The passes with their memory, or null when it cannot be had (too large, or refused). */
  static create(module: WebAssembly.Module, n: number, d: number): WasmPasses | null {
    const block = Math.max(4, Math.min(1024, 4 * Math.floor(BLOCK_BYTES / (8 * d) / 4)));
    // The memory's layout, in bytes, each piece 16-byte aligned: d-vectors, a block's scores,
    // terms and row weights, the Hessian's row weights (n), the Hessian, then the design.
    let at = 0;
    const take = (count: number) => {
      const offset = at;
      at += align16(8 * count);
      return offset;
    };
    const layout = {
      theta: take(d),
      out: take(d),
      diag: take(d),
      scratch: take(4),
      scores: take(block),
      terms: take(block),
      curvatures: take(block),
      rowWeights: take(n),
      hessian: 8 * d * d <= MAX_HESSIAN_BYTES ? take(d * d) : -1,
      rows: take(n * d),
    };
    const pages = Math.ceil(at / PAGE);
    if (pages > MAX_PAGES) return null;
    let memory: WebAssembly.Memory;
    // the spare when it fits and is not more than twice as large (else it goes, and a new one comes)
    const spareBytes = spare?.buffer.byteLength ?? 0;
    if (spare && spareBytes >= pages * PAGE && spareBytes <= 2 * pages * PAGE) {
      memory = spare;
      spare = null;
    } else {
      spare = null;
      try {
        memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
      } catch {
        return null; // RangeError: the engine would not reserve that much
      }
    }
    const instance = new WebAssembly.Instance(module, { env: { memory } });
    return new WasmPasses(instance.exports as unknown as PassExports, memory, layout, n, d, block);
  }

  private constructor(
    k: PassExports,
    memory: WebAssembly.Memory,
    private readonly at: { theta: number; out: number; diag: number; scratch: number; scores: number; terms: number; curvatures: number; rowWeights: number; hessian: number; rows: number },
    private readonly n: number,
    private readonly d: number,
    block: number,
  ) {
    this.k = k;
    this.block = block;
    this.memory = memory;
    this.f64 = new Float64Array(memory.buffer);
    this.rows = this.view(at.rows, n * d);
    this.rowWeights = this.view(at.rowWeights, n);
  }

  release(): void {
    const bytes = this.memory?.buffer.byteLength ?? Infinity;
    if (bytes <= SPARE_BYTES) spare = this.memory;
    this.memory = null; // a second release() gives nothing more away
  }

  private view(offset: number, length: number): Float64Array {
    return this.f64.subarray(offset / 8, offset / 8 + length);
  }

  /** The byte offset of `c` in the memory: rowWeights itself, else a copy into it. */
  private rowWeightsAt(c: Float64Array): number {
    if (c !== this.rowWeights) this.rowWeights.set(c);
    return this.at.rowWeights;
  }

  lossAndGradient(theta: Float64Array, codes: Int32Array, weights: Float64Array, eta: Float64Array, prob: Float64Array, grad: Float64Array, diag?: Float64Array): number {
    const { n, d, k, at, block } = this;
    this.view(at.theta, d).set(theta);
    const sum = this.view(at.out, d).fill(0);
    const sumDiag = this.view(at.diag, d).fill(0);
    const scores = this.view(at.scores, block);
    const terms = this.view(at.terms, block);
    const curvatures = this.view(at.curvatures, block);
    let total = 0;
    // Blocks of a multiple of four rows: the four-row groups, so the sums' order, are the JS kernels'.
    for (let i0 = 0; i0 < n; i0 += block) {
      const m = Math.min(block, n - i0);
      const rows = at.rows + 8 * i0 * d; // may pass 2^31: the i32 argument wraps to the same bits
      k.dots(rows, m, d, at.theta, at.scores);
      for (let r = 0; r < m; r++) {
        const i = i0 + r;
        total += rowLoss(i, scores[r], codes, weights, eta, prob);
        terms[r] = (weights[i] / n) * (prob[i] - codes[i]);
        if (diag) curvatures[r] = rowCurvature(i, n, weights, prob);
      }
      k.accumulate(rows, m, d, at.terms, 0, at.out);
      if (diag) k.accumulate(rows, m, d, at.curvatures, 1, at.diag);
    }
    grad.set(sum);
    diag?.set(sumDiag);
    return total / n;
  }

  hessianTimes(c: Float64Array, v: Float64Array, out: Float64Array): Float64Array {
    const { n, d, k, at } = this;
    this.view(at.theta, d).set(v);
    const sum = this.view(at.out, d).fill(0);
    k.hessianTimes(at.rows, n, d, this.rowWeightsAt(c), at.theta, at.out, at.scratch);
    out.set(sum);
    return out;
  }

  hessianLower(c: Float64Array, H: Float64Array): void {
    const { n, d, k, at } = this;
    if (at.hessian < 0) return hessianLower(this.rows, n, d, c, H);
    const h = this.view(at.hessian, d * d);
    h.set(H); // the kernel adds into H, as the JS one
    k.hessianLower(at.rows, n, d, this.rowWeightsAt(c), at.hessian, at.scratch);
    H.set(h);
  }
}
