/**
 * One training step of a dense model on Float32Arrays, in stepMath.ts's order and with its
 * watch: data → forward → loss → backward → update, each quantity handed to a host StepWatch, the
 * record's sums of squares as hostNorms.ts adds them on cpu, and the record written by the same
 * finishStep as the tfjs step. No tfjs op runs here.
 */
import type { Dataset } from '../data/tabular';
import { allFinite, hostSums, normFromSquares } from '../hostNorms';
import type { Model } from '../models';
import { roundNumber } from '../precision';
import type { Precision, Scenario } from '../scenario';
import { StepWatch, type WatchMode } from '../sentinel';
import { finishStep, type StepParts } from '../stepMath';
import { StepLayout } from '../stepLayout';
import { lossElements, lossGradient, reduceLoss, reductionGradient, type LossConstants } from './denseLoss';
import { bceElements, bceGradient, sigmoidGradient, sigmoidInto, type BceEps } from './denseBce';
import { clipGradient, clipInto, normScale, scaleAll } from './denseClip';
import { numberRounder, roundArray, type NumberRounder } from './denseRounding';
import { backward, forward, workspace, type DenseLayer, type Workspace } from './denseNet';
import { gatherRows, scatterGradient } from './denseVector';
import { stateNames, updateConstants, updateParameter, type UpdateConstants } from './denseUpdate';

const SUMS = hostSums('float64');
const f32 = Math.fround;

/** A batch's rows and their buffers. */
interface Batch {
  x: Float32Array;
  y: Float32Array;
  ws: Workspace;
  elements: Float32Array;
  /** The clamped predictions (predictionClamp > 0). */
  clamped: Float32Array;
  /** The naive log loss: a logit model's sigmoid (its kernel's output, and rounded), and the loss's two terms. */
  probRaw: Float32Array;
  prob: Float32Array;
  pos: Float32Array;
  neg: Float32Array;
  /** The predictions model: the batch's rows of the vector, and their gradient. */
  pred: Float32Array;
  dPred: Float32Array;
  l2Share: Float32Array;
}

/** Rows as Float32Arrays (the trainer uploads data as float32). */
interface Rows {
  x: Float32Array;
  y: Float32Array;
  count: number;
}

/** Rows as the trainer uploads them: float32, then rounded to the precision. */
function rowsOf(x: Dataset['x'], y: Dataset['y'], precision: Precision): Rows {
  const [xs, ys] = [Float32Array.from(x.values), Float32Array.from(y.values)];
  roundArray(precision, xs);
  roundArray(precision, ys);
  return { x: xs, y: ys, count: x.shape[0]! };
}

/** The dense model's weights and optimizer state as flat arrays, and its step. */
export class DenseStep {
  readonly layers: DenseLayer[];
  /** Parameters in the model's order (kernel, bias per layer), then the optimizer state in optimizers.ts's order. */
  readonly state: Float32Array[];
  readonly paramNames: string[];
  readonly layerNames: string[];
  private readonly params: Float32Array[];
  /** Per parameter: its optimizer state buffers, the next values of those, and the parameter's next value. */
  private readonly moments: { names: string[]; now: Float32Array[]; next: Float32Array[]; nextW: Float32Array }[];
  private readonly momentKinds: ('first' | 'second')[];
  private readonly c: UpdateConstants;
  private readonly layout: StepLayout;
  private readonly train: Rows;
  private readonly heldOut: Rows | null;
  private readonly batches = new Map<number, Batch>();
  private readonly lossBox = new Float32Array(1);
  private readonly clipNorm = new Float32Array(1);
  private readonly outputs: number;
  private readonly inputs: number;
  /** The predictions model's parameter, and its gradient; null for a stack of layers. */
  private readonly vector: Float32Array | null;
  private readonly vectorGrad: Float32Array;
  private readonly lossConstants: LossConstants;
  /** The precision's rounding of one stored number. */
  private readonly r: NumberRounder;
  /** The naive log loss on a logit model: its output goes through a sigmoid first. */
  private readonly sigmoid: boolean;
  private readonly bceEps: BceEps;
  /** 0.5·wd as a float32 where the loss carries an L2 term (weight decay other than adamw's), else 0. */
  private readonly l2: number;

