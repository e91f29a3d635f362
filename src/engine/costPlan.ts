/**
 * The tensors one training step makes, laid out from the scenario alone as the models build them
 * (models/dense.ts, models/unet.ts, losses.ts): the data set's shapes, every parameter, every forward
 * tensor of one batch and the multiply-adds. Pure arithmetic, no tfjs: cost.ts prices the plan.
 */
import { GRID_SIZE } from './data/plane2d';
import { planeFeatures } from './data/features2d';
import { PLANE_DATASETS, type LossKind, type Scenario } from './scenario';

/** A tensor of the plan: its name (as the sentinel names it) and shape. */
export interface PlannedTensor {
  name: string;
  shape: number[];
}

export interface CostPlan {
  /** Rows trained on (a 2D data set holds some back) and rows per step. */
  rows: number;
  batch: number;
  /** The data set on the device: inputs and targets. */
  x: PlannedTensor;
  y: PlannedTensor;
  /** Numbers the trainer keeps in JS (float64) besides the device copy: the prepared data set. */
  hostValues: number;
  /** Numbers held only while the data set is normalised (per-column JS arrays). */
  hostScratch: number;
  params: PlannedTensor[];
  /** Forward tensors of one batch, in computation order; each stays alive until the backward pass ends. */
  forward: PlannedTensor[];
  /** Forward tensors read by two ops (the U-Net's skips): their gradient is summed once more. */
  shared: number;
  /** Multiply-accumulates ×2 of the matrix products and convolutions of one forward pass. */
  matFlops: number;
  /** The im2col matrix WebGL builds for each k×k convolution ([batch, k²·in, out pixels]). */
  im2col: PlannedTensor[];
  /** The held-out loss (heldOutLoss.ts): its rows on the device and the forward tensors of one pass over them; null without one. */
  heldOut: { x: PlannedTensor; y: PlannedTensor; forward: PlannedTensor[] } | null;
}

/** Elements of a tensor of this shape. */
export const elementsOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Fixed article data sets: their row count, whatever `samples` says. */
const FIXED_ROWS: Partial<Record<Scenario['dataset'], number>> = { articleLinear: 3, logLossProbs: 4, largePredictions: 3, tinyErrors: 3 };

/** Data sets whose x is the prediction vector itself (one column). */
const PREDICTION_SETS: ReadonlySet<Scenario['dataset']> = new Set(['logLossProbs', 'normalPredictions', 'largePredictions', 'tinyErrors', 'noisyPredictions']);

const isPlane = (s: Scenario): boolean => (PLANE_DATASETS as readonly string[]).includes(s.dataset);

/** Rows trained on: a 2D data set trains on its training share only (plane2d.ts). */
export function trainingRows(s: Scenario): number {
  if (isPlane(s)) return Math.min(s.samples, Math.max(1, Math.round(s.samples * s.trainFraction)));
  return FIXED_ROWS[s.dataset] ?? s.samples;
}

/** Rows the held-out loss runs on: a 2D data set's held-out share, for the models whose loss is about new rows (heldOutLoss.ts). */
export function heldOutRows(s: Scenario): number {
  return isPlane(s) && s.model !== 'predictions' && s.model !== 'unet' ? s.samples - trainingRows(s) : 0;
}

/** Rows per step: 0 and anything at or above the rows mean all of them. */
export function effectiveBatch(s: Scenario): number {
  const rows = trainingRows(s);
  return s.batchSize <= 0 || s.batchSize >= rows ? rows : s.batchSize;
}

/** Columns of one input row. */
function inputWidth(s: Scenario): number {
  if (s.dataset === 'shapes') return s.imageSize * s.imageSize;
  if (s.dataset === 'articleLinear') return 2;
  if (PREDICTION_SETS.has(s.dataset)) return 1;
  if (isPlane(s)) return planeFeatures(s).length;
  return s.features;
}

/** Forward tensors per output element of each loss (losses.ts, op by op). */
const LOSS_TENSORS: Readonly<Record<LossKind, number>> = {
  mse: 2, // sub, square
  l1: 2, // sub, abs
  huber: 7, // sub, abs, lessEqual, square, mul, sub, mul, where
  msle: 4, // log1p ×2, sub, square
  bce: 10, // add, log, mul, sub(1, y), sub(1, p), add, log, mul, add, neg
  bceLogits: 8, // relu, mul, sub, abs, neg, exp, log1p, add
  ratio: 4, // sub, square, add, div
};

