// The TensorFlow.js format of a gradient-descent model: a LayersModel with
// one dense layer holding the trained weights (linear output for regression,
// sigmoid for two classes, softmax for several), saved through tf.io as
// model.json plus weights.bin, which tf.loadLayersModel reads back.
//
// The layer's inputs are the model's terms in order (the prepared features,
// and their powers for a polynomial regression); the preparation is not a
// layer. It travels in model.json's userDefinedMetadata as the fitbook model
// file, with the input names, so nothing is lost.
//
// TensorFlow.js is imported on demand: this runs only for a cell that
// trained with gradient descent, so tfjs is already loaded by then.
import type * as TF from '@tensorflow/tfjs';
import type { ModelFile } from './format';
import { termName } from '../../ml/basis';

export const WEIGHTS_FILE = 'weights.bin';

export interface TfjsFiles {
  /** model.json's text. */
  json: string;
  /** weights.bin's bytes. */
  weights: ArrayBuffer;
}

/** Input names, weights (row k of `rows` holds output k's weight per input) and the activation. */
export function denseLayerOf(file: ModelFile): { inputs: string[]; rows: number[][]; bias: number[]; activation: 'linear' | 'sigmoid' | 'softmax' } {
  const { model } = file;
  if (model.kind === 'linear') {
    return {
      inputs: model.terms.map((t) => termName(t.feature, t.power)),
      rows: [model.coefficients],
      bias: [model.intercept],
      activation: 'linear',
    };
  }
  return {
    inputs: file.features,
    rows: model.coefficients,
    bias: model.intercepts,
    activation: model.multinomial ? 'softmax' : 'sigmoid',
  };
}

export async function tfjsModelFiles(file: ModelFile): Promise<TfjsFiles> {
  const tf = await import('@tensorflow/tfjs');
  const layer = denseLayerOf(file);
  const p = layer.inputs.length;
  const units = layer.rows.length;
  const kernel = new Float32Array(p * units);
  layer.rows.forEach((row, k) => row.forEach((w, j) => (kernel[j * units + k] = w)));
  const model = tf.sequential({
    name: `fitbook_${file.source.cell.replace(/\W+/g, '_')}`,
    layers: [tf.layers.dense({ inputShape: [p], units, activation: layer.activation, useBias: true })],
  });
  let saved: TF.io.ModelArtifacts | undefined;
  try {
    const weights = [tf.tensor2d(kernel, [p, units]), tf.tensor1d(Float32Array.from(layer.bias))];
    model.setWeights(weights);
    tf.dispose(weights);
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
  } finally {
    model.dispose();
  }
  if (!saved?.weightSpecs || !saved.weightData) throw new Error('TensorFlow.js gave no weights to save.');
  const json: TF.io.ModelJSON = {
    modelTopology: saved.modelTopology as object,
    format: saved.format,
    generatedBy: saved.generatedBy,
    convertedBy: saved.convertedBy,
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: saved.weightSpecs }],
    userDefinedMetadata: { fitbook: { inputs: layer.inputs, model: file } },
  };
  return { json: JSON.stringify(json), weights: tf.io.CompositeArrayBuffer.join(saved.weightData) };
}
