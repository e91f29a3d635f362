/**
 * The 2D classifier's preview: its output over a grid of the input plane (the decision boundary),
 * the train and held-out points, and the accuracy on each, from one forward pass per set and one
 * readback. Only the grid's values and two counts are read back; the points are known on the host.
 */
import * as tf from '@tensorflow/tfjs';
import { GRID_SIZE, PLANE_EXTENT, type PlaneData, type PlanePoints } from './data/plane2d';
import type { Flow } from './readback';
import type { Model } from './models';
import type { Rounder } from './precision';

/** Points drawn per set; accuracy still counts every row, only the drawing is capped. */
const MAX_DRAWN = 1000;

/** One point of the plane and its class (0 or 1). */
export interface PlanePoint {
  x1: number;
  x2: number;
  label: number;
}

export interface BoundaryPreview {
  kind: 'boundary';
  /** P(class 1) at GRID_SIZE² cell centres, row by row from the top-left corner (x1 = −extent, x2 = +extent). */
  grid: { size: number; extent: number; values: number[] };
  train: PlanePoint[];
  test: PlanePoint[];
  /** Share of the training rows classified right (a NaN output counts as wrong). */
  trainAccuracy: number;
  /** The same on the held-out rows; null when none are held out. */
  testAccuracy: number | null;
}

function drawn(points: PlanePoints): PlanePoint[] {
  const n = Math.min(points.labels.length, MAX_DRAWN);
  return Array.from({ length: n }, (_, i) => ({ x1: points.coords[2 * i]!, x2: points.coords[2 * i + 1]!, label: points.labels[i]! }));
}

/** Rows whose logit is finite and on the side of 0 its label is on (logit > 0 is class 1). */
function correctCount(logits: tf.Tensor, labels: tf.Tensor): tf.Tensor {
  const right = tf.logicalAnd(tf.isFinite(logits), tf.equal(tf.greater(logits, 0), tf.greater(labels, 0.5)));
  return tf.reshape(tf.sum(tf.cast(right, 'float32')), [1]);
}

/** Boundary preview of a logit model on a 2D data set; x and y are the trainer's training rows on device. */
export function* boundaryFlow(model: Model, plane: PlaneData, x: tf.Tensor, y: tf.Tensor, round: Rounder): Flow<BoundaryPreview> {
  const ctx = { round, watch: () => undefined };
  const testRows = plane.test.labels.length;
  const packed = tf.tidy(() => {
    // Uploaded per preview, inside the tidy: a few thousand numbers, cheaper than keeping tensors alive across runs.
    const upload = (b: { values: Float64Array; shape: number[] }): tf.Tensor => round(tf.tensor(Float32Array.from(b.values), b.shape, 'float32'));
    const grid = tf.sigmoid(model.forward({ x: upload(plane.gridX), rows: null }, ctx));
    const parts = [tf.reshape(grid, [-1]), correctCount(model.forward({ x, rows: null }, ctx), y)];
    if (testRows > 0) {
      const logits = model.forward({ x: upload(plane.testX), rows: null }, ctx);
      parts.push(correctCount(logits, tf.tensor(Float32Array.from(plane.test.labels), [testRows, 1], 'float32')));
    }
    return tf.concat(parts);
  });
  const values = yield packed;
  const cells = GRID_SIZE * GRID_SIZE;
  return {
    kind: 'boundary',
    grid: { size: GRID_SIZE, extent: PLANE_EXTENT, values: Array.from({ length: cells }, (_, i) => values[i]!) },
    train: drawn(plane.train),
    test: drawn(plane.test),
    trainAccuracy: values[cells]! / Math.max(1, plane.train.labels.length),
    testAccuracy: testRows > 0 ? values[cells + 1]! / testRows : null,
  };
}
