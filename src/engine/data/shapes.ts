/** Seeded segmentation images for the U-Net: discs and rectangles plus noise, with binary masks. */
import { rngFor } from '../rng';
import type { Scenario } from '../scenario';
import type { Dataset } from './tabular';

/** `samples` images of size N×N×1 (NHWC) and their masks. */
export function shapesDataset(s: Scenario): Dataset {
  const n = s.imageSize;
  const rng = rngFor(s.seed, 'data/shapes');
  const x = new Float64Array(s.samples * n * n);
  const y = new Float64Array(s.samples * n * n);
  for (let i = 0; i < s.samples; i++) {
    const base = i * n * n;
    const count = 1 + rng.int(2);
    for (let k = 0; k < count; k++) {
      const disc = rng.next() < 0.5;
      const cx = rng.uniform(0.2, 0.8) * n;
      const cy = rng.uniform(0.2, 0.8) * n;
      const r = rng.uniform(0.1, 0.25) * n;
      for (let row = 0; row < n; row++) {
        for (let col = 0; col < n; col++) {
          const dx = col + 0.5 - cx;
          const dy = row + 0.5 - cy;
          const inside = disc ? dx * dx + dy * dy <= r * r : Math.abs(dx) <= r && Math.abs(dy) <= r * 0.6;
          if (inside) y[base + row * n + col] = 1;
        }
      }
    }
    for (let p = 0; p < n * n; p++) x[base + p] = y[base + p]! * 0.8 + 0.1 + 0.1 * rng.normal();
  }
  return { kind: 'shapes', x: { values: x, shape: [s.samples, n, n, 1] }, y: { values: y, shape: [s.samples, n, n, 1] }, predictions: null, rows: s.samples };
}
