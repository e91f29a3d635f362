/**
 * Exact non-finite assertions for tests. tf.test_util.expectArraysClose treats NaN as close to
 * Infinity, so it must never be used to check NaN/Inf: these helpers compare kinds exactly.
 */
import { nonFiniteKind, type NonFiniteCounts } from '../records';

export type ValueKind = 'NaN' | '+Inf' | '-Inf' | 'finite';

/** The kind of one number. */
function classify(x: number): ValueKind {
  return nonFiniteKind(x) ?? 'finite';
}

/** Throws unless x is of the expected kind. */
export function expectKind(x: number, kind: ValueKind): void {
  const got = classify(x);
  if (got !== kind) throw new Error(`expected ${kind}, got ${got} (${String(x)})`);
}

/** Throws unless each element has the expected kind (same length). */
export function expectKinds(xs: ArrayLike<number>, kinds: ValueKind[]): void {
  const got = Array.from(xs, classify);
  if (got.length !== kinds.length || got.some((k, i) => k !== kinds[i])) throw new Error(`expected [${kinds.join(', ')}], got [${got.join(', ')}]`);
}

/** NaN, +Inf and −Inf counts of an array. */
export function countNonFinite(xs: ArrayLike<number>): NonFiniteCounts {
  const c = { nan: 0, posInf: 0, negInf: 0 };
  for (let i = 0; i < xs.length; i++) {
    const k = classify(xs[i]!);
    if (k === 'NaN') c.nan++;
    else if (k === '+Inf') c.posInf++;
    else if (k === '-Inf') c.negInf++;
  }
  return c;
}
