/**
 * The device path's Σw² of each parameter, kept from one step to the next: a step's weights after
 * its update are the next step's weights before it, so the next step's "old" squares are these
 * and need no kernels of their own (two a parameter, 0.09 ms each on webgl). A kept sum is used
 * only while its variable still holds the very data it was summed from (keptByData.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { KeptByData } from './keptByData';

export class WeightSquares {
  private readonly kept = new KeptByData<tf.Tensor>();

  /** Σw² of `v` now: the kept sum where `v` still holds the data it was taken from, else summed now. */
  of(v: tf.Variable): tf.Tensor {
    return this.kept.of(v) ?? tf.sum(tf.square(v));
  }

  /** Keep the sums of the variables as they are now (call after the update, inside the step's tidy). */
  keep(vars: readonly tf.Variable[], squares: readonly tf.Tensor[]): void {
    vars.forEach((v, i) => {
      const square = squares[i]!;
      const old = this.kept.keep(v, v.dataId, tf.keep(square));
      if (old && old !== square) old.dispose();
    });
  }

  dispose(): void {
    for (const square of this.kept.values()) square.dispose();
    this.kept.clear();
  }
}
