// WebAssembly text to bytes with wabt (SIMD enabled); shared by build-wasm.mjs and the unit test
// that checks the committed bytes against the .wat.
import wabtInit from 'wabt';

/** The binary module assembled from WAT `text` (`name` is for error messages). */
export async function assembleWat(name, text) {
  const wabt = await wabtInit();
  const module = wabt.parseWat(name, text, { simd: true });
  try {
    module.validate();
    return new Uint8Array(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}
