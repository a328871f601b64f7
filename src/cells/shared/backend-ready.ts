// Training must not start before the shell has chosen the TensorFlow.js
// backend (tfjs would otherwise initialise its own default). tfjs is loaded on
// demand: the shell registers how to start it, and the first cell that trains
// by gradient descent starts it here; later cells wait on the same start. In
// Node (unit tests) nothing is registered and tfjs uses its CPU backend.
let start: () => Promise<unknown> = () => Promise.resolve();

export function setBackendStarter(starter: () => Promise<unknown>): void {
  start = starter;
}

/** Starts TensorFlow.js if nothing has yet, and resolves once its backend is chosen. */
export function backendReady(): Promise<unknown> {
  return start();
}
