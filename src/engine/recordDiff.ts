/**
 * How far apart two backends' records of the same step are. The quantities a record carries are
 * compared in computation order (each layer's forward max |x|, the loss, the global and each
 * parameter's gradient norm, each parameter's weight norm), so the first one that differs is where
 * the two runs part. Non-finite values compare by kind: NaN equals NaN, +Inf equals +Inf, and a
 * finite value against a non-finite one is an infinite difference.
 */
import { nonFiniteKind, type StepRecord } from './records';

/** |a − b| relative to the larger magnitude: 0 for equal values (NaN = NaN included), Infinity across kinds. */
export function relativeDifference(a: number, b: number): number {
  const ka = nonFiniteKind(a);
  const kb = nonFiniteKind(b);
  if (ka !== null || kb !== null) return ka === kb ? 0 : Number.POSITIVE_INFINITY;
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

export interface QuantityDiff {
  quantity: string;
  a: number;
  b: number;
  relative: number;
}

/** The record's quantities in computation order, as [name, value] pairs. */
export function recordQuantities(r: StepRecord): [string, number][] {
  return [
    ...Object.entries(r.activationMax).map(([layer, v]): [string, number] => [`forward max |x| ${layer}`, v]),
    ['loss', r.loss],
    ['gradient norm', r.gradNorm],
    ...Object.entries(r.gradNorms).map(([p, v]): [string, number] => [`gradient norm ${p}`, v]),
    ...Object.entries(r.weightNorms).map(([p, v]): [string, number] => [`weight norm ${p}`, v]),
  ];
}

/** The first quantity (in computation order) whose values differ by more than `threshold` relative (default: at all). */
export function firstDifference(a: StepRecord, b: StepRecord, threshold = 0): QuantityDiff | null {
  const theirs = new Map(recordQuantities(b));
  for (const [quantity, va] of recordQuantities(a)) {
    const vb = theirs.get(quantity);
    if (vb === undefined) continue;
    const relative = relativeDifference(va, vb);
    if (relative > threshold) return { quantity, a: va, b: vb, relative };
  }
  return null;
}
