// Gradient-descent options checked at the engine's boundary (see ../checks.ts): every number
// finite and in range before a tensor is made, so no loop runs on NaN and the message names
// the option.
import { checkNumber, checkPenalties } from '../checks';
import { OPTIMIZERS } from './optimizers';
import type { GdOptions } from './trainer';

export function checkGdOptions(options: GdOptions): void {
  if (options.optimizer !== undefined && !OPTIMIZERS.includes(options.optimizer)) {
    throw new RangeError(`Unknown optimiser '${String(options.optimizer)}'; choose one of ${OPTIMIZERS.join(', ')}.`);
  }
  checkNumber('The learning rate', options.learningRate, 0.01, { min: 0, above: true });
  checkNumber('The momentum', options.momentum, 0.9, { min: 0, max: 1, below: true });
  if (options.batchSize !== 'full') checkNumber('The batch size', options.batchSize, 1, { min: 1, integer: true });
  checkNumber('The number of epochs', options.epochs, 100, { min: 1, max: 10_000_000, integer: true });
  checkPenalties(options.l1, options.l2);
  checkNumber('The validation fraction', options.validationFraction, 0.5, { min: 0, max: 1, below: true });
  checkNumber('evaluateEvery', options.evaluateEvery, 1, { min: 1, integer: true });
  checkNumber('The seed', options.seed, 1, { integer: true });
  if (options.earlyStopping) {
    checkNumber('The early-stopping patience', options.earlyStopping.patience, 1, { min: 1, integer: true });
    checkNumber('The early-stopping minDelta', options.earlyStopping.minDelta, 0, { min: 0 });
  }
}
