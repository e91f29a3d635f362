import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareDataset } from './data/preprocess';
import { HELD_OUT_EVERY } from './heldOutLoss';
import { DEFAULT_SCENARIO, type Scenario } from './scenario';
import { CIRCLE } from './testing/circleScenario';
import { expectKind } from './testing/nonFinite';
import { createTrainer } from './trainer';

beforeAll(async () => {
  tf.enableProdMode();
  await tf.setBackend('cpu');
});

/** The steps of `n` whose records carry a held-out loss. */
function measuredSteps(s: Scenario, n: number, every?: number): number[] {
  const t = createTrainer(s, every === undefined ? {} : { heldOutEvery: every });
  const steps = t.run(n).flatMap((r) => (r.heldOutLoss === undefined ? [] : [r.step]));
  t.dispose();
  return steps;
}

describe('held-out loss', () => {
  it(`is measured at step 1 and every ${HELD_OUT_EVERY} steps, only where rows are held out`, () => {
    expect(measuredSteps(CIRCLE, 35)).toEqual([1, 10, 20, 30]);
    expect(measuredSteps(CIRCLE, 9, 4)).toEqual([1, 4, 8]);
    expect(measuredSteps(CIRCLE, 20, 0), 'turned off').toEqual([]);
    expect(measuredSteps({ ...CIRCLE, trainFraction: 1 }, 20), 'nothing held out').toEqual([]);
    expect(measuredSteps(DEFAULT_SCENARIO, 20), 'a data set without a split').toEqual([]);
  });

  it('equals the training loss a full-batch trainer reports on the held-out rows (learning rate 0: the same weights)', () => {
    const s = { ...CIRCLE, lr: 0 };
    const plane = prepareDataset(s).plane!;
    const rows = plane.test.labels.length;
    const onHeldOut = createTrainer(
      { ...s, batchSize: 0 },
      { dataset: { ...prepareDataset(s), x: plane.testX, y: { values: plane.test.labels, shape: [rows, 1] }, rows } },
    );
    const t = createTrainer(s);
    const [measured] = t.run(1);
    const [trained] = onHeldOut.run(1);
    expect(rows).toBe(100);
    expect(measured!.heldOutLoss).toBe(trained!.loss);
    expect(measured!.heldOutLoss).not.toBe(measured!.loss);
    t.dispose();
    onHeldOut.dispose();
  });

  it('comes back NaN, exactly, when the naive log loss meets saturated probabilities on the held-out rows', () => {
    // Weights ×1000 push the sigmoid to exactly 0 for some class-0 points: (1 − 0)·log(1 − 0) is fine, 0·log(0) = 0·(−Inf) = NaN.
    const t = createTrainer({ ...CIRCLE, loss: 'bce', epsPlacement: 'none', initGain: 1000, continueOnFlag: true });
    const [r] = t.run(1);
    expectKind(r!.heldOutLoss!, 'NaN');
    t.dispose();
  });

  it('keeps tf.memory().numTensors flat over 300 steps, and its rows go with the trainer', () => {
    const before = tf.memory().numTensors;
    const t = createTrainer(CIRCLE);
    // By step 40 the sentinel holds its two snapshots; from there on nothing may accumulate.
    t.run(40);
    const after40 = tf.memory().numTensors;
    const records = t.run(260);
    expect(records.filter((r) => r.heldOutLoss !== undefined)).toHaveLength(26);
    expect(tf.memory().numTensors).toBe(after40);
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
