/**
 * Losses, written out op by op so the sentinel can name the intermediate that went non-finite.
 * Each returns the per-element loss; `reduceLoss` applies the reduction. Quantities watched:
 * the naive BCE's two terms, "loss/elements" and (by the trainer) "loss/value".
 */
import * as tf from '@tensorflow/tfjs';
import type { Rounder } from './precision';
import type { Phase } from './records';
import type { EpsPlacement, LossKind, Reduction } from './scenario';

export interface LossOptions {
  kind: LossKind;
  huberDelta: number;
  /** ε of the naive BCE logs and of the ratio loss, already rounded to the precision. */
  eps: number;
  epsPlacement: EpsPlacement;
  reduction: Reduction;
}

type Watch = (quantity: string, phase: Phase, t: tf.Tensor) => void;
const noWatch: Watch = () => undefined;
const identity: Rounder = (x) => x;

/** Per-element loss of predictions `pred` (probabilities for 'bce', logits for 'bceLogits') against `y`. */
export function lossElements(pred: tf.Tensor, y: tf.Tensor, o: LossOptions, round: Rounder = identity, watch: Watch = noWatch): tf.Tensor {
  const e = (): tf.Tensor => tf.sub(pred, y);
  switch (o.kind) {
    case 'mse':
      return round(tf.square(e()));
    case 'l1':
      return round(tf.abs(e()));
    case 'huber': {
      // 0.5·q² + δ·(|e| − q) with q = min(|e|, δ): the two pieces (0.5·e² inside, δ·(|e| − δ/2) outside)
      // without a comparison in the graph, whose op (LessEqual) has no gradient in tfjs. NaN and ±Inf
      // come out as the piecewise form gives them.
      const a = tf.abs(e());
      const d = o.huberDelta;
      const q = tf.minimum(a, d);
      return round(tf.add(tf.mul(tf.square(q), 0.5), tf.mul(tf.sub(a, q), d)));
    }
    case 'msle':
      // log1p, as the article's log-MSE: a prediction below −1 gives NaN, exactly −1 gives −Inf.
      return round(tf.square(tf.sub(tf.log1p(pred), tf.log1p(y))));
    case 'bce': {
      // The naive form −[y·log p + (1−y)·log(1−p)]: with p = 0 and y = 0 the first term is 0·log 0 =
      // 0·(−Inf) = NaN; with p = 0 and y = 1 it is log 0 = −Inf. ε inside none / log(p) / both logs.
      const e1 = o.epsPlacement === 'none' ? 0 : o.eps;
      const e2 = o.epsPlacement === 'both' ? o.eps : 0;
      const pos = round(tf.mul(y, tf.log(tf.add(pred, e1))));
      watch('loss/y·log(p)', 'loss', pos);
      const neg = round(tf.mul(tf.sub(1, y), tf.log(tf.add(tf.sub(1, pred), e2))));
      watch('loss/(1−y)·log(1−p)', 'loss', neg);
      return round(tf.neg(tf.add(pos, neg)));
    }
    case 'bceLogits':
      // Stable form from logits z: max(z, 0) − z·y + log(1 + exp(−|z|)).
      return round(tf.add(tf.sub(tf.relu(pred), tf.mul(pred, y)), tf.log1p(tf.exp(tf.neg(tf.abs(pred))))));
    case 'ratio': {
      // mean(e²/(e²+ε)): with ε = 0 (or ε rounded to 0 in fp16) a zero error gives 0/0 = NaN.
      const sq = tf.square(e());
      return round(tf.div(sq, tf.add(sq, o.eps)));
    }
  }
}

/**
 * mean: one reduce_mean; sumThenDivide: reduce_sum then / n; sum: reduce_sum alone. The sum of
 * sumThenDivide is a stored intermediate, so under fp16 it is rounded (and can overflow) before
 * the division, as a half-precision sum() does; mean accumulates and divides inside one op.
 */
export function reduceLoss(elements: tf.Tensor, reduction: Reduction, round: Rounder = identity): tf.Scalar {
  switch (reduction) {
    case 'mean':
      return tf.mean(elements);
    case 'sumThenDivide':
      return tf.div(round(tf.sum(elements)), elements.size);
    case 'sum':
      return tf.sum(elements);
  }
}
