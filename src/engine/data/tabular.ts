/**
 * The articles' fixed data sets and the seeded synthetic generators, as plain arrays. Nothing here
 * touches tfjs: the trainer uploads the finished arrays once.
 */
import { rngFor } from '../rng';
import type { DatasetKind, Scenario } from '../scenario';
import { planeDataset, type PlaneData } from './plane2d';

/** A row-major block of numbers with its shape ([rows, …]). */
export interface Block {
  values: Float64Array;
  shape: number[];
}

/** What a model trains on. `predictions` is set for the loss-only data sets (the prediction vector). */
export interface Dataset {
  kind: DatasetKind;
  x: Block;
  y: Block;
  predictions: Block | null;
  rows: number;
  /** 2D data sets only: the points in the plane, the held-out rows and the boundary grid. */
  plane?: PlaneData;
}

/** A block from nested rows. */
export function blockFromRows(rows: number[][]): Block {
  const width = rows[0]?.length ?? 0;
  return { values: Float64Array.from(rows.flat()), shape: [rows.length, width] };
}

function column(values: number[]): Block {
  return { values: Float64Array.from(values), shape: [values.length, 1] };
}

/** Loss-only data: the predictions double as a one-feature input for models that want one. */
function predictionData(kind: DatasetKind, predictions: number[], targets: number[]): Dataset {
  const p = column(predictions);
  return { kind, x: p, y: column(targets), predictions: p, rows: predictions.length };
}

function synthetic(s: Scenario): Dataset {
  // Feature j is N(0,1)·10^j: the per-feature scales make unnormalised training ill-conditioned.
  const rng = rngFor(s.seed, 'data/synthetic');
  const f = s.features;
  const w = Array.from({ length: f }, () => rng.normal());
  const x = new Float64Array(s.samples * f);
  const y = new Float64Array(s.samples);
  for (let i = 0; i < s.samples; i++) {
    let t = 0.5;
    for (let j = 0; j < f; j++) {
      const z = rng.normal();
      x[i * f + j] = z * 10 ** j;
      t += w[j]! * z;
    }
    y[i] = t + 0.05 * rng.normal();
  }
  return { kind: 'synthetic', x: { values: x, shape: [s.samples, f] }, y: { values: y, shape: [s.samples, 1] }, predictions: null, rows: s.samples };
}

function uniform(s: Scenario): Dataset {
  const rng = rngFor(s.seed, 'data/uniform');
  const x = Float64Array.from({ length: s.samples * s.features }, () => rng.next());
  // y (row means) is for models other than the autoencoder, which reconstructs its prepared input.
  const y = Float64Array.from({ length: s.samples }, (_, i) => x.subarray(i * s.features, (i + 1) * s.features).reduce((a, v) => a + v, 0) / s.features);
  return { kind: 'uniform', x: { values: x, shape: [s.samples, s.features] }, y: { values: y, shape: [s.samples, 1] }, predictions: null, rows: s.samples };
}

function labels(s: Scenario): Dataset {
  // Linearly separable labels from a seeded hyperplane: logistic weights grow without bound, which
  // is what drives a naive cross-entropy to log(0).
  const rng = rngFor(s.seed, 'data/labels');
  const f = s.features;
  const w = Array.from({ length: f }, () => rng.normal());
  const x = new Float64Array(s.samples * f);
  const y = new Float64Array(s.samples);
  for (let i = 0; i < s.samples; i++) {
    let t = 0;
    for (let j = 0; j < f; j++) {
      const z = rng.normal();
      x[i * f + j] = z;
      t += w[j]! * z;
    }
    y[i] = t > 0 ? 1 : 0;
  }
  return { kind: 'labels', x: { values: x, shape: [s.samples, f] }, y: { values: y, shape: [s.samples, 1] }, predictions: null, rows: s.samples };
}

/** Builds the raw (unscaled, unnormalised) data set the scenario names, except images (see shapes.ts). */
export function tabularDataset(s: Scenario): Dataset {
  switch (s.dataset) {
    case 'articleLinear':
      return {
        kind: 'articleLinear',
        x: blockFromRows([
          [1, 1e5],
          [2, 2e5],
          [3, 3e5],
        ]),
        y: column([10, 20, 30]),
        predictions: null,
        rows: 3,
      };
    case 'synthetic':
      return synthetic(s);
    case 'uniform':
      return uniform(s);
    case 'labels':
      return labels(s);
    case 'logLossProbs':
      return predictionData('logLossProbs', [0, 1, 0, 0], [0, 1, 0, 1]);
    case 'normalPredictions': {
      const rng = rngFor(s.seed, 'data/normalPredictions');
      return predictionData(
        'normalPredictions',
        Array.from({ length: s.samples }, () => rng.normal()),
        new Array<number>(s.samples).fill(0),
      );
    }
    case 'largePredictions':
      return predictionData('largePredictions', [1000, 2000, 3000], [1, 2, 3]);
    case 'tinyErrors':
      return predictionData('tinyErrors', [1.000000001, 2.000000001, 3.000000001], [1, 2, 3]);
    case 'noisyPredictions': {
      // As in the article: targets and predictions are independent normals, predictions shifted by 0.1.
      const rng = rngFor(s.seed, 'data/noisyPredictions');
      const targets = Array.from({ length: s.samples }, () => rng.normal());
      const preds = Array.from({ length: s.samples }, () => rng.normal() + 0.1);
      return predictionData('noisyPredictions', preds, targets);
    }
    case 'circle':
    case 'xor':
    case 'gaussians':
    case 'spiral':
      return planeDataset(s.dataset, s);
    case 'shapes':
      throw new Error('shapes is an image data set: use shapesDataset');
  }
}
