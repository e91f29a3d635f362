/**
 * The benchmark's reference models: each one as a scenario the engine trains and as the bare tfjs
 * loop of the same ops. Shared by the Node benchmark and the lab page in the browser.
 */
import { DEFAULT_SCENARIO, type Scenario } from '../engine/scenario';
import type { Stepper } from './measure';
import { bareAutoencoder, bareLinear, bareUnet } from './bareLoops';

export interface ReferenceModel {
  id: string;
  label: string;
  scenario: Scenario;
  bare: () => Stepper;
  /** Steps per timed run, chosen so one run takes roughly a second on the slowest backend that can train it. */
  steps: { node: number; browser: number };
}

function scenario(overrides: Partial<Scenario>): Scenario {
  return { ...DEFAULT_SCENARIO, hidden: [...DEFAULT_SCENARIO.hidden], sentinel: true, ...overrides };
}

const unet = (size: number, batch: number, filters: number): Partial<Scenario> => ({
  model: 'unet',
  dataset: 'shapes',
  imageSize: size,
  samples: batch,
  batchSize: batch,
  depth: 2,
  filters,
  activation: 'relu',
  init: 'heNormal',
  batchNorm: false,
  upsampling: 'nearest',
  loss: 'bceLogits',
  optimizer: 'adam',
  lr: 0.001,
});

export const REFERENCE_MODELS: ReferenceModel[] = [
  {
    id: 'linear',
    label: 'linear 2→1, 3 samples, SGD',
    scenario: scenario({ model: 'linear', dataset: 'articleLinear', normalization: 'zscore', optimizer: 'sgd', lr: 0.01, loss: 'mse', hidden: [] }),
    bare: bareLinear,
    steps: { node: 400, browser: 300 },
  },
  {
    id: 'autoencoder',
    label: 'autoencoder 10→5→10, 100 samples, Adam',
    scenario: scenario({
      model: 'autoencoder',
      dataset: 'uniform',
      samples: 100,
      features: 10,
      hidden: [5],
      activation: 'linear',
      optimizer: 'adam',
      lr: 0.01,
      loss: 'mse',
    }),
    bare: bareAutoencoder,
    steps: { node: 100, browser: 100 },
  },
  {
    id: 'unet32',
    label: 'U-Net 32×32, batch 4, 8 filters',
    scenario: scenario(unet(32, 4, 8)),
    bare: () => bareUnet(32, 4, 8),
    steps: { node: 2, browser: 5 },
  },
  {
    id: 'unet64',
    label: 'U-Net 64×64, batch 8, 16 filters',
    scenario: scenario(unet(64, 8, 16)),
    bare: () => bareUnet(64, 8, 16),
    steps: { node: 1, browser: 2 },
  },
];
