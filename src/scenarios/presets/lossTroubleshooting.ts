/**
 * Presets for 001: three general causes of NaN losses (outliers, activations, optimizer settings).
 * Each code example there is already the remedy, so the broken counterpart is the situation the
 * article describes before applying it.
 */
import type { Scenario } from '../../engine/scenario';
import type { Preset } from '../presetTypes';

const FILE = '001_b89798d26df32612.txt';

// A 10 → 20 → 1 network on 1,000 rows of ten features, the size used throughout the article. The
// uniform data set keeps every feature on the same unit scale like the article's random data, so the
// only thing each pair changes is the setting under discussion ("synthetic" spreads its features over
// ten decades on purpose, which would blow up every variant alike).
const tenFeatureMlp: Partial<Scenario> = {
  model: 'mlp',
  dataset: 'uniform',
  samples: 1000,
  features: 10,
  hidden: [20],
  activation: 'relu',
  init: 'torchLinear',
  loss: 'mse',
  steps: 200,
};

export const LOSS_TROUBLESHOOTING_PRESETS: Preset[] = [
  {
    id: 'outliers-raw',
    title: 'Extreme outliers left in the inputs',
    source: { file: FILE, example: 1 },
    pair: { role: 'broken', other: 'outliers-iqr-clipped' },
    explanation:
      'One row in a hundred is replaced by values a million times larger than the rest and fed to plain SGD unchanged. ' +
      'Those rows dominate every gradient.',
    claim: {
      statement: 'A few extreme rows are enough to push training to NaN if nothing removes them.',
      check: { expect: 'nonFinite', withinSteps: 200 },
    },
    scenario: { ...tenFeatureMlp, outlierFraction: 0.01, outlierMagnitude: 1e6, optimizer: 'sgd', lr: 0.01 },
  },
  {
    id: 'outliers-iqr-clipped',
    title: 'Outliers clipped to the interquartile fences',
    source: { file: FILE, example: 1 },
    pair: { role: 'fixed', other: 'outliers-raw' },
    explanation:
      'The same data, but each feature is clipped to 1.5 interquartile ranges beyond its quartiles before training, ' +
      'so the extreme rows land at ordinary values.',
    claim: {
      statement: 'Clipping each feature to its IQR fences keeps training stable.',
      check: { expect: 'finite' },
    },
    scenario: { ...tenFeatureMlp, outlierFraction: 0.01, outlierMagnitude: 1e6, normalization: 'iqr', optimizer: 'sgd', lr: 0.01 },
  },
  {
    id: 'activation-sigmoid-deep',
    title: 'A deep stack of sigmoids',
    source: { file: FILE, example: 2 },
    pair: { role: 'broken', other: 'activation-relu' },
    explanation:
      'Five sigmoid layers between input and output. Sigmoid saturates, so its gradient is tiny almost everywhere and ' +
      'shrinks further with each layer; the article also blames exponentials in activations for overflow.',
    claim: {
      statement: 'Saturating activations such as sigmoid in a deep network can end in a NaN loss.',
      check: { expect: 'nonFinite', withinSteps: 100, where: { phases: ['loss'], words: 'in the loss' } },
    },
    scenario: { ...tenFeatureMlp, hidden: [20, 20, 20, 20, 20], activation: 'sigmoid', optimizer: 'sgd', lr: 0.1, samples: 200, steps: 100 },
  },
  {
    id: 'activation-relu',
    title: 'ReLU instead of sigmoid',
    source: { file: FILE, example: 2 },
    pair: { role: 'fixed', other: 'activation-sigmoid-deep' },
    explanation: "The article's network: one hidden layer of 20 ReLU units, which pass gradients through unchanged where active.",
    claim: {
      statement: 'Swapping sigmoid or tanh for ReLU avoids the vanishing and exploding gradients and trains without NaN.',
      check: { expect: 'finite' },
    },
    scenario: { ...tenFeatureMlp, optimizer: 'sgd', lr: 0.1, samples: 200, steps: 100 },
  },
  {
    id: 'optimizer-high-lr',
    title: 'Learning rate far too high',
    source: { file: FILE, example: 3 },
    pair: { role: 'broken', other: 'optimizer-adam-clipped' },
    explanation:
      'The same network trained by plain SGD with a learning rate of 2 on inputs ten times larger than usual, with no ' +
      'clipping and no weight decay: each step overshoots further than the last.',
    claim: {
      statement: 'Too large a learning rate makes the gradients explode and the weights grow until the loss is NaN.',
      check: { expect: 'nonFinite', withinSteps: 200 },
    },
    scenario: { ...tenFeatureMlp, optimizer: 'sgd', lr: 2, inputScale: 10 },
  },
  {
    id: 'optimizer-adam-clipped',
    title: 'Adam, small learning rate, weight decay, norm clipping',
    source: { file: FILE, example: 3 },
    pair: { role: 'fixed', other: 'optimizer-high-lr' },
    explanation: "The article's safeguards together: Adam at 0.001, an L2 penalty of 0.0001 and the global gradient norm capped at 1.",
    claim: {
      statement: 'A lower learning rate, weight decay and gradient-norm clipping keep training stable.',
      check: { expect: 'finite' },
    },
    scenario: { ...tenFeatureMlp, inputScale: 10, optimizer: 'adam', lr: 0.001, weightDecay: 1e-4, clipping: 'norm', clipValue: 1 },
  },
];
