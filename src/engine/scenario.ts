/**
 * The scenario: every setting of one run, as plain data. The engine trains from it, the URL codec
 * writes it, the controls edit it. Ranges, defaults and URL keys live in src/scenarios/schema.ts.
 */

export const MODEL_KINDS = [
  'linear', // dense n→1, the articles' regression
  'mlp', // dense n→hidden…→1 with an activation
  'autoencoder', // dense in→code→in
  'unet', // 1×N×N image → 1×N×N logits
  'classifier', // logistic regression / small MLP with sigmoid output
  'predictions', // the prediction vector itself is the parameter (loss-only article examples)
  'customSquare', // y = x² with a hand-written backward that can divide by zero
] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

export const DATASETS = [
  'articleLinear', // X = [[1,1e5],[2,2e5],[3,3e5]], y = [10,20,30]
  'synthetic', // seeded linear target with per-feature scales
  'uniform', // U[0,1) vectors × inputScale (autoencoder)
  'shapes', // discs/rectangles + noise with binary masks (U-Net)
  'labels', // seeded binary labels (classifier)
  'logLossProbs', // fixed probabilities [0,1,0,0] vs labels [0,1,0,1]
  'normalPredictions', // predictions ~ N(0,1)×inputScale vs zero targets
  'largePredictions', // predictions [1000,2000,3000] vs targets [1,2,3]
  'tinyErrors', // predictions [1.000000001,…] vs targets [1,2,3]
  'noisyPredictions', // targets ~ N(0,1), predictions = N(0,1)+0.1, many samples
  'circle', // 2D classification: a disc of class 1 inside a ring of class 0
  'xor', // 2D classification: class 1 where x1·x2 > 0
  'gaussians', // 2D classification: two Gaussian clusters
  'spiral', // 2D classification: two interleaved spirals
] as const;
export type DatasetKind = (typeof DATASETS)[number];

/** The data sets of points in the input plane, each with noise, a held-out split and the 2D features. */
export const PLANE_DATASETS = ['circle', 'xor', 'gaussians', 'spiral'] as const satisfies readonly DatasetKind[];
export type PlaneDatasetKind = (typeof PLANE_DATASETS)[number];

