// Backend choice: the pure plan for every preference/renderer, and real selection in Node.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyRenderer, currentBackend, planBackends, probeWebgl, selectBackend } from '../../../src/lib/ml/backend';

const swiftshader = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const gpu = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)';

describe('planBackends', () => {
  it('classifies renderers', () => {
    expect(classifyRenderer(swiftshader)).toBe('software');
    expect(classifyRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('software');
    expect(classifyRenderer('Microsoft Basic Render Driver')).toBe('software');
    expect(classifyRenderer(gpu)).toBe('hardware');
    expect(classifyRenderer(null)).toBe('unknown');
  });
  it('auto: WebGL on a GPU, WASM on software WebGL or none', () => {
    expect(planBackends('auto', { available: true, renderer: gpu }).order).toEqual(['webgl', 'wasm', 'cpu']);
    const soft = planBackends('auto', { available: true, renderer: swiftshader });
    expect(soft.order).toEqual(['wasm', 'cpu']);
    expect(soft.reason).toMatch(/software.*slower than WASM/);
    expect(planBackends('auto', { available: false, renderer: null }).order).toEqual(['wasm', 'cpu']);
  });
  it('user overrides win, with a warning for software WebGL', () => {
    expect(planBackends('cpu', { available: true, renderer: gpu }).order).toEqual(['cpu']);
    expect(planBackends('wasm', { available: true, renderer: gpu }).order).toEqual(['wasm', 'cpu']);
    const webgl = planBackends('webgl', { available: true, renderer: swiftshader });
    expect(webgl.order[0]).toBe('webgl');
    expect(webgl.warnings.join()).toMatch(/software renderer/);
  });
});

describe('selectBackend in Node', () => {
  const require = createRequire(import.meta.url);
  const wasmPaths = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + '/';
  it('has no WebGL to probe', () => {
    expect(probeWebgl().available).toBe(false);
  });
  it('auto picks WASM (no WebGL here) and says why', async () => {
    const report = await selectBackend({ wasmPaths });
    expect(report.backend).toBe('wasm');
    expect(report.reason).toMatch(/WebGL is not available/);
    expect(currentBackend()).toBe('wasm');
  });
  it('a WebGL request falls back with a warning; cpu on request', async () => {
    const report = await selectBackend({ preference: 'webgl', probe: { available: true, renderer: gpu }, wasmPaths });
    expect(report.backend).toBe('wasm');
    expect(report.warnings.join()).toMatch(/webgl/i);
    expect(report.reason).toMatch(/Using WASM instead/);
    expect((await selectBackend({ preference: 'cpu' })).backend).toBe('cpu');
  });
});
