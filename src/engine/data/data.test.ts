import { describe, expect, it } from 'vitest';
import { Rng, rngFor } from '../rng';
import { DEFAULT_SCENARIO, type Scenario } from '../scenario';
import { injectOutliers, normalize, prepareDataset } from './preprocess';
import { blockFromRows } from './tabular';
import { expectKinds } from '../testing/nonFinite';

const base = (over: Partial<Scenario>): Scenario => ({ ...DEFAULT_SCENARIO, hidden: [...DEFAULT_SCENARIO.hidden], ...over });

describe('seeded generator', () => {
  it('repeats for the same seed and label, differs across labels', () => {
    const draw = (r: Rng): number[] => Array.from({ length: 5 }, () => r.next());
    expect(draw(rngFor(42, 'a'))).toEqual(draw(rngFor(42, 'a')));
    expect(draw(rngFor(42, 'a'))).not.toEqual(draw(rngFor(42, 'b')));
    expect(rngFor(1, 'x').permutation(6).sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('normalisation', () => {
  it('z-score per column (population std), min-max, IQR clip', () => {
    const z = blockFromRows([
      [1, 1e5],
      [2, 2e5],
      [3, 3e5],
    ]);
    normalize(z, 'zscore', true);
    const k = Math.sqrt(1.5); // (x − mean)/std with std = √(2/3)
    [-k, -k, 0, 0, k, k].forEach((want, i) => expect(z.values[i]).toBeCloseTo(want, 12));
    const m = blockFromRows([[1], [3], [5]]);
    normalize(m, 'minmax', true);
    expect(Array.from(m.values)).toEqual([0, 0.5, 1]);
    const q = blockFromRows([[1], [2], [3], [4], [100]]);
    normalize(q, 'iqr', true); // Q1 = 2, Q3 = 4, bounds [−1, 7]
    expect(Array.from(q.values)).toEqual([1, 2, 3, 4, 7]);
  });

  it('a constant feature gives 0/0 = NaN under z-score (not hidden by a guard)', () => {
    const c = blockFromRows([[5], [5]]);
    normalize(c, 'zscore', true);
    expectKinds(c.values, ['NaN', 'NaN']);
  });
});

describe('outliers and scale', () => {
  it('multiplies a seeded fraction of whole rows by the magnitude', () => {
    const b = blockFromRows([
      [1, 1],
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    injectOutliers(b, 0.5, 100, 7);
    expect(Array.from(b.values).filter((v) => v === 100).length).toBe(4);
  });

  it('prepareDataset scales the article inputs and stores the autoencoder target as its input', () => {
    const d = prepareDataset(base({ model: 'linear', dataset: 'articleLinear', inputScale: 2 }));
    expect(Array.from(d.x.values)).toEqual([2, 2e5, 4, 4e5, 6, 6e5]);
    expect(Array.from(d.y.values)).toEqual([10, 20, 30]);
    const ae = prepareDataset(base({ model: 'autoencoder', dataset: 'uniform', features: 10, samples: 100, inputScale: 0.1 }));
    expect(ae.y.shape).toEqual([100, 10]);
    expect(Array.from(ae.y.values)).toEqual(Array.from(ae.x.values));
    expect(Math.max(...ae.x.values)).toBeLessThan(0.1);
  });

  it('loss-only data sets carry their predictions: the articles fixed vectors and seeded normals × scale', () => {
    expect(Array.from(prepareDataset(base({ model: 'predictions', dataset: 'largePredictions' })).predictions!.values)).toEqual([1000, 2000, 3000]);
    const n = prepareDataset(base({ model: 'predictions', dataset: 'normalPredictions', samples: 100, inputScale: 100 }));
    expect(n.rows).toBe(100);
    expect(Array.from(n.y.values).every((v) => v === 0)).toBe(true);
    expect(Math.max(...n.predictions!.values.map(Math.abs))).toBeGreaterThan(100);
  });

  it('U-Net shapes: binary masks, images of the requested size', () => {
    const d = prepareDataset(base({ model: 'unet', dataset: 'shapes', imageSize: 16, samples: 3 }));
    expect(d.x.shape).toEqual([3, 16, 16, 1]);
    expect(new Set(d.y.values)).toEqual(new Set([0, 1]));
  });
});
