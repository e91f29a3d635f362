/** TensorFlow Playground's default network on a 200-point circle, for the engine tests of the 2D classifier. */
import { DEFAULT_SCENARIO, type Scenario } from '../scenario';

export const CIRCLE: Scenario = {
  ...DEFAULT_SCENARIO,
  model: 'classifier',
  dataset: 'circle',
  samples: 200,
  hidden: [4, 2],
  activation: 'tanh',
  loss: 'bceLogits',
  optimizer: 'adam',
  lr: 0.03,
  batchSize: 10,
};
