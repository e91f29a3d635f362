/**
 * The loss on the rows a scenario holds out (the 2D data sets' test share), so the page can draw
 * validation beside training. It is the training loss's own computation (stepMath.ts
 * forwardAndLoss: clamp, sigmoid, the loss and its reduction, the L2 term) on the held-out rows,
 * after the step's update, with nothing watched and no gradient. It costs one forward pass over
 * those rows and one readback of one number, so it runs every HELD_OUT_EVERY steps and not every
 * step; the rows are uploaded once, in the simulated precision, as the training rows are.
 */
import * as tf from '@tensorflow/tfjs';
import { heldOutRows } from './costPlan';
import type { Dataset } from './data/tabular';
import type { Model } from './models';
import { roundNumber, roundTensor, type Rounder } from './precision';
import type { Flow } from './readback';
import type { Scenario } from './scenario';
import { forwardAndLoss } from './stepMath';

/** Steps between two held-out losses (and step 1, so the curve starts with the run). */
export const HELD_OUT_EVERY = 10;

const noWatch = { watch: () => undefined };

/** The held-out rows on device and the loss on them. */
export class HeldOutLoss {
  private readonly x: tf.Tensor;
  private readonly y: tf.Tensor;
  private disposed = false;

  private constructor(
    private readonly s: Scenario,
    rows: { x: Dataset['x']; y: Dataset['y'] },
    private readonly every: number,
  ) {
    const upload = (b: Dataset['x']): tf.Tensor => tf.tidy(() => roundTensor(tf.tensor(Float32Array.from(b.values), b.shape, 'float32'), s.precision).clone());
    this.x = upload(rows.x);
    this.y = upload(rows.y);
  }

  /**
   * The held-out loss of a scenario, or null where nothing is held out: data sets without a split,
   * a split that holds out no row, or models whose loss is not about new rows (the prediction
   * vector, the U-Net's images). `every` ≤ 0 turns it off.
   */
  static of(s: Scenario, data: Dataset, every = HELD_OUT_EVERY): HeldOutLoss | null {
    const rows = HeldOutLoss.rowsOf(s, data, every);
    return rows ? new HeldOutLoss(s, rows, every) : null;
  }

  /** The held-out rows as host values (the same rule as `of`; the dense path trains on them in JS), or null. */
  static rowsOf(s: Scenario, data: Dataset, every = HELD_OUT_EVERY): { x: Dataset['x']; y: Dataset['y'] } | null {
    const plane = data.plane;
    // The rule is costPlan.ts's, so the cost model counts exactly the runs that measure one.
    if (!plane || heldOutRows(s) === 0 || plane.test.labels.length === 0 || every <= 0) return null;
    // The autoencoder's target is its input, as in training (preprocess.ts).
    const y = s.model === 'autoencoder' ? plane.testX : { values: plane.test.labels, shape: [plane.test.labels.length, 1] };
    return { x: plane.testX, y };
  }

  /** Whether step t (1-based) measures the held-out loss. */
  due(t: number): boolean {
    return t === 1 || t % this.every === 0;
  }

  /** The loss on the held-out rows with the model's current weights, in one readback. */
  *loss(model: Model, round: Rounder): Flow<number> {
    if (this.disposed) throw new Error('the held-out rows were disposed');
    const inputs = { s: this.s, model, round, lossEps: roundNumber(this.s.lossEps, this.s.precision), watch: noWatch };
    const packed = tf.tidy(() => tf.reshape(forwardAndLoss(inputs, this.x, this.y, null).loss, [1]));
    const values = yield packed;
    return values[0]!;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.x.dispose();
    this.y.dispose();
  }
}