  /** `model`: the tfjs model of the scenario, whose initial weights are copied (and whose names are used). */
  constructor(
    private readonly s: Scenario,
    model: Model,
    data: Dataset,
    heldOut: { x: Dataset['x']; y: Dataset['y'] } | null,
  ) {
    // The predictions model has one parameter, the vector, and no layers.
    this.vector = s.model === 'predictions' ? Float32Array.from(model.params[0]!.variable.dataSync()) : null;
    this.layers = this.vector
      ? []
      : model.summary.map((l, i) => {
          const [kernel, bias] = [model.params[2 * i]!, model.params[2 * i + 1]!];
          return {
            name: l.name,
            inputs: kernel.variable.shape[0]!,
            units: l.units,
            activation: l.detail as DenseLayer['activation'],
            kernel: Float32Array.from(kernel.variable.dataSync()),
            bias: Float32Array.from(bias.variable.dataSync()),
          };
        });
    this.params = this.vector ? [this.vector] : this.layers.flatMap((l) => [l.kernel, l.bias]);
    this.vectorGrad = new Float32Array(this.vector?.length ?? 0);
    this.inputs = data.x.shape[1]!;
    this.paramNames = model.params.map((p) => p.name);
    this.layerNames = [...model.layers];
    const names = stateNames(s.optimizer);
    this.momentKinds = names.map((n) => (n.endsWith('/v') ? 'second' : 'first'));
    this.moments = this.params.map((w, k) => ({
      names: names.map((n) => `${n}/${this.paramNames[k]!}`),
      now: names.map(() => new Float32Array(w.length)),
      next: names.map(() => new Float32Array(w.length)),
      nextW: new Float32Array(w.length),
    }));
    this.state = [...this.params, ...this.moments.flatMap((m) => m.now)];
    this.c = updateConstants(s);
    this.layout = new StepLayout(this.paramNames);
    this.train = rowsOf(data.x, data.y, s.precision);
    this.heldOut = heldOut ? rowsOf(heldOut.x, heldOut.y, s.precision) : null;
    this.outputs = this.vector ? 1 : this.layers[this.layers.length - 1]!.units;
    this.lossConstants = { delta: f32(s.huberDelta), eps: roundNumber(s.lossEps, s.precision) };
    this.r = numberRounder(s.precision);
    this.sigmoid = s.loss === 'bce' && model.output === 'logits';
    const eps = this.lossConstants.eps;
    this.bceEps = { e1: s.epsPlacement === 'none' ? 0 : eps, e2: s.epsPlacement === 'both' ? eps : 0 };
    this.l2 = s.weightDecay > 0 && s.optimizer !== 'adamw' ? f32(0.5 * s.weightDecay) : 0;
  }

  private batch(rows: number): Batch {
    let b = this.batches.get(rows);
    if (!b) {
      const n = rows * this.outputs;
      const x = new Float32Array(rows * this.inputs);
      const buffer = (): Float32Array => new Float32Array(n);
      b = {
        x,
        y: buffer(),
        ws: workspace(this.layers, rows, this.s.precision),
        elements: buffer(),
        clamped: buffer(),
        probRaw: buffer(),
        prob: buffer(),
        pos: buffer(),
        neg: buffer(),
        pred: buffer(),
        dPred: buffer(),
        l2Share: buffer(),
      };
      this.batches.set(rows, b);
    }
    return b;
  }

