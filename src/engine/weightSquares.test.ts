import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, type Scenario } from './scenario';
import { createTrainer } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const AUTOENCODER: Scenario = {
  ...DEFAULT_SCENARIO,
  hidden: [5],
  model: 'autoencoder',
  dataset: 'uniform',
  features: 10,
  samples: 100,
  activation: 'linear',
  optimizer: 'adam',
  lr: 0.01,
};

// hostChecks off: the device path, where each step's Σw² is carried to the next (weightSquares.ts).
describe('the Σw² carried from step to step', () => {
  it('is summed again after a restore: the replayed steps repeat their records exactly', () => {
    const before = tf.memory().numTensors;
    const trainer = createTrainer(AUTOENCODER, { hostChecks: false });
    trainer.run(2);
    const at2 = trainer.snapshot();
    const first = trainer.run(4);
    trainer.restore(at2);
    const again = trainer.run(4);
    expect(again).toEqual(first);
    at2.dispose();
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaves the tensor count flat from step to step', () => {
    const trainer = createTrainer(AUTOENCODER, { hostChecks: false });
    trainer.run(3);
    const count = tf.memory().numTensors;
    trainer.run(5);
    expect(tf.memory().numTensors).toBe(count);
    trainer.dispose();
  });
});
