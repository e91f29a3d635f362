/**
 * The other way a run fails: nothing goes NaN, but the loss does not learn. Either it stopped moving while still
 * far from where it started (a saturated loss: the error ratio e²/(e²+ε) stuck at 0.999 when every error is large),
 * or it rose over the run (a step too large for the loss to descend, yet bounded, as L1 at a learning rate where MSE
 * diverges). The sentinel says where a value broke; this says that finite is not the same as learning.
 */
import { plural, showNumber } from './numberFormat';

export interface Stall {
  kind: 'flat' | 'rising';
  /** The first and last step of the stretch it describes (1-based). */
  fromStep: number;
  toStep: number;
  /** One sentence for the page and the CLI. */
  text: string;
}

/** Runs shorter than this are not judged: a few steps say nothing about learning. */
export const MIN_STEPS = 20;
/** Flat: the last quarter's mean loss is still above this share of the first quarter's (noise averages out). */
const FLAT = 0.99;
/** Rising: the last quarter's mean is this many times the first quarter's. */
const RISE = 1.5;

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Whether the finite losses of a run (loss[i] of step i + 1) show it not learning, or null. */
export function findStall(losses: readonly number[]): Stall | null {
  const n = losses.length;
  if (n < MIN_STEPS || !losses.every(Number.isFinite)) return null;
  const q = Math.max(5, Math.floor(n / 4));
  const head = mean(losses.slice(0, q));
  const tail = mean(losses.slice(n - q));
  if (head <= 0) return null;
  const first = losses[0]!;
  if (tail >= RISE * Math.min(head, first)) {
    const text = `Not learning: the loss rose from ${showNumber(first)} at step 1 to ${showNumber(losses[n - 1]!)} at step ${n}.`;
    return { kind: 'rising', fromStep: 1, toStep: n, text };
  }
  if (tail < FLAT * head) return null;
  const avg = (x: number): string => showNumber(x, { digits: 3 });
  const text = `Not learning: the loss did not go down in ${plural(n, 'step')} (it averaged ${avg(head)} over the first ${q} and ${avg(tail)} over the last ${q}).`;
  return { kind: 'flat', fromStep: 1, toStep: n, text };
}
