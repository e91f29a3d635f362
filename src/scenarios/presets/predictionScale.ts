/** Presets for 000: a squared-error loss on very large raw predictions, and two ways of taming them. */
import type { Scenario } from '../../engine/scenario';
import type { Preset } from '../presetTypes';

const FILE = '000_f62fa187e79491aa.txt';

// The article's tensors are 100 fixed predictions against zero targets; here that vector is the
// trainable parameter, so the loss of step 1 is exactly the article's loss and later steps show training.
const predictionsVsZero: Partial<Scenario> = {
  model: 'predictions',
  dataset: 'normalPredictions',
  samples: 100,
  loss: 'mse',
  reduction: 'mean',
  optimizer: 'sgd',
  lr: 0.1,
  steps: 30,
};

export const PREDICTION_SCALE_PRESETS: Preset[] = [
  {
    id: 'mse-large-predictions',
    title: 'MSE on predictions around ±100',
    source: { file: FILE, example: 1 },
    pair: { role: 'broken', other: 'mse-smaller-predictions' },
    explanation:
      'A hundred predictions drawn from a normal distribution and multiplied by 100 are compared with all-zero targets. ' +
      'Squared errors reach about 10⁴ each, so the question is whether squaring and averaging them can leave float32.',
    claim: {
      statement: 'Squaring errors of this size makes the MSE overflow to NaN, whereas L1 would stay finite.',
      check: { expect: 'nonFinite', withinSteps: 1, where: { phases: ['loss'], words: 'in the squared errors of the MSE' } },
    },
    scenario: { ...predictionsVsZero, inputScale: 100 },
  },
  {
    id: 'mse-smaller-predictions',
    title: 'MSE on predictions around ±10',
    source: { file: FILE, example: 2 },
    pair: { role: 'fixed', other: 'mse-large-predictions' },
    explanation: "The same experiment with the predictions shrunk tenfold, as if the model's output layer were rescaled.",
    claim: {
      statement: 'With outputs ten times smaller the squared errors stay representable and the MSE is a normal number.',
      check: { expect: 'finite' },
    },
    scenario: { ...predictionsVsZero, inputScale: 10 },
  },
  {
    id: 'mse-clamped-predictions',
    title: 'MSE on predictions clamped to ±100',
    source: { file: FILE, example: 3 },
    pair: { role: 'fixed', other: 'mse-large-predictions' },
    explanation: 'The large predictions are kept but forced into [−100, 100] before the loss, so no single error can exceed 100.',
    claim: {
      statement: 'Bounding the predictions before the loss keeps the MSE finite.',
      check: { expect: 'finite' },
    },
    scenario: { ...predictionsVsZero, inputScale: 100, predictionClamp: 100 },
  },
];