export const ACTIVATIONS = ['relu', 'leakyRelu', 'elu', 'tanh', 'sigmoid', 'softplus', 'linear'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export const INITS = ['glorotUniform', 'heNormal', 'torchLinear', 'scaledNormal'] as const;
export type InitKind = (typeof INITS)[number];

export const LOSSES = ['mse', 'l1', 'huber', 'msle', 'bce', 'bceLogits', 'ratio'] as const;
export type LossKind = (typeof LOSSES)[number];

/** Where ε goes in the naive binary cross-entropy: nowhere, log(p+ε) only, or both logs. */
export const EPS_PLACEMENTS = ['none', 'one', 'both'] as const;
export type EpsPlacement = (typeof EPS_PLACEMENTS)[number];

/** mean: one reduce_mean; sumThenDivide: reduce_sum / n; sum: reduce_sum alone. */
export const REDUCTIONS = ['mean', 'sumThenDivide', 'sum'] as const;
export type Reduction = (typeof REDUCTIONS)[number];

export const OPTIMIZERS = ['sgd', 'momentum', 'adam', 'adamw', 'rmsprop'] as const;
export type OptimizerKind = (typeof OPTIMIZERS)[number];

export const CLIPPINGS = ['none', 'value', 'norm'] as const;
export type ClippingKind = (typeof CLIPPINGS)[number];

export const NORMALIZATIONS = ['none', 'zscore', 'minmax', 'iqr'] as const;
export type Normalization = (typeof NORMALIZATIONS)[number];

export const PRECISIONS = ['float32', 'float16', 'bfloat16'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const BACKENDS = ['auto', 'cpu', 'wasm', 'webgl', 'webgpu'] as const;
export type BackendRequest = (typeof BACKENDS)[number];
export type BackendName = Exclude<BackendRequest, 'auto'>;

export const UPSAMPLINGS = ['nearest', 'transposed'] as const;
export type Upsampling = (typeof UPSAMPLINGS)[number];

export interface Scenario {
  seed: number; // 1 … 2^31−1; never 0 (tfjs treats seed 0 as unseeded)
  model: ModelKind;
  dataset: DatasetKind;
  samples: number; // rows of generated data (ignored by fixed article data sets)
  features: number; // input width for synthetic / uniform data
  hidden: number[]; // hidden sizes of the MLP / classifier; [code size] for the autoencoder
  activation: Activation;
  init: InitKind;
  initGain: number;
  imageSize: number; // U-Net N (16 … 128)
  depth: number; // U-Net depth 1 … 3
  filters: number; // U-Net base filters 4 … 32
  batchNorm: boolean;
  upsampling: Upsampling;
  loss: LossKind;
  huberDelta: number;
  lossEps: number; // ε of the naive BCE logs and of the ratio loss
  epsPlacement: EpsPlacement;
  reduction: Reduction;
  optimizer: OptimizerKind;
  lr: number;
  momentum: number;
  beta1: number;
  beta2: number;
  adamEps: number;
  weightDecay: number; // L2 added to the loss, except adamw where it is decoupled
  clipping: ClippingKind;
  clipValue: number; // threshold for value or global-norm clipping
  skipNonFinite: boolean; // drop a step whose gradients hold NaN/Inf instead of applying it
  inputScale: number; // multiplier on the inputs (range: src/scenarios/schema.ts)
  normalization: Normalization;
  outlierFraction: number;
  outlierMagnitude: number;
  noise: number; // 2D data sets: 0 … 0.5, how far points stray across their class boundary
  trainFraction: number; // 2D data sets: share of the points trained on; the rest are held out
  // 2D data sets: inputs besides x1 and x2, each a column after them in this order.
  x1Squared: boolean;
  x2Squared: boolean;
  x1TimesX2: boolean;
  sinX1: boolean;
  sinX2: boolean;
  predictionClamp: number; // clamp outputs to ±value before the loss; 0 = off
  gradFault: boolean; // customSquare: backward divides by zero
  batchSize: number; // 0 = full batch
  precision: Precision;
  backend: BackendRequest;
  steps: number; // length of a run (presets, CLI, compare)
  sentinel: boolean;
  continueOnFlag: boolean; // keep training after the first non-finite step instead of pausing
}

/** The scenario the app opens with: a small healthy MLP regression that trains smoothly. */
export const DEFAULT_SCENARIO: Readonly<Scenario> = Object.freeze({
  seed: 42,
  model: 'mlp',
  dataset: 'synthetic',
  samples: 64,
  features: 2,
  hidden: [16] as number[],
  activation: 'tanh',
  init: 'glorotUniform',
  initGain: 1,
  imageSize: 32,
  depth: 2,
  filters: 8,
  batchNorm: false,
  upsampling: 'nearest',
  loss: 'mse',
  huberDelta: 1,
  lossEps: 1e-7,
  epsPlacement: 'none',
  reduction: 'mean',
  optimizer: 'adam',
  lr: 0.01,
  momentum: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  adamEps: 1e-8,
  weightDecay: 0,
  clipping: 'none',
  clipValue: 1,
  skipNonFinite: false,
  inputScale: 1,
  normalization: 'none',
  outlierFraction: 0,
  outlierMagnitude: 100,
  noise: 0,
  trainFraction: 0.5,
  x1Squared: false,
  x2Squared: false,
  x1TimesX2: false,
  sinX1: false,
  sinX2: false,
  predictionClamp: 0,
  gradFault: false,
  batchSize: 0,
  precision: 'float32',
  backend: 'auto',
  steps: 200,
  sentinel: true,
  continueOnFlag: false,
} satisfies Scenario) as Readonly<Scenario>;
