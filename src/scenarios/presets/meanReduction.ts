/**
 * Presets for 002: where NaN or precision loss is blamed on the averaging step of MSE, and the
 * sum-then-divide or logarithmic alternatives the article offers.
 */
import type { Scenario } from '../../engine/scenario';
import type { Preset } from '../presetTypes';

const FILE = '002_af9388c2a6e358a2.txt';

// Loss-only examples: the fixed prediction vector is the parameter, so step 1 reports the article's
// numbers exactly and the following steps show what a gradient does with them.
const lossOnly: Partial<Scenario> = { model: 'predictions', loss: 'mse', optimizer: 'sgd', lr: 0.01, steps: 20 };

export const MEAN_REDUCTION_PRESETS: Preset[] = [
  {
    id: 'mse-thousandfold-predictions',
    title: 'MSE with predictions a thousand times the targets',
    source: { file: FILE, example: 1 },
    pair: { role: 'broken', other: 'msle-thousandfold-predictions' },
    explanation: 'Targets 1, 2, 3 against predictions 1000, 2000, 3000, averaged with a single mean.',
    claim: {
      statement: 'The MSE is not yet NaN, only enormous (millions), which is what later turns into trouble in the gradients.',
      check: { expect: 'lossAbove', value: 1e6, atStep: 1 },
    },
    scenario: { ...lossOnly, dataset: 'largePredictions', reduction: 'mean' },
  },
  {
    id: 'msle-thousandfold-predictions',
    title: 'Log-space MSE with the same predictions',
    source: { file: FILE, example: 1 },
    pair: { role: 'fixed', other: 'mse-thousandfold-predictions' },
    explanation: 'The same numbers, compared after log(1 + x), summed and divided by the count.',
    claim: {
      statement: 'Taking log1p of both sides first shrinks the loss to a modest size.',
      check: { expect: 'lossBelow', value: 100, atStep: 1 },
    },
    scenario: { ...lossOnly, dataset: 'largePredictions', loss: 'msle', reduction: 'sumThenDivide' },
  },
  {
    id: 'mean-many-samples',
    title: 'reduce_mean over 100,000 slightly wrong predictions',
    source: { file: FILE, example: 2 },
    pair: { role: 'broken', other: 'sum-then-divide-many-samples' },
    explanation: 'A hundred thousand standard-normal targets and predictions offset by 0.1, each squared error about 2, averaged in one mean.',
    claim: {
      statement: 'With this many terms the accumulated sum overflows inside the mean and the result is NaN.',
      check: {
        expect: 'nonFinite',
        withinSteps: 1,
        where: { phases: ['loss'], quantities: ['loss/value'], words: 'in the sum inside the mean, not in its terms' },
      },
    },
    scenario: { ...lossOnly, dataset: 'noisyPredictions', samples: 100_000, reduction: 'mean' },
  },
  {
    id: 'sum-then-divide-many-samples',
    title: 'Sum, then one division, over the same 100,000',
    source: { file: FILE, example: 2 },
    pair: { role: 'fixed', other: 'mean-many-samples' },
    explanation: 'The same squared errors added up first and divided by their count once at the end.',
    claim: {
      statement: 'Summing first and dividing once gives a valid, finite mean.',
      check: { expect: 'finite' },
    },
    scenario: { ...lossOnly, dataset: 'noisyPredictions', samples: 100_000, reduction: 'sumThenDivide' },
  },
  {
    id: 'mean-tiny-errors',
    title: 'reduce_mean of errors of one part in a billion',
    source: { file: FILE, example: 3 },
    pair: { role: 'broken', other: 'sum-then-divide-tiny-errors' },
    explanation: 'Predictions that differ from 1, 2, 3 by 10⁻⁹, below what float32 can tell apart from the targets.',
    claim: {
      statement: 'No NaN here, but the squared errors underflow and the loss comes out as zero: the learning signal is lost.',
      check: { expect: 'lossBelow', value: 1e-30, atStep: 1 },
    },
    scenario: { ...lossOnly, dataset: 'tinyErrors', reduction: 'mean' },
  },
  {
    id: 'sum-then-divide-tiny-errors',
    title: 'Sum, then divide, for the same tiny errors',
    source: { file: FILE, example: 3 },
    pair: { role: 'fixed', other: 'mean-tiny-errors' },
    explanation: 'The proposed alternative reduction on the same data.',
    claim: {
      statement: 'Summing then dividing gives the same result as the mean here: still zero, so it does not rescue the signal.',
      check: { expect: 'lossBelow', value: 1e-30, atStep: 1 },
    },
    scenario: { ...lossOnly, dataset: 'tinyErrors', reduction: 'sumThenDivide' },
  },
];
