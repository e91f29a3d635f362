/**
 * Classifying points of the plane: TensorFlow Playground's default network on the circle (a lesson
 * with no article behind it), and the naive log loss of article 003's second example met by a
 * classifier that learns the circle and grows confident.
 */
import type { Scenario } from '../../engine/scenario';
import type { Preset } from '../presetTypes';

/** TensorFlow Playground's opening data: 500 circle points without noise, half of them for training. */
const circle: Partial<Scenario> = { model: 'classifier', dataset: 'circle', samples: 500, noise: 0, trainFraction: 0.5 };

// TensorFlow Playground's opening network: x1 and x2 as inputs, two tanh layers of 4 and 2, plain SGD at
// 0.03 on batches of 10. Its output is a tanh fitted to ±1 labels by squared error; here the labels are
// 0/1 and the output a logit trained with the stable log loss (the classifier this app has). The
// boundary sits where the output crosses 0.5 instead of 0; the network and the data are the same.
const playgroundDefault: Partial<Scenario> = {
  ...circle,
  hidden: [4, 2],
  activation: 'tanh',
  loss: 'bceLogits',
  optimizer: 'sgd',
  lr: 0.03,
  batchSize: 10,
  steps: 2500,
};

// A wider ReLU layer at a large rate on the whole batch: the circle is learnt in a few dozen steps, and
// then nothing stops the logits from growing until the sigmoid rounds to exactly 0 or 1 in float32.
const confidentCircle: Partial<Scenario> = {
  ...circle,
  hidden: [8],
  activation: 'relu',
  optimizer: 'sgd',
  lr: 1,
  batchSize: 0,
  steps: 1000,
};

export const PLANE_CLASSIFICATION_PRESETS: Preset[] = [
  {
    id: 'playground-circle',
    title: 'TensorFlow Playground’s default network on the circle',
    source: { kind: 'playground', setting: 'the default network on the circle data set' },
    explanation:
      'Blue points in a disc, orange points in a ring around it; a 2-4-2-1 tanh network sees only x1 and x2 and trains on half ' +
      'the points with SGD. The heat map shows its output over the plane and the accuracy on the held-out half. Unlike ' +
      'TensorFlow Playground, the output is a logit trained with the log loss on 0/1 labels.',
    claim: {
      statement: 'The small default network separates the disc from the ring: its log loss falls below 0.2 by the end of the run.',
      check: { expect: 'lossBelow', value: 0.2 },
    },
    scenario: playgroundDefault,
  },
  {
    id: 'circle-log-loss-naive',
    title: 'Hand-written log loss on a classifier that learns the circle',
    source: { file: '003_cb3daac581db8352.txt', example: 2 },
    pair: { role: 'broken', other: 'circle-log-loss-logits' },
    explanation:
      'The cross-entropy of the article written out as −[y·log p + (1 − y)·log(1 − p)] with no ε, now on a network that ' +
      'classifies the circle. Every point is right after a few dozen steps, and the weights keep growing: once a sigmoid ' +
      'output rounds to exactly 1, the term (1 − y)·log(1 − p) of a blue point is 0 · log 0.',
    claim: {
      statement: 'A probability of exactly 0 or 1 inside the logs makes the loss NaN, even when the prediction is right.',
      check: { expect: 'nonFinite', withinSteps: 1000, where: { phases: ['loss'], words: 'in the loss, where log(0) is taken' } },
    },
    scenario: { ...confidentCircle, loss: 'bce', epsPlacement: 'none' },
  },
  {
    id: 'circle-log-loss-logits',
    title: 'The same classifier with the log loss computed from logits',
    source: { file: '003_cb3daac581db8352.txt', example: 2 },
    pair: { role: 'fixed', other: 'circle-log-loss-naive' },
    explanation: 'The loss takes the logit z itself, as max(z, 0) − z·y + log(1 + e^−|z|): no probability is ever rounded to 0 or 1 before a log.',
    claim: {
      statement: 'Computed from the logits, the log loss stays finite however confident the network grows.',
      check: { expect: 'finite' },
    },
    scenario: { ...confidentCircle, loss: 'bceLogits' },
  },
];
