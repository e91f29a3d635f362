/**
 * Two-class data sets of points in the plane [−6, 6]², as people know them from TensorFlow
 * Playground: circle, xor, two gaussians, spiral. Labels are 0/1 (the classifier's logit output and
 * bce / bceLogits expect them). The points are shuffled with the seed and split: the first share
 * trains, the rest is held out and never trained on.
 */
import { rngFor, type Rng } from '../rng';
import type { PlaneDatasetKind, Scenario } from '../scenario';
import { featureBlock, planeFeatures, type PlaneFeature } from './features2d';
import type { Block, Dataset } from './tabular';

/** Half the width of the input plane: both coordinates lie in [−PLANE_EXTENT, PLANE_EXTENT]. */
export const PLANE_EXTENT = 6;
/** Cells per side of the grid the decision boundary is drawn from (48² = 2,304 rows per preview). */
export const GRID_SIZE = 48;
/** Radius of the pattern inside the plane; the margin to PLANE_EXTENT leaves room for noise. */
const RADIUS = 5;

/** Points with their labels: coords holds (x1, x2) pairs. */
export interface PlanePoints {
  coords: Float64Array;
  labels: Float64Array;
}

/** What a 2D data set carries besides its training rows: the points for drawing, the held-out rows, the grid. */
export interface PlaneData {
  /** Input columns in order (x1, x2, then the optional features). */
  features: PlaneFeature[];
  /** The training points, in the order of the data set's rows. */
  train: PlanePoints;
  test: PlanePoints;
  /** The held-out points as model inputs, prepared exactly as the training rows are. */
  testX: Block;
  /** GRID_SIZE² cell centres as model inputs, row by row from the top (x2 = +6) left (x1 = −6) corner. */
  gridX: Block;
}

/** One point and its label, before shuffling. */
type Draw = (i: number, n: number, noise: number, rng: Rng) => { x1: number; x2: number; label: number };

const clampToPlane = (v: number): number => Math.min(PLANE_EXTENT, Math.max(-PLANE_EXTENT, v));
/** Uniform jitter of up to noise·RADIUS per coordinate: at noise 0.5 points stray far across the boundary. */
const jitter = (noise: number, rng: Rng): number => (noise === 0 ? 0 : rng.uniform(-1, 1) * noise * RADIUS);

// Classes alternate with i, so an even number of points is split exactly in half.
const DRAWS: Readonly<Record<PlaneDatasetKind, Draw>> = {
  circle: (i, _n, noise, rng) => {
    // Class 1 fills the disc r < RADIUS/2, class 0 the ring 0.7·RADIUS < r < RADIUS: a gap of 0.2·RADIUS at noise 0.
    const inside = i % 2 === 0;
    const r = inside ? rng.uniform(0, 0.5 * RADIUS) : rng.uniform(0.7 * RADIUS, RADIUS);
    const a = rng.uniform(0, 2 * Math.PI);
    return { x1: r * Math.cos(a) + jitter(noise, rng), x2: r * Math.sin(a) + jitter(noise, rng), label: inside ? 1 : 0 };
  },
  xor: (i, _n, noise, rng) => {
    // One quadrant per i mod 4, kept 0.3 away from the axes so that noise 0 leaves a margin.
    const [s1, s2] = (
      [
        [1, 1],
        [-1, -1],
        [1, -1],
        [-1, 1],
      ] as const
    )[i % 4]!;
    const x1 = s1 * rng.uniform(0.3, RADIUS);
    const x2 = s2 * rng.uniform(0.3, RADIUS);
    return { x1: x1 + jitter(noise, rng), x2: x2 + jitter(noise, rng), label: s1 * s2 > 0 ? 1 : 0 };
  },
  gaussians: (i, _n, noise, rng) => {
    // Centres (2, 2) and (−2, −2); the spread grows with noise from 0.5 (apart) to 2 (overlapping).
    const positive = i % 2 === 0;
    const c = positive ? 2 : -2;
    const sd = 0.5 + 3 * noise;
    return { x1: c + sd * rng.normal(), x2: c + sd * rng.normal(), label: positive ? 1 : 0 };
  },
  spiral: (i, n, noise, rng) => {
    // Two arms of 1.75 turns each, the second rotated by half a turn; points evenly spaced along each arm.
    const positive = i % 2 === 0;
    const t = Math.floor(i / 2) / Math.max(1, Math.ceil(n / 2));
    const r = t * RADIUS;
    const a = t * 1.75 * 2 * Math.PI + (positive ? 0 : Math.PI);
    return { x1: r * Math.sin(a) + jitter(noise, rng), x2: r * Math.cos(a) + jitter(noise, rng), label: positive ? 1 : 0 };
  },
};

/** All the scenario's points in generation order (classes alternating), before the split. */
export function planePoints(kind: PlaneDatasetKind, samples: number, noise: number, seed: number): PlanePoints {
  const rng = rngFor(seed, `data/${kind}`);
  const coords = new Float64Array(2 * samples);
  const labels = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    const p = DRAWS[kind](i, samples, noise, rng);
    coords[2 * i] = clampToPlane(p.x1);
    coords[2 * i + 1] = clampToPlane(p.x2);
    labels[i] = p.label;
  }
  return { coords, labels };
}

function pick(points: PlanePoints, rows: readonly number[]): PlanePoints {
  const coords = new Float64Array(2 * rows.length);
  const labels = new Float64Array(rows.length);
  rows.forEach((r, i) => {
    coords[2 * i] = points.coords[2 * r]!;
    coords[2 * i + 1] = points.coords[2 * r + 1]!;
    labels[i] = points.labels[r]!;
  });
  return { coords, labels };
}

/** Cell centres of the GRID_SIZE² grid over the plane, as (x1, x2) pairs, top row first. */
export function gridCoords(size = GRID_SIZE): Float64Array {
  const coords = new Float64Array(2 * size * size);
  const cell = (2 * PLANE_EXTENT) / size;
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++) {
      coords[2 * (r * size + c)] = -PLANE_EXTENT + (c + 0.5) * cell;
      coords[2 * (r * size + c) + 1] = PLANE_EXTENT - (r + 0.5) * cell;
    }
  return coords;
}

/** The raw (unscaled) 2D data set: training rows as features and labels, plus the held-out points and the grid. */
export function planeDataset(kind: PlaneDatasetKind, s: Scenario): Dataset {
  const all = planePoints(kind, s.samples, s.noise, s.seed);
  // At least one training row, so every scenario trains; the held-out part may be empty.
  const trainRows = Math.min(s.samples, Math.max(1, Math.round(s.samples * s.trainFraction)));
  const order = rngFor(s.seed, 'data/split').permutation(s.samples);
  const train = pick(all, order.slice(0, trainRows));
  const test = pick(all, order.slice(trainRows));
  const features = planeFeatures(s);
  return {
    kind,
    x: featureBlock(train.coords, features),
    y: { values: train.labels.slice(), shape: [trainRows, 1] },
    predictions: null,
    rows: trainRows,
    plane: { features, train, test, testX: featureBlock(test.coords, features), gridX: featureBlock(gridCoords(), features) },
  };
}
