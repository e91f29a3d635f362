/**
 * Plain-data records the engine emits. They cross the worker boundary with postMessage and are
 * printed by the CLI, so they hold numbers and strings only (NaN and ±Infinity stay numbers here;
 * serialisers decide how to write them).
 */

/** The phase of a training step in which a quantity is computed, in computation order. */
export const PHASES = ['data', 'forward', 'loss', 'backward', 'clip', 'update'] as const;
export type Phase = (typeof PHASES)[number];

export type NonFiniteKind = 'NaN' | '+Inf' | '-Inf';

/** Which non-finite value x is, or null when x is finite. */
export function nonFiniteKind(x: number): NonFiniteKind | null {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  return null;
}

export interface NonFiniteCounts {
  nan: number;
  posInf: number;
  negInf: number;
}

/** One watched quantity that held NaN or ±Inf. */
export interface NonFiniteQuantity {
  quantity: string; // stable human name, e.g. "enc/dense1/preact", "grad/dec/dense1/kernel", "adam/v/…"
  phase: Phase;
  kind: NonFiniteKind; // the dominant kind: NaN if any NaN, else the sign of the infinities
  counts: NonFiniteCounts;
  size: number;
}

/** The sentinel's verdict for the first step in which a watched quantity went non-finite. */
export interface NonFiniteReport extends NonFiniteQuantity {
  step: number;
  lastFiniteMaxAbs: number | null; // max |x| of the same quantity on the previous step
  cascade: NonFiniteQuantity[]; // the others that went non-finite in that step, in computation order
  backend: string;
  precision: string;
  /** Up to a few lines of growth history before the step, for the diagnosis. */
  growth: { quantity: string; values: number[] }[];
}

export type WarningKind = 'overflowRisk' | 'fastGrowth';

/** A warning before the fact: something is growing toward the precision's limit. */
export interface SentinelWarning {
  step: number;
  kind: WarningKind;
  quantity: string;
  value: number;
  limit: number;
  message: string;
}

/** What one training step reports. Maps are keyed by the stable parameter / layer names. */
export interface StepRecord {
  step: number; // 1-based index of the step just taken
  loss: number;
  gradNorm: number; // global L2 norm of the gradients before clipping
  gradNorms: Record<string, number>;
  weightNorms: Record<string, number>;
  updateRatios: Record<string, number>; // ‖Δw‖ / ‖w‖ per parameter
  activationMax: Record<string, number>; // max |activation| per layer
  nonFinite: boolean; // any watched quantity non-finite in this step (the fast-path flag)
  skipped: boolean; // the update was skipped (skipNonFinite)
  warnings: SentinelWarning[];
  /** The same loss on the held-out rows, after this step's update; only on the steps that measure it (heldOutLoss.ts). */
  heldOutLoss?: number;
}
