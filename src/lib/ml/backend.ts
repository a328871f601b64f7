// TensorFlow.js backend selection: WebGL first, but a software WebGL renderer
// (SwiftShader, llvmpipe, ...) is slower than WASM, so WASM is preferred there; CPU last.
// The decision (planBackends) is a pure function of the user's preference and a probe
// of WebGL, so it is tested in Node; selectBackend() carries it out.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm'; // also registers the 'wasm' backend
import { forgetLostWebglBackend } from './context-loss';

export type BackendName = 'webgl' | 'wasm' | 'cpu';
export type BackendPreference = 'auto' | BackendName;

export interface WebglProbe {
  available: boolean;
  /** Unmasked renderer string (WEBGL_debug_renderer_info), or the masked one, or null. */
  renderer: string | null;
}

export interface BackendReport {
  backend: BackendName;
  /** One sentence for the toolbar's tooltip: why this backend. */
  reason: string;
  warnings: string[];
  renderer: string | null;
}

export interface BackendOptions {
  preference?: BackendPreference;
  /** Let tfjs use a software WebGL renderer (sets SOFTWARE_WEBGL_ENABLED). Tests only. */
  allowSoftwareWebgl?: boolean;
  /** Where the .wasm files are: a folder prefix or a map from file name to URL (see wasm-paths.browser.ts). */
  wasmPaths?: string | Record<string, string>;
  /** Injected probe (tests); by default WebGL is probed with a throwaway canvas. */
  probe?: WebglProbe;
  /**
   * Use the multithreaded WASM build when the page is cross-origin isolated (default false).
   * tfjs 4.22 builds its pthread worker from the source text of a bundled function, and a
   * minifying bundler (Vite's build) renames what that text refers to: the worker dies with
   * "e is not defined" and backend initialisation never resolves. SIMD without threads works.
   */
  wasmThreads?: boolean;
}

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|mesa offscreen|basic render driver/i;

export function classifyRenderer(renderer: string | null): 'software' | 'hardware' | 'unknown' {
  if (!renderer) return 'unknown';
  return SOFTWARE_RENDERER.test(renderer) ? 'software' : 'hardware';
}

/** Asks the browser for a WebGL context and its renderer string. Unavailable in Node and workers without OffscreenCanvas. */
export function probeWebgl(): WebglProbe {
  try {
    let canvas: OffscreenCanvas | HTMLCanvasElement | null = null;
    if (typeof OffscreenCanvas !== 'undefined') canvas = new OffscreenCanvas(1, 1);
    else if (typeof document !== 'undefined') canvas = document.createElement('canvas');
    if (!canvas) return { available: false, renderer: null };
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | WebGL2RenderingContext | null;
    if (!gl) return { available: false, renderer: null };
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '') || null;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { available: true, renderer };
  } catch {
    return { available: false, renderer: null };
  }
}

export interface BackendPlan {
  order: BackendName[];
  reason: string;
  warnings: string[];
}

/** Which backends to try, in order, and why. */
export function planBackends(preference: BackendPreference, probe: WebglProbe): BackendPlan {
  const kind = classifyRenderer(probe.renderer);
  const where = probe.renderer ? ` (${probe.renderer})` : '';
  const warnings: string[] = [];
  switch (preference) {
    case 'cpu':
      return { order: ['cpu'], reason: 'CPU chosen by the user.', warnings };
    case 'wasm':
      return { order: ['wasm', 'cpu'], reason: 'WASM chosen by the user.', warnings };
    case 'webgl':
      if (kind === 'software') warnings.push(`WebGL runs on a software renderer${where}; WASM would be faster.`);
      return { order: ['webgl', 'wasm', 'cpu'], reason: `WebGL chosen by the user${where}.`, warnings };
    default:
      if (!probe.available) return { order: ['wasm', 'cpu'], reason: 'WebGL is not available here, so WASM is used.', warnings };
      if (kind === 'software') {
        return {
          order: ['wasm', 'cpu'],
          reason: `WebGL renders in software${where}, which is slower than WASM, so WASM is used.`,
          warnings,
        };
      }
      return { order: ['webgl', 'wasm', 'cpu'], reason: `WebGL on the GPU${where}.`, warnings };
  }
}

let wasmPathsSet = false;

async function tryBackend(name: BackendName, options: BackendOptions, software: boolean): Promise<string | null> {
  try {
    if (name === 'wasm' && !options.wasmThreads) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (name === 'wasm' && options.wasmPaths && !wasmPathsSet) {
      setWasmPaths(options.wasmPaths as Parameters<typeof setWasmPaths>[0]);
      wasmPathsSet = true;
    }
    if (name === 'webgl' && software && options.allowSoftwareWebgl) tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
    if (name === 'webgl') forgetLostWebglBackend();
    const ok = await tf.setBackend(name);
    await tf.ready();
    if (!ok || tf.getBackend() !== name) return `${name} could not be initialised`;
    return null;
  } catch (e) {
    return `${name} failed: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** Chooses and initialises a tfjs backend; reports which one and why. */
export async function selectBackend(options: BackendOptions = {}): Promise<BackendReport> {
  const preference = options.preference ?? 'auto';
  const needsProbe = preference === 'auto' || preference === 'webgl';
  const probe = options.probe ?? (needsProbe ? probeWebgl() : { available: false, renderer: null });
  const plan = planBackends(preference, probe);
  const software = classifyRenderer(probe.renderer) === 'software';
  const warnings = [...plan.warnings];
  let reason = plan.reason;
  for (const name of plan.order) {
    const failure = await tryBackend(name, options, software);
    if (failure) {
      warnings.push(`${failure}; falling back.`);
      reason = `${plan.reason} ${name.toUpperCase()} was unavailable, so the next choice is used.`;
      continue;
    }
    if (name === 'webgl' && !tf.env().getBool('WEBGL_RENDER_FLOAT32_CAPABLE')) {
      warnings.push('This WebGL cannot render float32 textures: tensors are stored as float16, so training is imprecise.');
    }
    if (name !== plan.order[0]) reason = `${reason.replace(/ [A-Z]+ was unavailable.*$/, '')} Using ${name.toUpperCase()} instead.`;
    return { backend: name, reason, warnings, renderer: probe.renderer };
  }
  throw new Error(`No TensorFlow.js backend could be initialised: ${warnings.join(' ')}`);
}

/** The backend tfjs is using now. */
export function currentBackend(): string {
  return tf.getBackend();
}