/** Builds the plan while walking the architecture; `r` is 1 when float16/bfloat16 rounding adds a tensor per rounding point. */
class Planner {
  readonly params: PlannedTensor[] = [];
  readonly forward: PlannedTensor[] = [];
  readonly im2col: PlannedTensor[] = [];
  matFlops = 0;
  shared = 0;
  constructor(private readonly r: number) {}

  /** A stored tensor, plus its rounded copy under simulated precision. */
  store(name: string, shape: number[], rounded = true): void {
    this.forward.push({ name, shape });
    if (rounded && this.r > 0) this.forward.push({ name: `${name} (rounded)`, shape });
  }

  param(name: string, shape: number[]): void {
    this.params.push({ name, shape });
  }

  /** dense.ts: preact = xW + b (matMul, add), then the activation. */
  dense(layer: string, b: number, inW: number, outW: number, activated: boolean): void {
    this.param(`${layer}/kernel`, [inW, outW]);
    this.param(`${layer}/bias`, [outW]);
    this.matFlops += 2 * b * inW * outW;
    this.store(`${layer}/matMul`, [b, outW], false);
    this.store(`${layer}/preact`, [b, outW]);
    if (activated) this.store(`${layer}/act`, [b, outW]);
  }

  /** unet.ts conv(): conv + bias, optional batch norm, optional activation. */
  conv(layer: string, b: number, hw: number, k: number, inC: number, outC: number, bn: boolean, act: boolean): void {
    const map = [b, hw, hw, outC];
    this.param(`${layer}/kernel`, [k, k, inC, outC]);
    this.param(`${layer}/bias`, [outC]);
    this.matFlops += 2 * b * hw * hw * k * k * inC * outC;
    if (k > 1) this.im2col.push({ name: `${layer} im2col`, shape: [b, k * k * inC, hw * hw] });
    this.store(`${layer}/conv`, map, false);
    this.store(`${layer}/preact`, map);
    if (bn) {
      this.param(`${layer}/bn/gamma`, [outC]);
      this.param(`${layer}/bn/beta`, [outC]);
      // moments (cast, sub, square), then sub, div, mul by gamma, add beta.
      for (const op of ['moments/cast', 'moments/sub', 'moments/square', 'sub', 'div', 'mul']) this.store(`${layer}/bn/${op}`, map, false);
      this.store(`${layer}/bn`, map);
    }
    if (act) this.store(`${layer}/act`, map);
  }
}

function denseStack(p: Planner, b: number, names: string[], sizes: number[], activated: (i: number) => boolean): number {
  names.forEach((layer, i) => p.dense(layer, b, sizes[i]!, sizes[i + 1]!, activated(i)));
  return sizes[sizes.length - 1]!;
}

/** The model's layers (models/index.ts); returns the output's elements per row. */
function planModel(p: Planner, s: Scenario, b: number, inW: number, rows: number): number {
  const linearAct = s.activation === 'linear';
  switch (s.model) {
    case 'linear':
      return denseStack(p, b, ['dense'], [inW, 1], () => false);
    case 'mlp':
    case 'classifier': {
      const names = [...s.hidden.map((_, i) => `dense${i + 1}`), 'out'];
      return denseStack(p, b, names, [inW, ...s.hidden, 1], (i) => i < s.hidden.length && !linearAct);
    }
    case 'autoencoder': {
      const h = s.hidden.length > 0 ? s.hidden : [5];
      const dec = [...h].reverse().slice(1);
      const sizes = [inW, ...h, ...dec, inW];
      const names = sizes.slice(1).map((_, i) => `layer${i + 1}`);
      return denseStack(p, b, names, sizes, (i) => i < names.length - 1 && !linearAct);
    }
    case 'predictions':
      p.param('predictions/values', [rows, 1]);
      if (b < rows) p.store('predictions/gather', [b, 1], false);
      return 1;
    case 'customSquare':
      p.dense('square/dense', b, inW, 1, false);
      // The custom gradient saves z (a clone) besides the square itself.
      p.store('square/custom/saved', [b, 1], false);
      p.store('square/custom/act', [b, 1]);
      return 1;
    case 'unet':
      planUnet(p, s, b);
      return s.imageSize * s.imageSize;
  }
}