  /** The batch of `rows` (null: every row) in tf.gather's order. */
  private gather(from: Rows, rows: number[] | null): Batch {
    const b = this.batch(rows ? rows.length : from.count);
    if (!rows) {
      b.x.set(from.x);
      b.y.set(from.y);
      return b;
    }
    const xw = this.inputs;
    const yw = this.outputs;
    rows.forEach((r, i) => {
      b.x.set(from.x.subarray(r * xw, (r + 1) * xw), i * xw);
      b.y.set(from.y.subarray(r * yw, (r + 1) * yw), i * yw);
    });
    return b;
  }

  /** The model's output for the batch: the stack's forward pass, or the vector's rows. */
  private output(b: Batch, rows: number[] | null, visit?: (q: string, v: Float32Array) => void): Float32Array {
    if (!this.vector) return forward(this.layers, b.ws, b.x, this.s.precision, visit);
    gatherRows(this.vector, rows, b.pred);
    return b.pred;
  }

  private lossOf(b: Batch, rows: number[] | null, visit?: (q: string, v: Float32Array) => void): number {
    let pred = this.output(b, rows, visit);
    if (this.s.predictionClamp > 0) {
      clipInto(pred, this.s.predictionClamp, b.clamped);
      roundArray(this.s.precision, b.clamped);
      pred = b.clamped;
      visit?.('out/clamped', pred);
    }
    if (this.sigmoid) {
      sigmoidInto(pred, this.r, b.probRaw, b.prob);
      pred = b.prob;
      visit?.('out/prob', pred);
    }
    const n = b.elements.length;
    if (this.s.loss === 'bce') {
      bceElements(pred, b.y, this.bceEps, this.r, b.pos, b.neg, b.elements);
      visit?.('loss/y·log(p)', b.pos);
      visit?.('loss/(1−y)·log(1−p)', b.neg);
    } else lossElements(this.s.loss, pred, b.y, n, this.lossConstants, b.elements);
    roundArray(this.s.precision, b.elements);
    visit?.('loss/elements', b.elements);
    const loss = this.r(reduceLoss(this.s.reduction, b.elements, n, this.r));
    if (this.l2 === 0) return loss;
    // 0 + Σw² of each parameter, one add at a time, then + l2·(0.5·wd): stepMath.ts's L2 term.
    let squares = 0;
    for (const w of this.params) squares = f32(squares + SUMS.sumOfSquares(w));
    return this.r(f32(loss + f32(squares * this.l2)));
  }

  /** The L2 term's gradient wd·w as tfjs builds it (0.5·wd times square's 2w), added to each gradient. */
  private addL2Gradients(grads: readonly Float32Array[]): void {
    this.params.forEach((w, k) => {
      const g = grads[k]!;
      for (let i = 0; i < w.length; i++) g[i] = g[i]! + f32(this.l2 * f32(w[i]! * 2));
    });
  }

  /** One parameter's L2 share alone. */
  private l2Share(w: Float32Array, out: Float32Array): void {
    for (let i = 0; i < w.length; i++) out[i] = this.l2 * f32(w[i]! * 2);
  }

  /** The loss on the held-out rows with the current weights (heldOutLoss.ts's number). */
  heldOutLoss(): number {
    if (!this.heldOut) throw new Error('this scenario holds no rows out');
    return this.lossOf(this.gather(this.heldOut, null), null);
  }

