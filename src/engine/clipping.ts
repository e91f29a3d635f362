/**
 * Gradient clipping, applied between gradient computation and the update (tfjs optimizers have no
 * clipnorm/clipvalue). What each does with non-finite gradients:
 * - none: passes everything through.
 * - value: clip each element to [−c, c]. +Inf becomes c and −Inf becomes −c on cpu, but NaN passes
 *   through unchanged (NaN compares false with both bounds). Backends differ: WebGL leaves Inf as Inf
 *   and wasm turns NaN into −c (docs/BACKENDS.md), so the sentinel watches gradients before clipping.
 * - norm: scale all gradients by c / max(‖g‖, c) with ‖g‖ the global L2 norm. One NaN anywhere makes
 *   the norm NaN and therefore every gradient NaN; an Inf makes the norm Inf, the scale 0, finite
 *   gradients 0 and the infinite ones Inf·0 = NaN.
 * - skipNonFinite (in the trainer): if any gradient holds NaN/Inf, keep the old weights and state.
 */
import * as tf from '@tensorflow/tfjs';
import type { ClippingKind } from './scenario';

/**
 * Global L2 norm from each tensor's Σx² (the record's gradient squares, so nothing is summed twice).
 * Pairwise adds: tf.addN with ≥ 8 inputs breaks on WebGPU. The first square starts the total
 * instead of an uploaded 0: 0 + s is s for every s ≥ 0, NaN and +Inf.
 */
export function normFromSquares(squares: tf.Tensor[]): tf.Scalar {
  const [first, ...rest] = squares;
  if (!first) return tf.scalar(0);
  let acc = first;
  for (const t of rest) acc = tf.add(acc, t);
  return tf.sqrt(acc) as tf.Scalar;
}

/** Clipped gradients (the same tensors when kind is none). */
export function clipGradients(grads: tf.Tensor[], kind: ClippingKind, c: number, norm: tf.Scalar | null): tf.Tensor[] {
  if (kind === 'none') return grads;
  if (kind === 'value') return grads.map((g) => tf.clipByValue(g, -c, c));
  if (!norm) throw new Error('norm clipping needs the global norm');
  const scale = tf.div(c, tf.maximum(norm, c));
  return grads.map((g) => tf.mul(g, scale));
}
