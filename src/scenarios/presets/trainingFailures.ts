/** Presets for 003: unscaled features with SGD, a log loss fed zero probabilities, a faulty backward. */
import type { Scenario } from '../../engine/scenario';
import type { Preset } from '../presetTypes';

const FILE = '003_cb3daac581db8352.txt';

// Keras defaults for the regression: SGD at 0.01, full batch of the three rows, ten epochs.
const kerasLinear: Partial<Scenario> = {
  model: 'linear',
  dataset: 'articleLinear',
  init: 'glorotUniform',
  loss: 'mse',
  reduction: 'mean',
  optimizer: 'sgd',
  lr: 0.01,
  batchSize: 0,
  steps: 10,
};

// The article computes the loss of fixed probabilities against fixed labels, so the probabilities
// themselves are the parameter (a classifier's sigmoid could never output an exact 0 or 1). The loss
// is summed, not averaged, as in the article.
const logLoss: Partial<Scenario> = { model: 'predictions', dataset: 'logLossProbs', loss: 'bce', reduction: 'sum', optimizer: 'sgd', lr: 0.01, steps: 10 };

// One unit-scale input feature: the layer's own arithmetic, not the data, decides what happens.
const customSquare: Partial<Scenario> = {
  model: 'customSquare',
  dataset: 'uniform',
  features: 1,
  samples: 64,
  loss: 'mse',
  optimizer: 'sgd',
  lr: 0.01,
  steps: 20,
};

export const TRAINING_FAILURE_PRESETS: Preset[] = [
  {
    id: 'unscaled-features-sgd',
    title: 'Linear regression on features 10⁵ apart',
    source: { file: FILE, example: 1 },
    pair: { role: 'broken', other: 'unscaled-features-zscore' },
    explanation:
      'Three rows whose second feature is a hundred thousand times the first, fitted by one dense unit with SGD. ' +
      'The weight on the large feature gets a gradient of the order of 10¹⁰.',
    claim: {
      statement: 'The mismatch of feature scales makes SGD diverge and the loss becomes NaN within the ten epochs.',
      check: { expect: 'nonFinite', withinSteps: 10, where: { phases: ['loss'], words: 'in the loss' } },
    },
    scenario: kerasLinear,
  },
  {
    id: 'unscaled-features-zscore',
    title: 'The same regression with standardised features',
    source: { file: FILE, example: 1 },
    pair: { role: 'fixed', other: 'unscaled-features-sgd' },
    explanation: 'Each feature is shifted to mean 0 and scaled to variance 1 before training.',
    claim: {
      statement: 'Normalising the inputs removes the explosion.',
      check: { expect: 'finite' },
    },
    scenario: { ...kerasLinear, normalization: 'zscore' },
  },
  {
    id: 'log-loss-zero-probability',
    title: 'Log loss with probabilities of exactly 0 and 1',
    source: { file: FILE, example: 2 },
    pair: { role: 'broken', other: 'log-loss-epsilon' },
    explanation:
      'Predicted probabilities 0, 1, 0, 0 against labels 0, 1, 0, 1 in a hand-written cross-entropy with no ε. ' +
      'The last sample takes log(0), and the others multiply a zero label by log(0).',
    claim: {
      statement: 'A probability of exactly zero inside the log makes the loss NaN.',
      check: { expect: 'nonFinite', withinSteps: 1, where: { phases: ['loss'], words: 'in the loss, where log(0) is taken' } },
    },
    scenario: { ...logLoss, epsPlacement: 'none' },
  },
  {
    id: 'log-loss-epsilon',
    title: 'Log loss with ε added inside log(p)',
    source: { file: FILE, example: 2 },
    pair: { role: 'fixed', other: 'log-loss-zero-probability' },
    explanation: "The article's remedy: 10⁻⁷ added to p inside the first log only; log(1 − p) is left as it was.",
    claim: {
      statement: 'Adding a small ε to the predicted probability avoids log(0) and gives a finite loss.',
      check: { expect: 'finite' },
    },
    scenario: { ...logLoss, epsPlacement: 'one', lossEps: 1e-7 },
  },
  {
    id: 'custom-backward-divide-by-zero',
    title: 'Hand-written backward that divides by zero',
    source: { file: FILE, example: 3 },
    pair: { role: 'broken', other: 'custom-backward-correct' },
    explanation: 'A layer computing x² whose gradient function was written by hand and divides the incoming gradient by 0.',
    claim: {
      statement: 'A flawed custom gradient produces NaN or Inf in backpropagation.',
      check: { expect: 'nonFinite', withinSteps: 1, where: { phases: ['backward'], words: 'in the backward pass' } },
    },
    scenario: { ...customSquare, gradFault: true },
  },
  {
    id: 'custom-backward-correct',
    title: 'The same layer with the correct gradient 2x',
    source: { file: FILE, example: 3 },
    pair: { role: 'fixed', other: 'custom-backward-divide-by-zero' },
    explanation: 'The custom layer again, with its backward returning 2x times the incoming gradient.',
    claim: {
      statement: 'With a correct backward the same model trains without non-finite values.',
      check: { expect: 'finite' },
    },
    scenario: { ...customSquare, gradFault: false },
  },
];
