/**
 * Something worked out from a variable's values, kept from one step to the next: a step's weights after its update
 * are the next step's weights before it. It is used only while the variable still holds the very data it was worked
 * out from. tfjs gives a variable new data on every assign, so a restore, a replay, a checkpoint or a live change is
 * a miss, and the caller works it out again. weightSquares.ts keeps each parameter's Σw² on the device this way; the
 * gathered path (stepMath.ts) keeps each parameter's values on the host, so that on webgl the next step need not
 * read them back (each read tensor is a reshape or pack program of its own).
 */
import type * as tf from '@tensorflow/tfjs';

export class KeptByData<T> {
  private readonly kept = new Map<tf.Variable, { data: object; value: T }>();

  /** What was kept for `v`, if `v` still holds the data it came from; else null. */
  of(v: tf.Variable): T | null {
    const k = this.kept.get(v);
    return k && k.data === v.dataId ? k.value : null;
  }

  /** Keep `value`, worked out from `data` (the data `v` holds after the step); returns what it replaces. */
  keep(v: tf.Variable, data: object, value: T): T | undefined {
    const old = this.kept.get(v)?.value;
    this.kept.set(v, { data, value });
    return old;
  }

  /** Everything kept, in or out of date (to dispose of it). */
  values(): T[] {
    return [...this.kept.values()].map((k) => k.value);
  }

  clear(): void {
    this.kept.clear();
  }
}
