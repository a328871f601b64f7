// The solver options every model cell shares: exact float64, or gradient
// descent on TensorFlow.js with its optimiser and schedule.
import { z } from 'zod';
import { tunable } from '../../lib/notebook/controls';

export const optimizers = ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'] as const;

export const solverShape = {
  solver: z.enum(['exact', 'gradient-descent']).default('exact'),
  optimizer: z.enum(optimizers).default('adam'),
  learningRate: tunable(z.number().positive()).default(0.05),
  /** Rows per step; 0 means the whole training part (plain, full-batch gradient descent). */
  batchSize: tunable(z.number().int().min(0)).default(0),
  epochs: tunable(z.number().int().min(1).max(100_000)).default(200),
  /** Stop when the validation loss has not improved for this many epochs (needs a validation part). */
  patience: z.number().int().min(1).optional(),
};
