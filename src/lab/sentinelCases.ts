/**
 * The sentinel's reference cases, one per phase, as scenario overrides with the verdict measured on
 * the cpu backend. The browser tests run them on every backend and compare.
 */
import type { NonFiniteKind, Phase } from '../engine/records';
import type { Scenario } from '../engine/scenario';

export interface SentinelCase {
  id: string;
  overrides: Partial<Scenario>;
  steps: number;
  expected: { step: number; quantity: string; phase: Phase; kind: NonFiniteKind };
}

const article: Partial<Scenario> = { model: 'linear', dataset: 'articleLinear', optimizer: 'sgd', lr: 0.01, loss: 'mse', hidden: [] };

export const SENTINEL_CASES: SentinelCase[] = [
  { id: 'input-inf', overrides: { ...article, inputScale: 1e34 }, steps: 5, expected: { step: 1, quantity: 'data/x', phase: 'data', kind: '+Inf' } },
  {
    id: 'zero-log-zero',
    overrides: { model: 'predictions', dataset: 'logLossProbs', optimizer: 'sgd', loss: 'bce' },
    steps: 3,
    expected: { step: 1, quantity: 'loss/y·log(p)', phase: 'loss', kind: 'NaN' },
  },
  {
    id: 'custom-backward',
    overrides: { model: 'customSquare', dataset: 'synthetic', optimizer: 'sgd', gradFault: true },
    steps: 3,
    expected: { step: 1, quantity: 'grad/square/custom/input', phase: 'backward', kind: '+Inf' },
  },
  { id: 'huge-lr', overrides: { ...article, lr: 1e38 }, steps: 3, expected: { step: 1, quantity: 'param/dense/kernel', phase: 'update', kind: '+Inf' } },
  {
    id: 'fp16-activation',
    overrides: { model: 'mlp', dataset: 'uniform', features: 10, inputScale: 6e4, activation: 'relu', precision: 'float16' },
    steps: 3,
    expected: { step: 1, quantity: 'dense1/preact', phase: 'forward', kind: '-Inf' },
  },
  {
    id: 'fp16-adam-v',
    overrides: { model: 'predictions', dataset: 'noisyPredictions', samples: 10000, optimizer: 'adam', lr: 0.001, precision: 'float16' },
    steps: 3,
    expected: { step: 1, quantity: 'param/predictions/values', phase: 'update', kind: 'NaN' },
  },
  { id: 'article-regression', overrides: article, steps: 10, expected: { step: 3, quantity: 'loss/elements', phase: 'loss', kind: '+Inf' } },
];