  /** Step t on the given rows, watched in `mode`; the weights and state are updated in place. */
  run(t: number, rows: number[] | null, mode: WatchMode, dataFinite: boolean, checkSecondMoments: boolean): StepParts {
    const watch = new StepWatch(mode, dataFinite, 'host');
    const b = this.gather(this.train, rows);
    if (!this.vector) watch.watchValues('data/x', 'data', b.x);
    watch.watchValues('data/y', 'data', b.y);
    const loss = this.lossOf(b, rows, (q, v) => watch.watchValues(q, q.startsWith('loss/') ? 'loss' : 'forward', v));
    this.lossBox[0] = loss;
    watch.watchValues('loss/value', 'loss', this.lossBox);
    const { ws } = b;
    const last = this.layers.length - 1;
    const [out, dOut] = this.vector ? [b.pred, b.dPred] : [ws.act[last]!, ws.dAct[last]!];
    const g = this.r(reductionGradient(this.s.reduction, b.elements.length));
    const lossInput = this.sigmoid ? b.prob : this.s.predictionClamp > 0 ? b.clamped : out;
    // The whole vector feeds the loss directly: its L2 share comes first, then the loss's shares in tape order.
    const l2First = this.vector !== null && rows === null && this.l2 !== 0 && this.s.predictionClamp === 0;
    if (l2First) this.l2Share(this.vector!, b.l2Share);
    const first = l2First ? b.l2Share : null;
    if (this.s.loss === 'bce') bceGradient(lossInput, b.y, this.bceEps, this.r, g, dOut, first);
    else lossGradient(this.s.loss, lossInput, b.y, b.elements.length, this.lossConstants, g, dOut, first);
    if (this.sigmoid) {
      roundArray(this.s.precision, dOut);
      sigmoidGradient(b.probRaw, dOut);
    }
    if (this.s.predictionClamp > 0) {
      roundArray(this.s.precision, dOut);
      clipGradient(out, this.s.predictionClamp, dOut);
    }
    if (this.vector) scatterGradient(dOut, rows, this.vector.length, this.vectorGrad);
    else backward(this.layers, ws, b.x, this.s.precision);
    const grads = this.vector ? [this.vectorGrad] : this.layers.flatMap((_, i) => [ws.dKernel[i]!, ws.dBias[i]!]);
    if (this.l2 !== 0 && !l2First) this.addL2Gradients(grads);
    for (const g of grads) roundArray(this.s.precision, g);
    grads.forEach((g, k) => watch.watchValues(`grad/${this.paramNames[k]!}`, 'backward', g, true));
    const gradSquares = grads.map((g) => SUMS.sumOfSquares(g));
    const gradNorm = normFromSquares(gradSquares);
    const skip = this.s.skipNonFinite && !grads.every(allFinite);
    // The record holds the gradients before clipping; the update gets them after.
    if (this.s.clipping === 'value') for (const g of grads) clipInto(g, this.s.clipValue, g);
    if (this.s.clipping === 'norm') {
      this.clipNorm[0] = this.r(gradNorm);
      watch.watchValues('clip/globalNorm', 'clip', this.clipNorm);
      scaleAll(grads, normScale(this.clipNorm[0], this.s.clipValue));
    }
    if (this.s.clipping !== 'none') for (const g of grads) roundArray(this.s.precision, g);
    const oldSquares: number[] = [];
    const updateSquares: number[] = [];
    this.params.forEach((w, k) => {
      const m = this.moments[k]!;
      updateParameter(this.s, this.c, t, w, grads[k]!, m.now, m.next, m.nextW, this.r);
      // skipNonFinite: the step's "new" values are the old ones, watched and summed as such, and nothing is assigned.
      const [states, nextW] = skip ? [m.now, w] : [m.next, m.nextW];
      states.forEach((v, j) => {
        const first = this.momentKinds[j] === 'first';
        watch.watchValues(m.names[j]!, 'update', v, first || !checkSecondMoments);
      });
      watch.watchValues(`param/${this.paramNames[k]!}`, 'update', nextW, true);
      oldSquares.push(SUMS.sumOfSquares(w));
      updateSquares.push(SUMS.sumOfSquaredDifferences(nextW, w));
      if (skip) return;
      m.next.forEach((v, j) => m.now[j]!.set(v));
      w.set(m.nextW);
    });
    const fixed = this.layout.write({
      loss,
      gradNorm,
      skipped: skip ? 1 : 0,
      gradSquares,
      weightSquares: this.params.map((w) => SUMS.sumOfSquares(w)),
      updateSquares,
      oldSquares,
    });
    return finishStep({ t, layout: this.layout, watch, model: { layers: this.layerNames } }, fixed);
  }
}
