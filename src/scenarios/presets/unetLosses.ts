/**
 * Article 000's own setting: a U-Net segmenting images, trained with MSE and with L1 from the same seed and the
 * same too-large learning rate. The article's code works on a loose tensor of predictions (the three presets in
 * predictionScale.ts); these two train the real model on the synthetic shapes, so the claim is tested where the
 * article says it bites.
 */
import type { Scenario } from '../../engine/scenario';
import type { Preset } from '../presetTypes';

const FILE = '000_f62fa187e79491aa.txt';

// Four 32×32 images of discs and rectangles with their masks, full batch, plain SGD. At learning rate 0.5 the MSE
// run diverges within its 40 steps on every backend measured (cpu, wasm, webgl); at 0.1 both losses train.
const unetOnShapes: Partial<Scenario> = {
  model: 'unet',
  dataset: 'shapes',
  samples: 4,
  imageSize: 32,
  optimizer: 'sgd',
  lr: 0.5,
  steps: 40,
};

export const UNET_LOSS_PRESETS: Preset[] = [
  {
    id: 'unet-mse',
    title: 'U-Net on shapes, MSE, SGD at 0.5',
    source: { file: FILE, example: 1 },
    pair: { role: 'broken', other: 'unet-l1' },
    explanation:
      'A small U-Net learns masks of discs and rectangles with the squared error and a learning rate that is too large. ' +
      'The gradient of MSE grows with the error, so each oversized step leaves a larger error and an even larger next step.',
    claim: {
      statement: 'Trained with MSE, the U-Net’s loss turns non-finite.',
      check: { expect: 'nonFinite', withinSteps: 40, where: { phases: ['loss'], words: 'in the MSE' } },
    },
    scenario: { ...unetOnShapes, loss: 'mse' },
  },
  {
    id: 'unet-l1',
    title: 'The same U-Net with L1',
    source: { file: FILE, example: 1 },
    pair: { role: 'fixed', other: 'unet-mse' },
    explanation:
      'Same seed, same images, same learning rate, only the loss is the absolute error. Its gradient per pixel is the sign of the error, ' +
      'whatever its size, so a step can be too large but never feeds on itself; watch whether the loss also learns.',
    claim: {
      statement: 'With L1 instead, the same training stays finite.',
      check: { expect: 'finite' },
    },
    scenario: { ...unetOnShapes, loss: 'l1' },
  },
];
