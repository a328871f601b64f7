// Training must not start before the shell has chosen the TensorFlow.js
// backend (tfjs would otherwise initialise its own default). The shell hands
// its start-up promise here; cells wait on it. In Node (unit tests) nothing is
// handed over and tfjs uses its CPU backend.
let ready: Promise<unknown> = Promise.resolve();

export function setBackendReady(promise: Promise<unknown>): void {
  ready = promise;
}

export function backendReady(): Promise<unknown> {
  return ready;
}
