import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, PLANE_DATASETS, type Scenario } from '../scenario';
import { GRID_SIZE, PLANE_EXTENT, gridCoords, planePoints } from './plane2d';
import { prepareDataset } from './preprocess';

const base = (over: Partial<Scenario>): Scenario => ({ ...DEFAULT_SCENARIO, hidden: [...DEFAULT_SCENARIO.hidden], model: 'classifier', samples: 500, ...over });

/** Every point of a prepared data set, train then test, as "x1,x2,label" strings (for set comparisons). */
function allPoints(s: Scenario): string[] {
  const d = prepareDataset(s);
  const { train, test } = d.plane!;
  return [train, test].flatMap((p) => Array.from(p.labels, (l, i) => `${p.coords[2 * i]},${p.coords[2 * i + 1]},${l}`));
}

describe('2D data sets', () => {
  it.each(PLANE_DATASETS)('%s: the same seed gives the same points, another seed others', (kind) => {
    const a = planePoints(kind, 200, 0.1, 42);
    expect(planePoints(kind, 200, 0.1, 42)).toEqual(a);
    expect(Array.from(planePoints(kind, 200, 0.1, 43).coords)).not.toEqual(Array.from(a.coords));
  });

  it.each(PLANE_DATASETS)('%s: both classes exactly half, 0/1 labels, every point inside [−6, 6]²', (kind) => {
    for (const noise of [0, 0.5]) {
      const p = planePoints(kind, 500, noise, 7);
      expect(p.labels.filter((l) => l === 1).length).toBe(250);
      expect(p.labels.filter((l) => l === 0).length).toBe(250);
      expect(p.coords.every((v) => Math.abs(v) <= PLANE_EXTENT)).toBe(true);
    }
  });

  it('without noise a hand-made rule classifies every point: radius for the circle, quadrant for xor, the diagonal for the gaussians', () => {
    const score = (kind: (typeof PLANE_DATASETS)[number], noise: number, rule: (x1: number, x2: number) => number): number => {
      const p = planePoints(kind, 1000, noise, 42);
      return p.labels.filter((l, i) => rule(p.coords[2 * i]!, p.coords[2 * i + 1]!) === l).length / p.labels.length;
    };
    const radius = (x1: number, x2: number): number => (Math.hypot(x1, x2) < 3 ? 1 : 0);
    expect(score('circle', 0, radius)).toBe(1);
    expect(score('xor', 0, (x1, x2) => (x1 * x2 > 0 ? 1 : 0))).toBe(1);
    expect(score('gaussians', 0, (x1, x2) => (x1 + x2 > 0 ? 1 : 0))).toBe(1);
    // Noise moves points across the boundary: the same rule no longer gets them all.
    expect(score('circle', 0.5, radius)).toBeLessThan(0.95);
  });

  it('splits the shuffled points: trainFraction of them train, the rest are held out, none in both', () => {
    const s = base({ dataset: 'spiral', trainFraction: 0.3 });
    const d = prepareDataset(s);
    expect(d.rows).toBe(150);
    expect(d.x.shape).toEqual([150, 2]);
    expect(d.plane!.test.labels.length).toBe(350);
    expect(d.plane!.testX.shape).toEqual([350, 2]);
    const every = allPoints(s);
    expect(new Set(every).size).toBe(500);
    expect(every.sort()).toEqual(
      (() => {
        const p = planePoints('spiral', 500, 0, s.seed);
        return Array.from(p.labels, (l, i) => `${p.coords[2 * i]},${p.coords[2 * i + 1]},${l}`).sort();
      })(),
    );
    // The shuffle mixes the classes into the training share (generation alternates them).
    const trainOnes = d.y.values.filter((v) => v === 1).length;
    expect(trainOnes).toBeGreaterThan(50);
    expect(trainOnes).toBeLessThan(100);
    // One point still trains; nothing is held out.
    expect(prepareDataset(base({ dataset: 'circle', samples: 1 })).rows).toBe(1);
  });

  it('the held-out points and the grid are scaled and normalised with the training rows’ statistics', () => {
    const d = prepareDataset(base({ dataset: 'gaussians', noise: 0.2, normalization: 'zscore', inputScale: 3 }));
    const raw = prepareDataset(base({ dataset: 'gaussians', noise: 0.2 }));
    const col = (values: Float64Array, j: number): number[] => Array.from(values).filter((_, i) => i % 2 === j);
    const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
    const x1 = col(raw.x.values, 0).map((v) => 3 * v);
    const m = mean(x1);
    const sd = Math.sqrt(mean(x1.map((v) => (v - m) ** 2)));
    expect(mean(col(d.x.values, 0))).toBeCloseTo(0, 10);
    expect(d.plane!.testX.values[0]).toBeCloseTo((3 * raw.plane!.testX.values[0]! - m) / sd, 10);
    expect(d.plane!.gridX.values[0]).toBeCloseTo((3 * raw.plane!.gridX.values[0]! - m) / sd, 10);
    expect(raw.plane!.gridX.shape).toEqual([GRID_SIZE * GRID_SIZE, 2]);
  });

  it('the grid covers the plane row by row from the top-left corner, at cell centres', () => {
    const g = gridCoords(4);
    expect(Array.from(g.slice(0, 4))).toEqual([-4.5, 4.5, -1.5, 4.5]);
    expect(Array.from(g.slice(-2))).toEqual([4.5, -4.5]);
  });

  it('the new settings leave the other data sets exactly as they were', () => {
    for (const dataset of ['synthetic', 'labels', 'uniform'] as const) {
      const before = prepareDataset(base({ dataset, samples: 64 }));
      const after = prepareDataset(base({ dataset, samples: 64, noise: 0.4, trainFraction: 0.2, x1Squared: true, sinX2: true }));
      expect(after).toEqual(before);
      expect(before.plane).toBeUndefined();
    }
  });
});
