/**
 * Input preparation, in this order: outliers are injected into the raw inputs, the inputs are
 * multiplied by inputScale, then normalised. Done once in float64; the result is stored as float32
 * (so a scaled value beyond 3.4e38 is +Inf in the input batch, which the sentinel reports as data).
 */
import { rngFor } from '../rng';
import type { ModelKind, Normalization, Scenario } from '../scenario';
import { shapesDataset } from './shapes';
import { tabularDataset, type Block, type Dataset } from './tabular';

/** Per-column statistics, or one statistic over everything for images (one channel). */
function columns(b: Block, perColumn: boolean): number[][] {
  const rows = b.shape[0]!;
  const width = perColumn ? b.values.length / rows : 1;
  const cols: number[][] = Array.from({ length: width }, () => []);
  for (let i = 0; i < b.values.length; i++) cols[perColumn ? i % width : 0]!.push(b.values[i]!);
  return cols;
}

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** How one column (or a whole image set) is normalised: clip to [lo, hi], then (v − shift) / scale. */
interface ColumnNormalization {
  shift: number;
  scale: number;
  lo: number;
  hi: number;
}

/** The statistics of `b` that `kind` normalises with; null for 'none'. */
function fitNormalization(b: Block, kind: Normalization, perColumn: boolean): ColumnNormalization[] | null {
  if (kind === 'none') return null;
  return columns(b, perColumn).map((c) => {
    if (kind === 'zscore') {
      const mean = c.reduce((a, v) => a + v, 0) / c.length;
      const std = Math.sqrt(c.reduce((a, v) => a + (v - mean) ** 2, 0) / c.length);
      return { shift: mean, scale: std, lo: -Infinity, hi: Infinity };
    }
    const sorted = [...c].sort((u, v) => u - v);
    if (kind === 'minmax') return { shift: sorted[0]!, scale: sorted[sorted.length - 1]! - sorted[0]!, lo: -Infinity, hi: Infinity };
    // iqr: clip to [Q1 − 1.5·IQR, Q3 + 1.5·IQR] (the article's recipe); values are not rescaled.
    const q1 = quantile(sorted, 0.25);
    const q3 = quantile(sorted, 0.75);
    return { shift: 0, scale: 1, lo: q1 - 1.5 * (q3 - q1), hi: q3 + 1.5 * (q3 - q1) };
  });
}

function applyNormalization(b: Block, stats: ColumnNormalization[] | null): void {
  if (!stats) return;
  const width = stats.length;
  for (let i = 0; i < b.values.length; i++) {
    const st = stats[width === 1 ? 0 : i % width]!;
    const v = Math.min(Math.max(b.values[i]!, st.lo), st.hi);
    b.values[i] = (v - st.shift) / st.scale;
  }
}

/** Normalise in place. z-score and min-max divide by the spread without a guard: a constant feature gives 0/0 = NaN, as it would in numpy. */
export function normalize(b: Block, kind: Normalization, perColumn: boolean): void {
  applyNormalization(b, fitNormalization(b, kind, perColumn));
}

/** Multiply a seeded fraction of rows by outlierMagnitude (whole rows: a corrupt record). */
export function injectOutliers(b: Block, fraction: number, magnitude: number, seed: number): void {
  const rows = b.shape[0]!;
  const count = Math.round(rows * fraction);
  if (count <= 0) return;
  const width = b.values.length / rows;
  const picked = rngFor(seed, 'data/outliers').permutation(rows).slice(0, count);
  for (const r of picked) for (let j = 0; j < width; j++) b.values[r * width + j]! *= magnitude;
}

/** The data set of a scenario, ready for upload: outliers, scale and normalisation applied to the inputs. */
export function prepareDataset(s: Scenario, model: ModelKind = s.model): Dataset {
  const d = s.dataset === 'shapes' ? shapesDataset(s) : tabularDataset(s);
  const image = d.x.shape.length === 4;
  injectOutliers(d.x, s.outlierFraction, s.outlierMagnitude, s.seed);
  for (let i = 0; i < d.x.values.length; i++) d.x.values[i]! *= s.inputScale;
  const stats = fitNormalization(d.x, s.normalization, !image);
  applyNormalization(d.x, stats);
  // The held-out points and the boundary grid are scaled and normalised with the training rows'
  // statistics (as a fitted scaler is applied to new data), and get no outliers: those corrupt records.
  if (d.plane)
    for (const b of [d.plane.testX, d.plane.gridX]) {
      for (let i = 0; i < b.values.length; i++) b.values[i]! *= s.inputScale;
      applyNormalization(b, stats);
    }
  // Loss-only data sets: the (scaled) predictions are the inputs; the autoencoder reconstructs its input.
  const predictions = d.predictions ? d.x : null;
  const y = model === 'autoencoder' ? { values: d.x.values.slice(), shape: d.x.shape.slice() } : d.y;
  return { ...d, y, predictions };
}
