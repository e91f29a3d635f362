/**
 * The device path's Σw² of each parameter, kept from one step to the next: a step's weights after
 * its update are the next step's weights before it, so the next step's "old" squares are these
 * and need no kernels of their own (two a parameter, 0.09 ms each on webgl). A kept sum is used
 * only while its variable still holds the very data it was summed from (tfjs gives a variable new
 * data on every assign: a restore, a replay or a live change is a miss, and is summed again).
 */
import * as tf from '@tensorflow/tfjs';

interface Kept {
  data: object;
  square: tf.Tensor;
}

export class WeightSquares {
  private readonly kept = new Map<tf.Variable, Kept>();

  /** Σw² of `v` now: the kept sum where `v` still holds the data it was taken from, else summed now. */
  of(v: tf.Variable): tf.Tensor {
    const k = this.kept.get(v);
    return k && k.data === v.dataId ? k.square : tf.sum(tf.square(v));
  }

  /** Keep the sums of the variables as they are now (call after the update, inside the step's tidy). */
  keep(vars: readonly tf.Variable[], squares: readonly tf.Tensor[]): void {
    vars.forEach((v, i) => {
      const old = this.kept.get(v);
      this.kept.set(v, { data: v.dataId, square: tf.keep(squares[i]!) });
      if (old && old.square !== squares[i]) old.square.dispose();
    });
  }

  dispose(): void {
    for (const k of this.kept.values()) k.square.dispose();
    this.kept.clear();
  }
}
