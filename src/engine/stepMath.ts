/**
 * The arithmetic of one training step, in computation order, with every stored quantity rounded
 * to the simulated precision and handed to the sentinel's watch:
 * data → forward (per layer preact/act) → loss (terms, elements, value) → backward (each gradient)
 * → clip (global norm) → update (optimizer state, then each parameter).
 * Everything is created inside one tf.tidy; the step's numbers come back in one readback (sync or
 * async, see readback.ts), laid out by stepLayout.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { clipGradients, normFromSquares } from './clipping';
import type { SumOrder } from './hostNorms';
import { HostSquares } from './hostSquares';
import { lossElements, reduceLoss } from './losses';
import type { Model } from './models';
import type { Optimizer } from './optimizers';
import type { Rounder } from './precision';
import type { StepRecord } from './records';
import type { Scenario } from './scenario';
import type { QuantityStats, StepWatch, WatchMode } from './sentinel';
import { valuesOf, type Field, type Slice, type StepLayout } from './stepLayout';
import type { WeightSquares } from './weightSquares';
import type { KeptByData } from './keptByData';

export interface StepInputs {
  t: number;
  s: Scenario;
  model: Model;
  optimizer: Optimizer;
  round: Rounder;
  watch: StepWatch;
  /** Where each number of the readback lies (built once per trainer). */
  layout: StepLayout;
  x: tf.Tensor;
  y: tf.Tensor;
  rows: number[] | null;
  lossEps: number;
  /** Fast mode: whether second moments get a check of their own this step (see trainer.ts). */
  checkSecondMoments: boolean;
  /** With host checks: the record's sums of squares are added up in JS (hostNorms.ts) in this order (on cpu and wasm bit for bit as their kernels would); null: by kernels. */
  hostNorms: SumOrder | null;
  /** A GPU backend with a small model: the checked tensors travel whole in the readback and are checked in JS (sentinel.ts CheckPlace). Needs hostNorms. */
  gather: boolean;
  /** Without hostNorms: each parameter's Σw² carried from the step before (weightSquares.ts). */
  weightSquares: WeightSquares;
  /** gather: each parameter's values carried from the step before (keptByData.ts). */
  lastWeights: KeptByData<Float32Array>;
}

export interface StepParts {
  record: StepRecord;
  /** Full mode only: per-quantity counts and finite max |x|. */
  quantities: QuantityStats[];
  /** max |x| of each forward quantity (both modes). */
  forwardMaxAbs: Map<string, number>;
}

/** Forward pass and loss (shared with the held-out loss): returns the model output, the loss input and the loss. */
export function forwardAndLoss(
  i: Pick<StepInputs, 's' | 'model' | 'round' | 'lossEps'> & { watch: Pick<StepWatch, 'watch'> },
  x: tf.Tensor,
  y: tf.Tensor,
  rows: tf.Tensor1D | null,
) {
  const { s, model, round } = i;
  const watch = i.watch.watch;
  let out = model.forward({ x, rows }, { round, watch });
  if (s.predictionClamp > 0) {
    out = round(tf.clipByValue(out, -s.predictionClamp, s.predictionClamp));
    watch('out/clamped', 'forward', out);
  }
  let pred = out;
  if (s.loss === 'bce' && model.output === 'logits') {
    pred = round(tf.sigmoid(out));
    watch('out/prob', 'forward', pred);
  }
  const opts = { kind: s.loss, huberDelta: s.huberDelta, eps: i.lossEps, epsPlacement: s.epsPlacement, reduction: s.reduction };
  const elements = lossElements(pred, y, opts, round, watch);
  watch('loss/elements', 'loss', elements);
  let loss = round(reduceLoss(elements, s.reduction, round)) as tf.Scalar;
  if (s.weightDecay > 0 && s.optimizer !== 'adamw') {
    // L2 in the loss: 0.5·wd·Σw², whose gradient is wd·w (PyTorch's weight_decay for SGD/Adam).
    let l2: tf.Tensor = tf.scalar(0);
    for (const p of model.params) l2 = tf.add(l2, tf.sum(tf.square(p.variable)));
    loss = round(tf.add(loss, tf.mul(l2, 0.5 * s.weightDecay))) as tf.Scalar;
  }
  watch('loss/value', 'loss', loss);
  return { out, pred, loss };
}

