/** Presets for 004: a 10 → 5 → 10 autoencoder, before and after the article's stabilising changes. */
import type { Scenario } from '../../engine/scenario';
import type { Preset } from '../presetTypes';

const FILE = '004_4487f885cc4d5f4e.txt';

// 100 uniform vectors of width 10, a code of 5, Adam, 50 full-batch epochs, PyTorch's default init.
const autoencoder: Partial<Scenario> = {
  model: 'autoencoder',
  dataset: 'uniform',
  samples: 100,
  features: 10,
  hidden: [5],
  init: 'torchLinear',
  loss: 'mse',
  reduction: 'mean',
  optimizer: 'adam',
  batchSize: 0,
  steps: 50,
};

// The article's second and third examples share these changes: tanh code, inputs ×0.1, lr 1e-3, L2 1e-5.
const stabilised: Partial<Scenario> = { ...autoencoder, activation: 'tanh', inputScale: 0.1, lr: 0.001, weightDecay: 1e-5 };

export const AUTOENCODER_PRESETS: Preset[] = [
  {
    id: 'autoencoder-plain',
    title: 'Linear autoencoder, MSE, Adam at 0.01',
    source: { file: FILE, example: 1 },
    pair: { role: 'broken', other: 'autoencoder-scaled-tanh' },
    explanation:
      'Inputs in [0, 1), no activation between encoder and decoder, and the reconstruction error as loss. ' +
      'At the start the reconstruction is far from the input.',
    claim: {
      statement: 'Early reconstruction errors are large enough for the MSE to drive training to NaN.',
      check: {
        expect: 'nonFinite',
        withinSteps: 50,
        where: { phases: ['forward', 'loss', 'backward'], words: 'in the MSE of large reconstruction errors or its gradients' },
      },
    },
    scenario: { ...autoencoder, activation: 'linear', lr: 0.01 },
  },
  {
    id: 'autoencoder-scaled-tanh',
    title: 'Scaled inputs, tanh code, smaller step, weight decay',
    source: { file: FILE, example: 2 },
    pair: { role: 'fixed', other: 'autoencoder-plain' },
    explanation: 'Inputs shrunk to [0, 0.1), a tanh on the code, Adam at 0.001 with an L2 penalty of 10⁻⁵.',
    claim: {
      statement: 'Bounded activations, smaller inputs, a smaller learning rate and weight decay keep the run finite.',
      check: { expect: 'finite' },
    },
    scenario: stabilised,
  },
  {
    id: 'autoencoder-ratio-loss',
    title: 'Error ratio e²/(e² + ε) as the loss',
    source: { file: FILE, example: 3 },
    pair: { role: 'fixed', other: 'autoencoder-plain' },
    explanation: 'The stabilised model with a loss that divides each squared error by itself plus 10⁻⁷, so the division never meets 0/0.',
    claim: {
      statement: 'Putting ε in the denominator rules out division by zero and training stays finite.',
      check: { expect: 'finite' },
    },
    scenario: { ...stabilised, loss: 'ratio', lossEps: 1e-7 },
  },
];
