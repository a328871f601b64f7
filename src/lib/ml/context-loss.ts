// WebGL context loss. A browser may take the GPU context away at any time (a
// driver reset, too many contexts, the tab in the background on a phone); tfjs's
// WebGL backend then never finishes a read: `await tensor.data()` polls a fence
// that will never signal, and training would hang for ever. This module watches
// the backend's canvas, tells the shell (which switches to WASM), and gives the
// trainer a promise to race every await with, so that no run outlives the context.
import * as tf from '@tensorflow/tfjs';

/** The error a run ends with when the WebGL context was lost under it. */
export class ContextLostError extends Error {
  constructor() {
    super('The WebGL context was lost during training (the browser reset the GPU), so the run stopped. fitbook now trains on WASM: train again to continue.');
    this.name = 'ContextLostError';
  }
}

export function isContextLostError(e: unknown): boolean {
  return e instanceof Error && e.name === 'ContextLostError';
}

type Canvas = HTMLCanvasElement | OffscreenCanvas;

/** The canvas the WebGL backend draws on, or null when another backend is in use. */
export function webglCanvas(): Canvas | null {
  if (tf.getBackend() !== 'webgl') return null;
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } };
  return (backend.gpgpu?.gl?.canvas as Canvas | undefined) ?? null;
}

let lost = false;

/**
 * Whether the context under the current backend is lost now. The canvas's event comes
 * a moment later than the loss, and an op that fails meanwhile throws tfjs's own error
 * (a shader that does not compile): the trainer asks this to say what really happened.
 */
export function contextLostNow(): boolean {
  if (lost) return true;
  const canvas = webglCanvas();
  const gl = canvas ? (tf.backend() as unknown as { gpgpu: { gl: WebGLRenderingContext } }).gpgpu.gl : null;
  return gl?.isContextLost() ?? false;
}

const waiting = new Set<(error: ContextLostError) => void>();

/**
 * A promise that rejects with ContextLostError when the watched context is lost (at
 * once if it already was), and never settles otherwise. `release` forgets it, so a
 * finished run leaves nothing behind.
 */
export function contextLoss(): { promise: Promise<never>; release: () => void } {
  let reject!: (error: ContextLostError) => void;
  const promise = new Promise<never>((_, r) => (reject = r));
  // Marked handled: a run that never awaits it must not report an unhandled rejection.
  promise.catch(() => undefined);
  if (lost) reject(new ContextLostError());
  else waiting.add(reject);
  return { promise, release: () => waiting.delete(reject) };
}

/**
 * Watches the current backend's WebGL context (nothing to do on WASM or CPU). On
 * loss, `onLost` runs first (the shell switches backend and makes new runs wait for
 * it), then every run waiting on contextLoss() ends. Returns a function that stops watching.
 * `canvas` is the backend's (tests pass a stand-in).
 */
export function watchWebglContext(onLost: () => void, canvas: EventTarget | null = webglCanvas()): () => void {
  lost = false;
  if (!canvas) return () => undefined;
  const handle = () => {
    lost = true;
    canvas.removeEventListener('webglcontextlost', handle);
    onLost();
    for (const reject of waiting) reject(new ContextLostError());
    waiting.clear();
  };
  canvas.addEventListener('webglcontextlost', handle);
  return () => canvas.removeEventListener('webglcontextlost', handle);
}

/**
 * Before WebGL is chosen again: a registered WebGL backend whose context was lost is
 * dropped and its factory registered anew, so tfjs builds a fresh context instead of
 * reusing the dead one (tfjs's context cache already replaces a lost context).
 */
export function forgetLostWebglBackend(): void {
  const registry = (tf.engine() as unknown as { registry: Record<string, { gpgpu?: { gl?: WebGLRenderingContext } }> }).registry;
  if (!registry.webgl?.gpgpu?.gl?.isContextLost()) return;
  const factory = tf.findBackendFactory('webgl');
  tf.removeBackend('webgl');
  // tfjs-backend-webgl registers itself with priority 2.
  if (factory) tf.registerBackend('webgl', factory, 2);
}