/** How many elements of `ts` are NaN or ±Inf, as a scalar on the device. */
function nonFiniteCount(ts: tf.Tensor[]): tf.Tensor {
  return ts.reduce<tf.Tensor>((acc, t) => tf.add(acc, tf.sum(tf.cast(tf.logicalNot(tf.isFinite(t)), 'float32'))), tf.scalar(0));
}

/** A launched step: the one tensor to read back, and how to turn its values into the step's parts. */
export interface LaunchedStep {
  readback: tf.Tensor;
  finish(values: ArrayLike<number>): StepParts;
}

/** A gathered step's readback, in this order: the loss, the skip flag, each gradient, each parameter before (unless kept) and after its update, then the watch's tail. */
class Gathering {
  private readonly parts: tf.Tensor[] = [];
  private size = 0;
  /** Slices by the data they read: a tensor added twice (the loss is also a watched quantity) is read once. */
  private readonly seen = new Map<object, Slice>();
  /** The skip flag, read only with skipNonFinite (otherwise it is 0). */
  skipped: Slice | null = null;
  readonly grads: Slice[] = [];
  /** Per parameter: its values before the update, read back or kept from the step before (keptByData.ts). */
  readonly before: (Slice | Float32Array)[] = [];
  readonly after: Slice[] = [];
  /** Per parameter: the data its variable holds after the update, which `after` are the values of. */
  readonly data: object[] = [];

  /** Flatten t into the readback; its values will lie at the returned slice. */
  add(t: tf.Tensor, data: object = t.dataId): Slice {
    const known = this.seen.get(data);
    if (known) return known;
    const slice = { start: this.size, length: t.size };
    // A variable is held by a handle of its own: the assign that follows gives the variable new data, not the handle.
    this.parts.push(t instanceof tf.Variable ? tf.clone(t) : t);
    this.size += t.size;
    this.seen.set(data, slice);
    return slice;
  }

  /**
   * The one tensor to read back (its values in row-major order are the slices'), and where each of
   * the watch's tensors lies in it. The parts are joined as 2-D tensors in one concat: webgl then
   * joins its packed textures as they are, where 1-D parts would each be unpacked first. Columns
   * ([n, 1], a linear model's every tensor) are stacked as they are; anything wider becomes a
   * [1, size] row first, a reshape program on webgl where it is packed (measured on SwiftShader).
   */
  pack(watch: StepWatch): { readback: tf.Tensor; watchSlices: Slice[] } {
    const watchSlices = watch.gathered().map((p) => this.add(p.flat, p.data));
    const column = (t: tf.Tensor): boolean => t.size === 1 || (t.rank === 2 && t.shape[1] === 1);
    const asColumns = this.parts.every(column);
    const parts = this.parts.map((t) => {
      const shape = asColumns ? [t.size, 1] : [1, t.size];
      return t.rank === 2 && t.shape[0] === shape[0] && t.shape[1] === shape[1] ? t : tf.reshape(t, shape);
    });
    return { readback: tf.concat(parts, asColumns ? 0 : 1), watchSlices };
  }
}

/**
 * Runs step t on the device; its record and the sentinel's numbers come from `finish` after the readback.
 * With `hostNorms` the sums of squares are added up in JS: on cpu and wasm from each tensor as it is
 * made (only the loss is read back), with `gather` (a small model on a GPU) from the values the
 * readback carries whole.
 */
