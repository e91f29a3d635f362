/**
 * The naive binary cross-entropy −[y·log(p + ε₁) + (1 − y)·log(1 − p + ε₂)] of losses.ts on the
 * dense path, with its two watched terms (each rounded to the precision) and tfjs's gradient of the
 * composite; and the sigmoid a logit model's output goes through before it (stepMath.ts's out/prob).
 */
import type { NumberRounder } from './denseRounding';

const f32 = Math.fround;

/** ε inside log(p) and inside log(1 − p), as the placement puts them (0 where it puts none). */
export interface BceEps {
  e1: number;
  e2: number;
}

/** The two terms into pos and neg (rounded), the elements into out (not yet rounded: the caller's round point). */
export function bceElements(p: Float32Array, y: Float32Array, eps: BceEps, r: NumberRounder, pos: Float32Array, neg: Float32Array, out: Float32Array): void {
  for (let i = 0; i < p.length; i++) {
    pos[i] = r(f32(y[i]! * f32(Math.log(f32(p[i]! + eps.e1)))));
    neg[i] = r(f32(f32(1 - y[i]!) * f32(Math.log(f32(f32(1 - p[i]!) + eps.e2)))));
    out[i] = -1 * f32(pos[i]! + neg[i]!);
  }
}

/** d loss / d p into out from the elements' gradient g (already through the elements' round point); `first` as lossGradient's. */
export function bceGradient(
  p: Float32Array,
  y: Float32Array,
  eps: BceEps,
  r: NumberRounder,
  g: number,
  out: Float32Array,
  first: Float32Array | null = null,
): void {
  const dSum = f32(-1 * g);
  const dTerm = r(dSum); // each term's round point passes the same gradient back
  for (let i = 0; i < p.length; i++) {
    // Tape order backwards: the (1 − p) branch first, then the p branch.
    const fromNeg = f32(-1 * f32(f32(dTerm * f32(1 - y[i]!)) / f32(f32(1 - p[i]!) + eps.e2)));
    const fromPos = f32(f32(dTerm * y[i]!) / f32(p[i]! + eps.e1));
    out[i] = (first ? f32(first[i]! + fromNeg) : fromNeg) + fromPos;
  }
}

/** The sigmoid kernel into raw, and its output rounded into prob. */
export function sigmoidInto(z: Float32Array, r: NumberRounder, raw: Float32Array, prob: Float32Array): void {
  for (let i = 0; i < z.length; i++) {
    raw[i] = 1 / (1 + Math.exp(-z[i]!));
    prob[i] = r(raw[i]!);
  }
}

/** Sigmoid's gradient dy·(y·(1 − y)) on its raw output, in place in d (d already through prob's round point). */
export function sigmoidGradient(raw: Float32Array, d: Float32Array): void {
  for (let i = 0; i < d.length; i++) d[i] = d[i]! * f32(raw[i]! * f32(1 - raw[i]!));
}
