/** The 2D classification lessons on the real engine (cpu): the TensorFlow Playground network learns the circle; the naive log loss breaks on it. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTrainer, initBackend } from '../engine/index';
import { presetById, presetScenario } from '../scenarios/presets';
import { computeOutcome } from './outcome';

beforeAll(async () => {
  tf.enableProdMode(); // silence tfjs's advice to install tfjs-node
  await initBackend('cpu', 'linear');
});

describe('2D classification lessons', () => {
  it("TensorFlow Playground's default network reaches 95 % test accuracy on the circle within the lesson's steps", () => {
    const s = presetScenario(presetById('playground-circle')!);
    const t = createTrainer(s);
    const epoch = Math.ceil((s.samples * s.trainFraction) / s.batchSize);
    let reached: number | null = null;
    let last = { train: 0, test: 0 };
    while (t.stepIndex < s.steps && reached === null) {
      t.run(epoch);
      const p = t.preview();
      if (p.kind !== 'boundary') throw new Error(`expected a boundary preview, got ${p.kind}`);
      last = { train: p.trainAccuracy, test: p.testAccuracy ?? 0 };
      if (last.test >= 0.95) reached = t.stepIndex;
    }
    t.dispose();
    console.log(
      `playground-circle on cpu: test accuracy ≥ 95 % at step ${String(reached)} (checked once per epoch of ${epoch} steps); train ${last.train}, test ${last.test}`,
    );
    expect(reached).not.toBeNull();
    expect(reached!).toBeLessThanOrEqual(s.steps);
  });

  it.each([
    ['circle-log-loss-naive', true],
    ['circle-log-loss-logits', false],
  ])('%s: a NaN or Inf appears: %s', (id, breaks) => {
    const preset = presetById(id)!;
    const { run, outcome } = computeOutcome(presetScenario(preset), preset.claim.check, createTrainer, { search: false });
    expect(outcome.verdict).toBe('holds');
    expect(run.firstNonFinite !== null).toBe(breaks);
  });
});