export function launchStep(i: StepInputs): LaunchedStep {
  const { s, model, round, t } = i;
  const watch = i.watch.watch;
  const params = model.params;
  const vars = params.map((p) => p.variable);
  const host = i.hostNorms ? new HostSquares(i.hostNorms) : null;
  // Sums read as each tensor is made: cpu and wasm; otherwise after the readback or by kernels.
  const now = host !== null && !i.gather;
  const gathering = i.gather ? new Gathering() : null;
  const sumSq = (x: tf.Tensor): tf.Tensor => tf.sum(tf.square(x));
  let watchSlices: Slice[] = [];
  const readback = tf.tidy(() => {
    const rowsT = i.rows ? tf.tensor1d(i.rows, 'int32') : null;
    const x = rowsT ? tf.gather(i.x, rowsT) : i.x;
    const y = rowsT ? tf.gather(i.y, rowsT) : i.y;
    if (s.model !== 'predictions') watch('data/x', 'data', x);
    watch('data/y', 'data', y);
    const { value, grads } = tf.variableGrads(() => forwardAndLoss(i, x, y, rowsT).loss, vars);
    const g = vars.map((v) => round(grads[v.name] ?? tf.zerosLike(v)));
    // Gradients and updated parameters are covered: their sums of squares are read back below.
    g.forEach((gi, k) => watch(`grad/${params[k]!.name}`, 'backward', gi, true));
    if (now) host.grads(g.map((gi) => gi.dataSync()));
    const gradSquares = host ? [] : g.map(sumSq);
    const norm = host ? null : normFromSquares(gradSquares);
    const hostNorm = (): tf.Scalar => (now ? tf.scalar(host.gradNorm) : normFromSquares(g.map(sumSq)));
    const clipped = s.clipping === 'none' ? g : clip(i, g, () => norm ?? hostNorm());
    // skipNonFinite: a device-side condition, so skipping costs no extra readback (on the host, a JS one).
    // Pairwise adds, not tf.addN (≥ 8 inputs breaks on WebGPU, docs/BACKENDS.md).
    const ok = s.skipNonFinite && !now ? tf.equal(nonFiniteCount(g), 0) : null;
    const keepOld = s.skipNonFinite && now && !host.gradsFinite;
    const oldSquares = host ? [] : vars.map((v) => i.weightSquares.of(v));
    const updateSquares: tf.Tensor[] = [];
    const skipped = (): tf.Tensor => (ok ? tf.cast(tf.logicalNot(ok), 'float32') : tf.scalar(0));
    if (gathering) {
      gathering.add(value);
      // Known 0 without skipNonFinite: not worth a tensor (an upload on webgl).
      if (ok) gathering.skipped = gathering.add(skipped());
      g.forEach((gi) => gathering.grads.push(gathering.add(gi)));
    }
    for (const a of i.optimizer.update(t, params, clipped, round)) {
      const v = ok ? tf.where(ok, a.value, a.target) : keepOld ? a.target : a.value;
      const covered = a.param !== undefined || a.moment === 'first' || (a.moment === 'second' && !i.checkSecondMoments);
      watch(a.quantity, 'update', v, covered);
      if (a.param !== undefined) {
        if (now) host.update(v.dataSync(), a.target.dataSync());
        else if (gathering) {
          gathering.before.push(i.lastWeights.of(a.target) ?? gathering.add(a.target));
          gathering.after.push(gathering.add(v));
        } else updateSquares.push(sumSq(tf.sub(v, a.target)));
      }
      if (v !== a.target) a.target.assign(v);
    }
    if (now) return value;
    if (gathering) {
      gathering.data.push(...vars.map((w) => w.dataId));
      const packed = gathering.pack(i.watch);
      watchSlices = packed.watchSlices;
      return packed.readback;
    }
    const weightSquares = vars.map(sumSq);
    const fields = { loss: value, gradNorm: norm!, skipped: skipped(), gradSquares, weightSquares, updateSquares, oldSquares };
    const packed = i.layout.pack(fields, i.watch.collect());
    // After the pack: the kept sums this replaces are among this step's old squares.
    i.weightSquares.keep(vars, weightSquares);
    return packed;
  });
  if (!host) return { readback, finish: (v) => finishStep(i, v) };
  const fixed = (v: ArrayLike<number>): Float64Array => {
    if (gathering) {
      host.grads(gathering.grads.map((sl) => valuesOf(v, sl)));
      gathering.after.forEach((sl, k) => {
        const before = gathering.before[k]!;
        const after = valuesOf(v, sl);
        host.update(after, before instanceof Float32Array ? before : valuesOf(v, before));
        // A copy: `after` is a view of this step's whole readback, which keeping it would keep alive.
        i.lastWeights.keep(vars[k]!, gathering.data[k]!, Float32Array.from(after));
      });
      i.watch.scanGathered(v, watchSlices);
    }
    return i.layout.write({
      loss: v[0]!,
      gradNorm: host.gradNorm,
      skipped: gathering ? (gathering.skipped ? v[gathering.skipped.start]! : 0) : s.skipNonFinite && !host.gradsFinite ? 1 : 0,
      gradSquares: host.gradSquares,
      weightSquares: host.weightSquares,
      updateSquares: host.updateSquares,
      oldSquares: host.oldSquares,
    });
  };
  return { readback, finish: (v) => finishStep(i, fixed(v)) };
}

