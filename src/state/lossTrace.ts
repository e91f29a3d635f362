/**
 * Every step's loss of one run, with its step number, in growable typed arrays (NaN and ±Inf kept
 * as they are). The chart's bounded series is for drawing the whole run; this is what a hover reads
 * (the exact value of that step) and what a zoom draws from (the steps in range, downsampled again
 * at full resolution). Steps are increasing but need not be consecutive (an imported file may hold
 * a subset of a run).
 */
import { MinMaxSeries, NanSafeEma } from './series';

export class LossTrace {
  private steps = new Float64Array(1024);
  private lossValues = new Float64Array(1024);
  private count = 0;

  push(step: number, loss: number): void {
    if (this.count === this.steps.length) {
      this.steps = grow(this.steps);
      this.lossValues = grow(this.lossValues);
    }
    this.steps[this.count] = step;
    this.lossValues[this.count] = loss;
    this.count += 1;
  }

  get length(): number {
    return this.count;
  }

  /** Every loss in step order (the test hooks' and smoothing's view). */
  losses(): number[] {
    return Array.from(this.lossValues.subarray(0, this.count));
  }

  /** Every entry as [step, loss], in step order (the test hooks' view of a held-out curve). */
  entries(): [number, number][] {
    return Array.from({ length: this.count }, (_, i) => [this.steps[i]!, this.lossValues[i]!]);
  }

  get firstStep(): number | null {
    return this.count > 0 ? this.steps[0]! : null;
  }

  get lastStep(): number | null {
    return this.count > 0 ? this.steps[this.count - 1]! : null;
  }

  /** The loss recorded at exactly `step`, or undefined when the run has no such step. */
  lossAt(step: number): number | undefined {
    const i = this.indexAtOrAfter(step);
    return i < this.count && this.steps[i] === step ? this.lossValues[i] : undefined;
  }

  /** The recorded step nearest to `step` (ties go to the earlier one), or null for an empty trace. */
  nearestStep(step: number): number | null {
    if (this.count === 0) return null;
    const i = this.indexAtOrAfter(step);
    if (i === 0) return this.steps[0]!;
    if (i === this.count) return this.steps[this.count - 1]!;
    const before = this.steps[i - 1]!;
    const after = this.steps[i]!;
    return step - before <= after - step ? before : after;
  }

  /** The NaN-safe EMA of the loss at `step` (as the smoothed curve shows it), from the start of the run. */
  smoothedAt(step: number, smoothing: number): number | undefined {
    const end = this.indexAtOrAfter(step);
    if (end >= this.count || this.steps[end] !== step) return undefined;
    const ema = new NanSafeEma(smoothing);
    let value = Number.NaN;
    for (let i = 0; i <= end; i++) value = ema.push(this.lossValues[i]!);
    return value;
  }

  /** The steps in [from, to] as a bounded series (smoothed from the start of the run when `smoothing` > 0). */
  seriesIn(from: number, to: number, maxPoints: number, smoothing = 0): MinMaxSeries {
    const out = new MinMaxSeries(maxPoints);
    const ema = smoothing > 0 ? new NanSafeEma(smoothing) : null;
    for (let i = 0; i < this.count && this.steps[i]! <= to; i++) {
      const value = ema ? ema.push(this.lossValues[i]!) : this.lossValues[i]!;
      if (this.steps[i]! >= from) out.push(this.steps[i]!, value);
    }
    return out;
  }

  clear(): void {
    this.count = 0;
  }

  /** The first index whose step is ≥ `step` (binary search). */
  private indexAtOrAfter(step: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.steps[mid]! < step) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function grow(a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const grown = new Float64Array(a.length * 2);
  grown.set(a);
  return grown;
}
