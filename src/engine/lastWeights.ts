/**
 * The gathered path's weights as numbers, kept from one step to the next: a step's weights after
 * its update are the next step's weights before it, so the next step need not read them back again
 * (on webgl each read tensor is a reshape or pack program of its own). As in weightSquares.ts, kept
 * values are used only while the variable still holds the very data they were read from: a restore,
 * a replay or a checkpoint gives it new data and the weights are read again.
 */
import type * as tf from '@tensorflow/tfjs';

interface Kept {
  data: object;
  values: Float32Array;
}

export class LastWeights {
  private readonly kept = new Map<tf.Variable, Kept>();

  /** `v`'s values if it still holds the data they were kept from, else null. */
  of(v: tf.Variable): Float32Array | null {
    const k = this.kept.get(v);
    return k && k.data === v.dataId ? k.values : null;
  }

  /** Keep a copy of `values`, which are the values of `data`, the data `v` held after the step. */
  keep(v: tf.Variable, data: object, values: ArrayLike<number>): void {
    this.kept.set(v, { data, values: Float32Array.from(values) });
  }
}
