/**
 * Every option of every choice field in words, as the controls show it. The code ids stay what
 * links and the command line use (`data=articleLinear`, `loss=bceLogits`); a person reads
 * "the article's 3 rows (10⁵ apart)" and "binary cross-entropy from logits". A test checks that
 * every value of every choice field has its words here.
 */
import type { Scenario } from '../engine/scenario';

type ChoiceKey =
  | 'model'
  | 'dataset'
  | 'activation'
  | 'init'
  | 'upsampling'
  | 'normalization'
  | 'loss'
  | 'reduction'
  | 'epsPlacement'
  | 'optimizer'
  | 'clipping'
  | 'precision'
  | 'backend';

export const VALUE_LABELS: { readonly [K in ChoiceKey]: Readonly<Record<Scenario[K], string>> } = {
  model: {
    linear: 'linear regression',
    mlp: 'multilayer perceptron',
    autoencoder: 'autoencoder',
    unet: 'U-Net (images)',
    classifier: 'classifier',
    predictions: 'predictions only (loss examples)',
    customSquare: 'x² with a hand-written backward',
  },
  dataset: {
    articleLinear: "the article's 3 rows (features 10⁵ apart)",
    synthetic: 'synthetic regression',
    uniform: 'uniform vectors',
    shapes: 'shapes with masks (images)',
    labels: 'random binary labels',
    logLossProbs: 'fixed probabilities 0, 1, 0, 0',
    normalPredictions: 'normal predictions, zero targets',
    largePredictions: 'large predictions (1000s vs 1–3)',
    tinyErrors: 'tiny errors (1e-9)',
    noisyPredictions: 'noisy predictions',
    circle: 'circle',
    xor: 'xor',
    gaussians: 'two gaussians',
    spiral: 'spiral',
  },
  activation: { relu: 'ReLU', leakyRelu: 'leaky ReLU', elu: 'ELU', tanh: 'tanh', sigmoid: 'sigmoid', softplus: 'softplus', linear: 'none (linear)' },
  init: { glorotUniform: 'Glorot uniform', heNormal: 'He normal', torchLinear: "PyTorch's Linear default", scaledNormal: 'normal × gain' },
  upsampling: { nearest: 'nearest neighbour', transposed: 'transposed convolution' },
  normalization: { none: 'none', zscore: 'z-score (mean 0, sd 1)', minmax: 'min–max to [0, 1]', iqr: 'robust (median, IQR)' },
  loss: {
    mse: 'mean squared error',
    l1: 'mean absolute error (L1)',
    huber: 'Huber',
    msle: 'squared log error',
    bce: 'binary cross-entropy (hand-written)',
    bceLogits: 'binary cross-entropy from logits',
    ratio: 'ratio e²/(e²+ε)',
  },
  reduction: { mean: 'mean', sumThenDivide: 'sum, then ÷ n', sum: 'sum' },
  epsPlacement: { none: 'no ε', one: 'ε in one log', both: 'ε in both logs' },
  optimizer: { sgd: 'SGD', momentum: 'SGD with momentum', adam: 'Adam', adamw: 'AdamW', rmsprop: 'RMSprop' },
  clipping: { none: 'none', value: 'by value', norm: 'by global norm' },
  precision: { float32: 'float32', float16: 'float16 (simulated)', bfloat16: 'bfloat16 (simulated)' },
  backend: { auto: 'auto (fastest here)', cpu: 'cpu', wasm: 'WebAssembly', webgl: 'WebGL', webgpu: 'WebGPU' },
};

/** The words for one option of a choice field, or the value itself for a field without a table. */
export function valueLabel(key: keyof Scenario, value: string): string {
  const table = (VALUE_LABELS as Partial<Record<keyof Scenario, Readonly<Record<string, string>>>>)[key];
  return table?.[value] ?? value;
}
