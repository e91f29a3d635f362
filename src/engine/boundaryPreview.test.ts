import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GRID_SIZE } from './data/plane2d';
import type { BoundaryPreview, Preview } from './preview';
import { CIRCLE } from './testing/circleScenario';
import { createTrainer } from './trainer';

beforeAll(async () => {
  tf.enableProdMode(); // silence tfjs's advice to install tfjs-node
  await tf.setBackend('cpu');
});

function boundary(p: Preview): BoundaryPreview {
  if (p.kind !== 'boundary') throw new Error(`expected a boundary preview, got ${p.kind}`);
  return p;
}

describe('boundary preview', () => {
  it('holds the output over a 48×48 grid in [0, 1], every point with its label, and both accuracies', () => {
    const t = createTrainer({ ...CIRCLE, trainFraction: 0.7 });
    const p = boundary(t.preview());
    expect(p.grid.size).toBe(GRID_SIZE);
    expect(p.grid.extent).toBe(6);
    expect(p.grid.values.length).toBe(48 * 48);
    expect(p.grid.values.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect([p.train.length, p.test.length]).toEqual([140, 60]);
    expect(new Set([...p.train, ...p.test].map((q) => q.label))).toEqual(new Set([0, 1]));
    for (const a of [p.trainAccuracy, p.testAccuracy!]) {
      expect(a).toBeGreaterThanOrEqual(0);
      expect(a).toBeLessThanOrEqual(1);
    }
    t.dispose();
  });

  it('learns the circle: the centre turns class 1, the corners class 0, and the accuracies follow', () => {
    const t = createTrainer(CIRCLE);
    t.run(600);
    const p = boundary(t.preview());
    const at = (row: number, col: number): number => p.grid.values[row * GRID_SIZE + col]!;
    expect(at(GRID_SIZE / 2, GRID_SIZE / 2)).toBeGreaterThan(0.5);
    for (const [r, c] of [
      [0, 0],
      [0, GRID_SIZE - 1],
      [GRID_SIZE - 1, 0],
      [GRID_SIZE - 1, GRID_SIZE - 1],
    ] as const)
      expect(at(r, c)).toBeLessThan(0.5);
    expect(p.trainAccuracy).toBeGreaterThan(0.95);
    expect(p.testAccuracy).toBeGreaterThan(0.9);
    t.dispose();
  });

  it('counts a NaN output as wrong and reports no test accuracy when nothing is held out', () => {
    const t = createTrainer({ ...CIRCLE, samples: 1 });
    const p = boundary(t.preview());
    expect(p.test).toEqual([]);
    expect(p.testAccuracy).toBeNull();
    t.dispose();
  });

  it('keeps the tensor count flat over many previews and steps, and only logit models on plane data get one', () => {
    const t = createTrainer({ ...CIRCLE, x1Squared: true, sinX2: true });
    // Past the second sentinel snapshot (step 40): from there the trainer itself holds a fixed number of tensors.
    t.run(45);
    t.preview();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) {
      t.run(2);
      boundary(t.preview());
    }
    expect(tf.memory().numTensors).toBe(before);
    t.dispose();
    const regression = createTrainer({ ...CIRCLE, model: 'mlp', loss: 'mse' });
    expect(regression.preview().kind).toBe('regression');
    regression.dispose();
  });
});
