// The solver options every model cell shares: exact float64, or gradient
// descent on TensorFlow.js with its optimiser and schedule.
import { z } from 'zod';
import { tunable } from '../../lib/notebook/controls';

export const optimizers = ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'] as const;

export const solverShape = {
  solver: z.enum(['exact', 'gradient-descent']).meta({ label: 'Solver' }).default('exact'),
  optimizer: z.enum(optimizers).meta({ label: 'Optimiser' }).default('adam'),
  learningRate: tunable(z.number().positive()).meta({ label: 'Learning rate', range: { min: 0.0001, max: 1, scale: 'log' } }).default(0.05),
  /** Rows per step; 0 means the whole training part (plain, full-batch gradient descent). */
  batchSize: tunable(z.number().int().min(0)).meta({ label: 'Batch size (0 = all rows)', range: { min: 0, max: 512 } }).default(0),
  epochs: tunable(z.number().int().min(1).max(100_000)).meta({ label: 'Epochs', range: { min: 1, max: 5000 } }).default(200),
  /** Stop when the validation loss has not improved for this many epochs (needs a validation part). */
  patience: z.number().int().min(1).optional(),
};