/** unet.ts, level by level: encoder convs and pools, bottleneck, decoder ups, concats and convs, 1×1 out. */
function planUnet(p: Planner, s: Scenario, b: number): void {
  const width = (level: number): number => s.filters * 2 ** level;
  const side = (level: number): number => Math.max(1, Math.floor(s.imageSize / 2 ** level));
  let c = 1;
  for (let l = 0; l < s.depth; l++) {
    p.conv(`enc${l + 1}/conv`, b, side(l), 3, c, width(l), s.batchNorm, true);
    // The skip is read by the pool and by the decoder's concat.
    p.shared += b * side(l) ** 2 * width(l);
    c = width(l);
    p.store(`enc${l + 1}/pool`, [b, side(l + 1), side(l + 1), c], false);
  }
  p.conv('bottleneck/conv', b, side(s.depth), 3, c, width(s.depth), s.batchNorm, true);
  c = width(s.depth);
  for (let l = s.depth - 1; l >= 0; l--) {
    const up = `dec${l + 1}/up`;
    if (s.upsampling === 'transposed') {
      p.param(`${up}/kernel`, [2, 2, width(l), c]);
      p.param(`${up}/bias`, [width(l)]);
      p.matFlops += 2 * b * side(l + 1) ** 2 * 4 * c * width(l);
      p.store(`${up}/transposed`, [b, side(l), side(l), width(l)], false);
      p.store(`${up}/preact`, [b, side(l), side(l), width(l)]);
    } else {
      p.store(`${up}/resize`, [b, side(l), side(l), c], false);
      p.conv(up, b, side(l), 3, c, width(l), false, false);
    }
    p.store(`dec${l + 1}/concat`, [b, side(l), side(l), 2 * width(l)], false);
    p.conv(`dec${l + 1}/conv`, b, side(l), 3, 2 * width(l), width(l), s.batchNorm, true);
    c = width(l);
  }
  p.conv('out/conv', b, s.imageSize, 1, c, 1, false, false);
}

/** The loss on the batch's outputs (stepMath.ts forwardAndLoss, losses.ts). */
function planLoss(p: Planner, s: Scenario, b: number, outW: number, logits: boolean): void {
  const shape = [b, outW];
  if (s.predictionClamp > 0) p.store('out/clamped', shape);
  if (s.loss === 'bce' && logits) p.store('out/prob', shape);
  for (let k = 0; k < LOSS_TENSORS[s.loss]; k++) p.store(`loss/${s.loss}/${k + 1}`, shape, false);
  p.store('loss/elements', shape);
  // L2 in the loss: Σw² over every parameter (adamw decays outside the loss).
  if (s.weightDecay > 0 && s.optimizer !== 'adamw') for (const q of p.params) p.store(`l2/${q.name}`, q.shape, false);
}

/** The plan of one step of the scenario. */
export function planStep(s: Scenario): CostPlan {
  const rows = trainingRows(s);
  const batch = effectiveBatch(s);
  const inW = inputWidth(s);
  const image = s.dataset === 'shapes';
  const xShape = image ? [rows, s.imageSize, s.imageSize, 1] : [rows, inW];
  const yW = image ? inW : s.model === 'autoencoder' ? inW : 1;
  const yShape = image ? xShape : [rows, yW];
  const rounding = s.precision === 'float32' ? 0 : 1;
  const logits = s.model === 'classifier' || s.model === 'unet';
  const p = new Planner(rounding);
  const outW = planModel(p, s, batch, inW, rows);
  planLoss(p, s, batch, outW, logits);
  const held = heldOutRows(s);
  // The same forward pass and loss over the held-out rows, with no gradient (a phase of its own).
  const h = new Planner(rounding);
  if (held > 0) planLoss(h, s, held, planModel(h, s, held, inW, rows), logits);
  const plane = isPlane(s) ? (s.samples - rows) * inW + GRID_SIZE * GRID_SIZE * inW + 3 * s.samples : 0;
  return {
    rows,
    batch,
    x: { name: 'data/x', shape: xShape },
    y: { name: 'data/y', shape: yShape },
    hostValues: elementsOf(xShape) + elementsOf(yShape) + plane,
    hostScratch: s.normalization === 'none' ? 0 : 2 * elementsOf(xShape),
    params: p.params,
    forward: p.forward,
    shared: p.shared,
    matFlops: p.matFlops,
    im2col: p.im2col,
    heldOut: held > 0 ? { x: { name: 'held-out/x', shape: [held, inW] }, y: { name: 'held-out/y', shape: [held, yW] }, forward: h.forward } : null,
  };
}
