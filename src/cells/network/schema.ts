// The network cell's options: one table that drives validation of the YAML,
// the options form and share links. Hidden layers are a list of small objects
// (units, activation and their own penalties and dropout), set in the cell's
// view or with Edit as YAML.
import { z } from 'zod';
import { tunable } from '../../lib/notebook/controls';
import { cellLink, column, columns, listOf } from '../../lib/notebook/fields';
import { optimizers } from '../shared/solver-options';
import { ACTIVATIONS, MAX_HIDDEN_LAYERS, MAX_UNITS } from '../../lib/nn/types';

import { CROSSES } from '../../lib/nn/crosses';

export const layerSchema = z
  .object({
    units: z.number().int().min(1).max(MAX_UNITS).default(4),
    activation: z.enum(ACTIVATIONS as ['relu', 'tanh', 'sigmoid', 'linear']).default('tanh'),
    /** Penalties on this layer's weights (not its biases), added to the training loss. */
    l1: z.number().min(0).default(0),
    l2: z.number().min(0).default(0),
    /** Fraction of this layer's outputs dropped at each training step. */
    dropout: z.number().min(0).max(0.9).default(0),
  })
  .strict();

export type LayerOptions = z.infer<typeof layerSchema>;

export const networkSchema = z
  .object({
    input: cellLink('table', 'Data'),
    target: column({ label: 'Target', model: true }),
    features: columns({ label: 'Features', numeric: true, model: true, excludes: 'target', minimum: 1 }),
    /** Rows with a gap in the target or a feature: 'ask' says which columns and offers a fix; 'drop' fits without them. */
    missing: z.enum(['ask', 'drop']).meta({ label: 'Rows with missing values' }).default('ask'),
    /** auto: classification for a label (text, boolean, or a number with few values), regression otherwise. */
    task: z.enum(['auto', 'classification', 'regression']).meta({ label: 'Task' }).default('auto'),
    /** 0 to 6 hidden layers, input side first; none is logistic (or linear) regression. */
    hidden: z.array(layerSchema).max(MAX_HIDDEN_LAYERS).meta({ label: 'Hidden layers' }).default([{ units: 4, activation: 'tanh', l1: 0, l2: 0, dropout: 0 }]),
    /** Penalties on the output layer's weights. */
    outputL1: z.number().min(0).meta({ label: 'Output layer L1' }).default(0),
    outputL2: z.number().min(0).meta({ label: 'Output layer L2' }).default(0),
    /** Extra inputs computed from two features (after standardising them): x1^2, x2^2, x1*x2, sin x1, sin x2. */
    crosses: listOf(z.array(z.enum(CROSSES))).meta({ label: 'Feature crosses' }).default([]),
    optimizer: z.enum(optimizers).meta({ label: 'Optimiser' }).default('adam'),
    learningRate: tunable(z.number().positive()).meta({ label: 'Learning rate', range: { min: 0.0001, max: 1, scale: 'log' } }).default(0.03),
    /** Rows per step; 0 means every training row at once. */
    batchSize: tunable(z.number().int().min(0).max(4096)).meta({ label: 'Batch size (0 = all rows)', range: { min: 0, max: 256 } }).default(16),
    epochs: tunable(z.number().int().min(1).max(5000)).meta({ label: 'Epochs', range: { min: 1, max: 1000 } }).default(100),
    /** Early stopping: epochs without a lower validation loss before training stops (needs a validation part). */
    patience: z.number().int().min(1).meta({ label: 'Early stopping patience' }).optional(),
    /** Seeds the initial weights, dropout and batch order. */
    seed: z.number().int().meta({ label: 'Seed' }).default(1),
  })
  .strict();

export type NetworkOptions = z.infer<typeof networkSchema>;
