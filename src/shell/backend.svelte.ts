// Starts TensorFlow.js on the backend the engine picks (DESIGN rule 2) and
// keeps the report for the toolbar badge. tfjs is loaded lazily so the first
// notebook appears before it is ready.
export interface BackendStatus {
  backend?: 'webgl' | 'wasm' | 'cpu';
  reason?: string;
  warnings: string[];
  error?: string;
}

export const backendStatus: BackendStatus = $state({ warnings: [] });

let starting: Promise<void> | undefined;

export function startBackend(): Promise<void> {
  starting ??= (async () => {
    try {
      const tf = await import('@tensorflow/tfjs');
      await tf.ready();
      backendStatus.backend = tf.getBackend() as BackendStatus['backend'];
      backendStatus.reason = 'default';
    } catch (error) {
      backendStatus.error = error instanceof Error ? error.message : String(error);
    }
  })();
  return starting;
}