/** Clipped gradients; the norm clipping divides by is a stored quantity too: rounded, and watched in the clip phase. */
function clip(i: StepInputs, g: tf.Tensor[], norm: () => tf.Scalar): tf.Tensor[] {
  const { s, round } = i;
  if (s.clipping !== 'norm') return clipGradients(g, s.clipping, s.clipValue, null).map(round);
  const clipNorm = round(norm()) as tf.Scalar;
  i.watch.watch('clip/globalNorm', 'clip', clipNorm);
  return clipGradients(g, s.clipping, s.clipValue, clipNorm).map(round);
}

/** A step's parts from its readback values (or the host's, laid out by `layout.write`): the record, and the watch's quantities. */
export function finishStep(i: Pick<StepInputs, 't' | 'layout' | 'watch'> & { model: Pick<Model, 'layers'> }, v: ArrayLike<number>): StepParts {
  const { model, t, layout } = i;
  const { nonFinite, quantities, forwardMaxAbs } = i.watch.parse(v, layout.watchStart);
  const activationMax: Record<string, number> = {};
  for (const layer of model.layers) {
    const m = forwardMaxAbs.get(`${layer}/act`) ?? forwardMaxAbs.get(`${layer}/bn`) ?? forwardMaxAbs.get(`${layer}/preact`);
    if (m !== undefined) activationMax[layer] = m;
  }
  return {
    record: {
      step: t,
      loss: layout.at(v, 'loss'),
      gradNorm: layout.at(v, 'gradNorm'),
      gradNorms: layout.byName(v, 'gradSquares', Math.sqrt),
      weightNorms: layout.byName(v, 'weightSquares', Math.sqrt),
      updateRatios: layout.byName(v, 'updateSquares', (u, k) => Math.sqrt(u) / Math.sqrt(layout.at(v, 'oldSquares', k))),
      activationMax,
      nonFinite: stepFlagged(i.watch.mode, layout, v, nonFinite, quantities),
      skipped: layout.at(v, 'skipped') > 0,
      warnings: [],
    },
    quantities,
    forwardMaxAbs,
  };
}

/**
 * What the fast flag adds to the watch's own count: the numbers every record reads back (the loss,
 * the gradient norm, each gradient's and updated parameter's sum of squares), which are NaN or +Inf
 * when any element is, or on overflow.
 */
const RECORD_CHECKS: readonly Field[] = ['loss', 'gradNorm', 'gradSquares', 'weightSquares'];

/** Whether a step's readback says some watched quantity was non-finite, in each watch mode. */
function stepFlagged(mode: WatchMode, layout: StepLayout, v: ArrayLike<number>, nonFinite: number | null, quantities: QuantityStats[]): boolean {
  switch (mode) {
    case 'fast':
      return (nonFinite ?? 0) > 0 || layout.anyNonFinite(v, RECORD_CHECKS);
    case 'strict':
      return (nonFinite ?? 0) > 0;
    case 'full':
      return quantities.some((q) => q.counts.nan + q.counts.posInf + q.counts.negInf > 0);
    case 'off':
      return !Number.isFinite(layout.at(v, 'loss'));
  }
}
