/**
 * Simulated low precision. tfjs computes in float32 on every backend; float16 and bfloat16 are
 * simulated by rounding float32 tensors to the target format at op-group boundaries.
 *
 * What is simulated, exactly:
 * - Every stored tensor the engine produces is rounded after each op group: the input batch, each
 *   layer's pre-activation and activation, the per-element and reduced loss (and the sum inside
 *   sum-then-divide, as a half-precision sum() stores it), each gradient, the
 *   global gradient norm, the updated weights, the optimizer moments and the optimizer's constants
 *   (ε, learning rate, β's), which are rounded once when the optimizer is built.
 * - Rounding is to nearest, ties to even (tf.round is half-to-even; the Veltkamp split used for the
 *   normal range is exact in IEEE float32 arithmetic).
 * - float16: 11 significant bits; results whose magnitude rounds above 65504 become ±Inf (so every
 *   value ≥ 65520 is Inf, values in [65504, 65520) round down to 65504); below 2^-14 values are
 *   rounded to the subnormal grid of spacing 2^-24, so anything under 2^-25 becomes (signed) 0.
 * - bfloat16: 8 significant bits, float32's exponent range (max 3.3895e38, larger values become
 *   ±Inf). Below 2^-126 values stay at float32 precision: bf16's subnormal grid is not simulated.
 * - The gradient flowing backward through each rounding point is rounded too (a custom gradient),
 *   so backward intermediates at op-group boundaries are stored in the format as well.
 * - Not simulated: arithmetic inside one op (a matMul accumulates in float32, as fp16 hardware
 *   with fp32 accumulators does), and NaN payloads. NaN stays NaN.
 */
import * as tf from '@tensorflow/tfjs';
import type { Precision } from './scenario';

/** Largest finite value of each format: the overflow limit the sentinel warns against. */
export const PRECISION_MAX: Readonly<Record<Precision, number>> = {
  float32: 3.4028234663852886e38,
  float16: 65504,
  bfloat16: 3.3895313892515355e38,
};

const FP16_MIN_NORMAL = 2 ** -14;
const FP16_SUBNORMAL_STEP = 2 ** -24;

/** Round half to even, in JS numbers (Math.round rounds half up). */
function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  if (d < 0.5) return f;
  if (d > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}

/** Round a JS number to a format with `bits` significant bits, float32's exponent range below `minNormal`. */
function roundBits(v: number, bits: number, minNormal: number, subStep: number, max: number): number {
  if (!Number.isFinite(v) || v === 0) return v;
  const a = Math.abs(v);
  let q: number;
  if (a < minNormal) {
    q = subStep;
  } else {
    let e = Math.floor(Math.log2(a));
    if (2 ** e > a) e -= 1; // Math.log2 may round up just below a power of two
    if (2 ** (e + 1) <= a) e += 1;
    q = 2 ** (e - bits + 1);
  }
  const r = roundHalfEven(a / q) * q;
  if (r > max) return Math.sign(v) * Infinity;
  return Math.sign(v) * r;
}

/** The value a JS number takes when stored in the given format (reference for tests and constants). */
export function roundNumber(v: number, precision: Precision): number {
  const f = Math.fround(v);
  if (precision === 'float32') return f;
  if (precision === 'float16') return roundBits(f, 11, FP16_MIN_NORMAL, FP16_SUBNORMAL_STEP, PRECISION_MAX.float16);
  // bf16: below float32's normal range keep float32's own value (documented above).
  if (Math.abs(f) < 2 ** -126) return f;
  return roundBits(f, 8, 2 ** -126, 2 ** -149, PRECISION_MAX.bfloat16);
}

/** Veltkamp split: the float32 value x rounded to (24 − s) significant bits, exact in IEEE float32. */
function splitHigh(x: tf.Tensor, s: number): tf.Tensor {
  const c = tf.mul(x, 2 ** s + 1);
  return tf.sub(c, tf.sub(c, x));
}

function roundFloat16(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    // Clamp first so the split cannot overflow; anything this large is ±Inf in fp16 anyway.
    // (wasm's clipByValue turns NaN into a bound, so NaN is restored from x at the end.)
    const xc = tf.clipByValue(x, -1e30, 1e30);
    const normal = splitHigh(xc, 13);
    const subnormal = tf.mul(tf.round(tf.mul(xc, 2 ** 24)), FP16_SUBNORMAL_STEP);
    const r = tf.where(tf.less(tf.abs(xc), FP16_MIN_NORMAL), subnormal, normal);
    const inf = tf.mul(tf.sign(xc), Infinity);
    const out = tf.where(tf.greater(tf.abs(r), PRECISION_MAX.float16), inf, r);
    return tf.where(tf.isNaN(x), x, out);
  });
}

function roundBfloat16(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    // Scale huge values down by 2^64 (exact) so the split's product cannot overflow, then back up;
    // the final multiply overflows to ±Inf exactly when the rounded value exceeds bf16's max.
    const big = tf.greaterEqual(tf.abs(x), 2 ** 64);
    const scaled = tf.where(big, tf.mul(x, 2 ** -64), x);
    const split = splitHigh(scaled, 16);
    const back = tf.where(big, tf.mul(tf.mul(split, 2 ** 32), 2 ** 32), split);
    const keep = tf.logicalOr(tf.logicalNot(tf.isFinite(x)), tf.less(tf.abs(x), 2 ** -126));
    return tf.where(keep, x, back);
  });
}

/** The tensor rounded to the format (a new tensor; float32 returns a clone-free identity). */
export function roundTensor(x: tf.Tensor, precision: Precision): tf.Tensor {
  if (precision === 'float32') return x;
  return precision === 'float16' ? roundFloat16(x) : roundBfloat16(x);
}

/** Rounds a tensor to the format in the forward pass and its gradient in the backward pass. */
export type Rounder = (x: tf.Tensor) => tf.Tensor;

/** A rounding function for the precision; identity (no ops at all) for float32. */
export function makeRounder(precision: Precision): Rounder {
  if (precision === 'float32') return (x) => x;
  const rounded = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
    value: roundTensor(args[0] as tf.Tensor, precision),
    gradFunc: (dy: tf.Tensor) => roundTensor(dy, precision),
  }));
  return (x) => rounded(x);
}
