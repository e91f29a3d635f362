/**
 * precision.ts's simulated float16 and bfloat16 on numbers: roundTensor's ops (clamp, Veltkamp
 * split, the subnormal grid with the cpu Round kernel's ties-to-even, the overflow to ±Inf) each
 * stored as float32, so a value rounds here exactly as the tensor does on cpu. float32 is no op.
 */
import type { Precision } from '../scenario';

const f32 = Math.fround;

/** tfjs-backend-cpu's Round: banker's rounding. */
function roundKernel(x: number): number {
  const base = Math.floor(x);
  if (x - base < 0.5) return Math.floor(x);
  if (x - base > 0.5) return Math.ceil(x);
  return base % 2.0 === 0.0 ? base : base + 1.0;
}

/** Veltkamp split in float32: x rounded to 24 − s significant bits. */
function splitHigh(x: number, s: number): number {
  const c = f32(x * (2 ** s + 1));
  return f32(c - f32(c - x));
}

function float16(x: number): number {
  if (Number.isNaN(x)) return x;
  const xc = f32(x > 1e30 ? 1e30 : x < -1e30 ? -1e30 : x);
  const r = Math.abs(xc) < 2 ** -14 ? f32(roundKernel(f32(xc * 2 ** 24)) * 2 ** -24) : splitHigh(xc, 13);
  if (Math.abs(r) > 65504) return (xc < 0 ? -1 : xc > 0 ? 1 : 0) * Infinity;
  return r;
}

function bfloat16(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) < 2 ** -126) return x;
  const big = Math.abs(x) >= 2 ** 64;
  const split = splitHigh(big ? f32(x * 2 ** -64) : x, 16);
  return big ? f32(f32(split * 2 ** 32) * 2 ** 32) : split;
}

/** One stored value's rounding to the precision (identity for float32). */
export type NumberRounder = (x: number) => number;

/** The number rounding of a precision, as roundTensor rounds each element on cpu. */
export function numberRounder(precision: Precision): NumberRounder {
  if (precision === 'float16') return float16;
  if (precision === 'bfloat16') return bfloat16;
  return (x) => x;
}

/** Round every value of `a` in place; nothing at all for float32. */
export function roundArray(precision: Precision, a: Float32Array): void {
  if (precision === 'float32') return;
  const r = numberRounder(precision);
  for (let i = 0; i < a.length; i++) a[i] = r(a[i]!);
}
