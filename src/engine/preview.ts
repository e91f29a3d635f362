/** Plain-data previews for the UI, computed from the current weights without touching training state. */
import * as tf from '@tensorflow/tfjs';
import { boundaryFlow, type BoundaryPreview } from './boundaryPreview';
import type { Dataset } from './data/tabular';
import type { Flow } from './readback';
import type { Model } from './models';
import type { Rounder } from './precision';
import type { Scenario } from './scenario';

const MAX_POINTS = 200;
const AE_ROWS = 4;

export type Preview =
  | { kind: 'regression'; points: { x: number; y: number; pred: number }[]; line: { x: number; y: number }[] }
  | { kind: 'autoencoder'; inputs: number[][]; reconstructions: number[][] }
  | { kind: 'unet'; width: number; height: number; input: number[]; target: number[]; predicted: number[]; error: number[] }
  | { kind: 'classifier'; probs: number[]; labels: number[] }
  | { kind: 'predictions'; predictions: number[]; targets: number[] }
  | BoundaryPreview;

export type { BoundaryPreview, PlanePoint } from './boundaryPreview';

function rowsOf(values: ArrayLike<number>, width: number, count: number): number[][] {
  return Array.from({ length: count }, (_, r) => Array.from({ length: width }, (_, c) => values[r * width + c]!));
}

/** Preview of the model on (the first rows of) its data set, as a flow with one readback. */
export function* previewFlow(s: Scenario, model: Model, data: Dataset, x: tf.Tensor, y: tf.Tensor, round: Rounder): Flow<Preview> {
  // A classifier on points of the plane shows its decision boundary, as TensorFlow Playground does.
  if (data.plane && model.output === 'logits') return yield* boundaryFlow(model, data.plane, x, y, round);
  const ctx = { round, watch: () => undefined };
  const n = Math.min(data.rows, s.model === 'unet' ? 1 : MAX_POINTS);
  const { packed, sizes } = tf.tidy(() => {
    const rows = tf.range(0, n, 1, 'int32') as tf.Tensor1D;
    const xb = tf.gather(x, rows);
    const parts = [model.forward({ x: xb, rows }, ctx), tf.gather(y, rows), xb].map((t) => tf.reshape(t, [-1]));
    return { packed: tf.concat(parts), sizes: parts.map((t) => t.size) };
  });
  const values = yield packed;
  const pred = Array.from(values).slice(0, sizes[0]);
  const target = Array.from(values).slice(sizes[0], sizes[0]! + sizes[1]!);
  const input = Array.from(values).slice(sizes[0]! + sizes[1]!);
  switch (s.model) {
    case 'predictions':
      return { kind: 'predictions', predictions: pred, targets: target };
    case 'autoencoder': {
      const w = data.x.shape[1]!;
      const k = Math.min(AE_ROWS, n);
      return { kind: 'autoencoder', inputs: rowsOf(input, w, k), reconstructions: rowsOf(pred, w, k) };
    }
    case 'unet': {
      const size = s.imageSize;
      const prob = pred.map((z) => 1 / (1 + Math.exp(-z)));
      return {
        kind: 'unet',
        width: size,
        height: size,
        input: input.slice(0, size * size),
        target,
        predicted: prob,
        error: prob.map((p, i) => Math.abs(p - target[i]!)),
      };
    }
    case 'classifier':
      return { kind: 'classifier', probs: pred.map((z) => 1 / (1 + Math.exp(-z))), labels: target };
    case 'linear':
    case 'mlp':
    case 'customSquare': {
      // Regression: the first feature on the x axis; the fitted line is the predictions sorted by it.
      const w = input.length / n;
      const points = pred.map((p, i) => ({ x: input[i * w]!, y: target[i]!, pred: p }));
      const line = [...points].sort((a, b) => a.x - b.x).map((p) => ({ x: p.x, y: p.pred }));
      return { kind: 'regression', points, line };
    }
  }
}
