// The wasm backend in Node (no path setup needed there): the U-Net cannot train on it, and the
// engine says so before tfjs fails; dense models train.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, type Scenario } from './scenario';
import { createTrainer, unsupportedReason } from './trainer';

const base = (over: Partial<Scenario>): Scenario => ({ ...DEFAULT_SCENARIO, hidden: [...DEFAULT_SCENARIO.hidden], ...over });
const UNET = base({ model: 'unet', dataset: 'shapes', imageSize: 16, samples: 1, filters: 4, depth: 1 });

beforeAll(async () => {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  expect(await tf.setBackend('wasm')).toBe(true);
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('wasm backend', () => {
  it('really lacks the convolution weight gradient (so the check below is needed)', () => {
    const x = tf.ones([1, 4, 4, 1]) as tf.Tensor4D;
    const w = tf.variable(tf.ones([3, 3, 1, 1]));
    expect(() => tf.variableGrads(() => tf.sum(tf.conv2d(x, w as tf.Variable<tf.Rank.R4>, 1, 'same')), [w])).toThrow(/Conv2DBackpropFilter/);
    w.dispose();
    x.dispose();
  });

  it('createTrainer refuses the U-Net with the reason, and trains the autoencoder', () => {
    expect(() => createTrainer(UNET)).toThrow(unsupportedReason(UNET, 'wasm')!);
    const t = createTrainer(base({ model: 'autoencoder', dataset: 'uniform', features: 10, hidden: [5], samples: 20 }));
    const recs = t.run(5);
    expect(recs[4]!.loss).toBeLessThan(recs[0]!.loss);
    t.dispose();
  });
});
