/**
 * The losses and reductions the dense path computes, each as losses.ts writes it op by op, and
 * its gradient as tfjs differentiates that composite (every op's result stored as float32). The
 * seed of the backward pass is tfjs's ones(): the reduction's gradient per element is 1/n (mean,
 * sumThenDivide) or 1 (sum).
 */
import type { LossKind, Reduction } from '../scenario';

const f32 = Math.fround;

/** tfjs's step(x, alpha): NaN stays NaN, 1 above 0, alpha elsewhere. */
export function stepOf(x: number, alpha: number): number {
  return Number.isNaN(x) ? NaN : x > 0 ? 1 : alpha;
}

/** The loss's constants as float32 scalars: the Huber δ, and ε (already rounded to the precision by the trainer). */
export interface LossConstants {
  delta: number;
  eps: number;
}

/** Per-element loss of `pred` against `y` into `out` (n values). */
export function lossElements(kind: LossKind, pred: Float32Array, y: Float32Array, n: number, c: LossConstants, out: Float32Array): void {
  switch (kind) {
    case 'mse':
      for (let i = 0; i < n; i++) {
        const e = f32(pred[i]! - y[i]!);
        out[i] = e * e;
      }
      return;
    case 'l1':
      for (let i = 0; i < n; i++) out[i] = Math.abs(f32(pred[i]! - y[i]!));
      return;
    case 'bceLogits':
      // max(z, 0) − z·y + log(1 + exp(−|z|)), each op stored.
      for (let i = 0; i < n; i++) {
        const z = pred[i]!;
        const sub = f32(Math.max(0, z) - f32(z * y[i]!));
        const ex = f32(Math.exp(f32(-1 * Math.abs(z))));
        out[i] = sub + f32(Math.log1p(ex));
      }
      return;
    case 'huber':
      // 0.5·q² + δ·(|e| − q) with q = min(|e|, δ).
      for (let i = 0; i < n; i++) {
        const a = Math.abs(f32(pred[i]! - y[i]!));
        const q = Math.min(a, c.delta);
        out[i] = f32(f32(q * q) * 0.5) + f32(f32(a - q) * c.delta);
      }
      return;
    case 'msle':
      for (let i = 0; i < n; i++) {
        const d = f32(f32(Math.log1p(pred[i]!)) - f32(Math.log1p(y[i]!)));
        out[i] = d * d;
      }
      return;
    case 'ratio':
      for (let i = 0; i < n; i++) {
        const e = f32(pred[i]! - y[i]!);
        const sq = f32(e * e);
        out[i] = sq / f32(sq + c.eps);
      }
      return;
    case 'bce':
      throw new Error('the naive log loss has its terms watched: denseBce.ts');
  }
}

/** The reduced loss of n elements; `round`: the precision's rounding of the sum that sumThenDivide stores. */
export function reduceLoss(reduction: Reduction, elements: Float32Array, n: number, round: (x: number) => number = (x) => x): number {
  if (reduction === 'mean') {
    // The cpu Mean kernel divides each element by n (stored), then sums.
    let sum = 0;
    for (let i = 0; i < n; i++) sum += f32(elements[i]! / n);
    return f32(sum);
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += elements[i]!;
  return reduction === 'sum' ? f32(sum) : f32(round(f32(sum)) / n);
}

/** d loss / d element: what the reduction's gradient hands each element. */
export function reductionGradient(reduction: Reduction, n: number): number {
  return reduction === 'sum' ? 1 : f32(1 / n);
}

/**
 * d loss / d pred into `out`, from the per-element gradient `g` (the reduction's). `first`: a share
 * pred already holds before the loss's own (the predictions vector's L2 term, which tfjs adds first).
 */
export function lossGradient(
  kind: LossKind,
  pred: Float32Array,
  y: Float32Array,
  n: number,
  c: LossConstants,
  g: number,
  out: Float32Array,
  first: Float32Array | null = null,
): void {
  lossShares({ kind, pred, y, n, c, g, out, first });
  // A loss that reads pred once adds its one share to the first (one add: the order does not matter).
  if (first && kind !== 'bceLogits') for (let i = 0; i < n; i++) out[i] = first[i]! + out[i]!;
}

interface ShareInputs {
  kind: LossKind;
  pred: Float32Array;
  y: Float32Array;
  n: number;
  c: LossConstants;
  g: number;
  out: Float32Array;
  first: Float32Array | null;
}

/** The loss's own shares of d loss / d pred (bceLogits: added onto `first` in tape order). */
function lossShares({ kind, pred, y, n, c, g, out, first }: ShareInputs): void {
  switch (kind) {
    case 'mse':
      // square'(e) = dy·(2e); sub passes it to pred.
      for (let i = 0; i < n; i++) out[i] = g * f32(f32(pred[i]! - y[i]!) * 2);
      return;
    case 'l1':
      for (let i = 0; i < n; i++) out[i] = g * stepOf(f32(pred[i]! - y[i]!), -1);
      return;
    case 'bceLogits':
      for (let i = 0; i < n; i++) {
        const z = pred[i]!;
        const ex = f32(Math.exp(f32(-1 * Math.abs(z))));
        // Backward in tape order: log1p, exp, neg, abs (z's first share), then sub, mul (second), relu (third).
        const dEx = f32(g / f32(ex + 1));
        const dAbs = f32(-1 * f32(dEx * ex));
        const fromAbs = f32(dAbs * stepOf(z, -1));
        const fromMul = f32(f32(-1 * g) * y[i]!);
        const fromRelu = f32(g * stepOf(z, 0));
        const start = first ? f32(first[i]! + fromAbs) : fromAbs;
        out[i] = f32(start + fromMul) + fromRelu;
      }
      return;
    case 'huber':
      for (let i = 0; i < n; i++) {
        const e = f32(pred[i]! - y[i]!);
        const a = Math.abs(e);
        const q = Math.min(a, c.delta);
        // Backward in tape order: δ·(a − q) gives a and q their first shares, 0.5·q² q's second, min(a, δ) a's second.
        const dDiff = f32(g * c.delta);
        const dQ = f32(f32(-1 * dDiff) + f32(f32(g * 0.5) * f32(q * 2)));
        const dA = f32(dDiff + f32(dQ * (a <= c.delta ? 1 : 0)));
        out[i] = dA * stepOf(e, -1);
      }
      return;
    case 'msle':
      for (let i = 0; i < n; i++) {
        const d = f32(f32(Math.log1p(pred[i]!)) - f32(Math.log1p(y[i]!)));
        out[i] = f32(g * f32(d * 2)) / f32(pred[i]! + 1);
      }
      return;
    case 'ratio':
      for (let i = 0; i < n; i++) {
        const e = f32(pred[i]! - y[i]!);
        const sq = f32(e * e);
        const den = f32(sq + c.eps);
        // sq/den: sq's first share from the numerator, its second through den = sq + ε.
        const dSq = f32(f32(g / den) + f32(-1 * f32(f32(g * sq) / f32(den * den))));
        out[i] = dSq * f32(e * 2);
      }
      return;
    case 'bce':
      throw new Error('the naive log loss has its terms watched: denseBce.ts');
  }
}
