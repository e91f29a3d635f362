/**
 * The chart series of one run, fed record by record: the raw loss, its NaN-safe EMA, the held-out
 * loss of the steps that measured one, and one gradient-norm and weight-norm series per parameter.
 * Every series is bounded (series.ts).
 */
import type { StepRecord } from '../engine/records';
import { MinMaxSeries, NanSafeEma } from './series';

// A redraw costs in proportion to the points drawn. 600 points is still finer than the chart's plot
// width, and the bound is reached by step 600, so a redraw costs the same at step 1,000 and at
// step 100,000.
const LOSS_POINTS = 600;
/** Per-parameter charts draw many lines in a small panel; 120 points a line is plenty there. */
const NORM_POINTS = 120;

export class RunSeries {
  readonly loss = new MinMaxSeries(LOSS_POINTS);
  readonly smoothed = new MinMaxSeries(LOSS_POINTS);
  readonly heldOut = new MinMaxSeries(LOSS_POINTS);
  readonly gradNorms = new Map<string, MinMaxSeries>();
  readonly weightNorms = new Map<string, MinMaxSeries>();
  private ema: NanSafeEma;
  lastStep = 0;

  constructor(private smoothing = 0) {
    this.ema = new NanSafeEma(smoothing);
  }

  push(r: StepRecord): void {
    this.loss.push(r.step, r.loss);
    this.smoothed.push(r.step, this.ema.push(r.loss));
    if (r.heldOutLoss !== undefined) this.heldOut.push(r.step, r.heldOutLoss);
    pushAll(this.gradNorms, r.step, r.gradNorms);
    pushAll(this.weightNorms, r.step, r.weightNorms);
    this.lastStep = r.step;
  }

  /**
   * Create the (empty) per-parameter series before the first record, so that the charts lay out
   * their legends while the page is idle rather than in the first frame of training. True when
   * a series was added.
   */
  declare(parameters: readonly string[]): boolean {
    let added = false;
    for (const name of parameters) {
      for (const target of [this.gradNorms, this.weightNorms]) {
        if (target.has(name)) continue;
        target.set(name, new MinMaxSeries(NORM_POINTS));
        added = true;
      }
    }
    return added;
  }

  /** Re-smooth from the full loss history (a one-off O(n) when the slider moves, not per frame). */
  setSmoothing(smoothing: number, losses: ArrayLike<number>, firstStep = 1): void {
    if (smoothing === this.smoothing) return;
    this.smoothing = smoothing;
    this.ema = new NanSafeEma(smoothing);
    this.smoothed.clear();
    for (let i = 0; i < losses.length; i++) this.smoothed.push(firstStep + i, this.ema.push(losses[i]!));
  }

  clear(): void {
    this.loss.clear();
    this.smoothed.clear();
    this.heldOut.clear();
    this.gradNorms.clear();
    this.weightNorms.clear();
    this.ema = new NanSafeEma(this.smoothing);
    this.lastStep = 0;
  }
}

function pushAll(target: Map<string, MinMaxSeries>, step: number, values: Record<string, number>): void {
  for (const [name, value] of Object.entries(values)) {
    let s = target.get(name);
    if (!s) {
      s = new MinMaxSeries(NORM_POINTS);
      target.set(name, s);
    }
    s.push(step, value);
  }
}
