// The optimisers a notebook can pick, by name.
import * as tf from '@tensorflow/tfjs';

export type OptimizerName = 'sgd' | 'momentum' | 'adam' | 'rmsprop' | 'adagrad';

export const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'];

export function makeOptimizer(name: OptimizerName, learningRate: number, momentum = 0.9): tf.Optimizer {
  if (!(learningRate > 0)) throw new Error(`Learning rate must be positive (got ${learningRate}).`);
  switch (name) {
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'momentum':
      return tf.train.momentum(learningRate, momentum);
    case 'adam':
      return tf.train.adam(learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate);
    case 'adagrad':
      return tf.train.adagrad(learningRate);
    default:
      throw new Error(`Unknown optimiser ${String(name)}; choose one of ${OPTIMIZERS.join(', ')}.`);
  }
}

/**
 * Disposes an optimiser and its slot variables. tfjs 4.22's MomentumOptimizer.dispose()
 * forgets the learning-rate scalar its SGD parent keeps (one tensor leaked per fit), so it
 * is freed here too.
 */
export function disposeOptimizer(optimizer: tf.Optimizer): void {
  optimizer.dispose();
  if (optimizer instanceof tf.MomentumOptimizer) {
    const c = (optimizer as unknown as { c?: tf.Tensor }).c;
    if (c && !c.isDisposed) c.dispose();
  }
}
