import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { driveSync } from '../readback';
import { DEFAULT_SCENARIO, type Scenario } from '../scenario';
import { CIRCLE } from '../testing/circleScenario';
import { expectKind } from '../testing/nonFinite';
import { denseParity } from '../testing/denseParity';
import { firstRecordDifference, firstValueDifference } from '../testing/sameBits';
import { createTrainer } from '../trainer';
import { CPU_MATMUL_BLOCK } from './cpuArithmetic';
import { DenseTrainer } from './denseTrainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const AUTOENCODER: Scenario = {
  ...DEFAULT_SCENARIO,
  model: 'autoencoder',
  dataset: 'uniform',
  samples: 100,
  features: 10,
  hidden: [5],
  init: 'torchLinear',
  activation: 'linear',
  optimizer: 'adam',
  lr: 0.01,
  steps: 50,
};

describe('the dense trainer', () => {
  it('adds its products in the cpu backend’s blocks', () => {
    expect((tf.backend() as unknown as { blockSize: number }).blockSize).toBe(CPU_MATMUL_BLOCK);
  });

  it('is chosen on cpu with densePath auto, and not by default', () => {
    const fast = createTrainer(CIRCLE, { densePath: 'auto' });
    const plain = createTrainer(CIRCLE);
    expect(fast).toBeInstanceOf(DenseTrainer);
    expect(plain).not.toBeInstanceOf(DenseTrainer);
    fast.dispose();
    plain.dispose();
  });

  it('creates no tfjs tensors per step', () => {
    const t = createTrainer({ ...CIRCLE, continueOnFlag: true }, { densePath: 'auto' });
    t.run(3);
    const before = tf.memory().numTensors;
    t.run(200);
    expect(tf.memory().numTensors).toBe(before);
    t.preview();
    expect(tf.memory().numTensors).toBe(before);
    t.dispose();
  });

  it('goes back to a snapshot and repeats the same steps', () => {
    const t = createTrainer(CIRCLE, { densePath: 'auto' });
    t.run(7);
    const snap = t.snapshot();
    const first = t.run(12);
    t.restore(snap);
    expect(t.stepIndex).toBe(7);
    expect(firstRecordDifference(t.run(12), first)).toBeNull();
    t.dispose();
  });

  it('writes and reads checkpoints as the tfjs trainer does', async () => {
    const fast = createTrainer(AUTOENCODER, { densePath: 'auto' });
    const slow = createTrainer(AUTOENCODER);
    fast.run(9);
    slow.run(9);
    const [a, b] = [await fast.checkpoint(), await slow.checkpoint()];
    expect(firstValueDifference(a, b)).toBeNull();
    // Each goes on from the other's checkpoint with the same bits.
    const other = createTrainer(AUTOENCODER, { densePath: 'auto' });
    other.restoreCheckpoint(b);
    slow.restoreCheckpoint(a);
    expect(firstRecordDifference(other.run(5), slow.run(5))).toBeNull();
    [fast, slow, other].forEach((t) => t.dispose());
  });

  it('shows the same preview, network view, names and report as the tfjs trainer', () => {
    for (const s of [CIRCLE, AUTOENCODER]) {
      const fast = createTrainer(s, { densePath: 'auto' });
      const slow = createTrainer(s);
      fast.run(s.steps);
      slow.run(s.steps);
      expect(firstValueDifference(fast.preview(), slow.preview())).toBeNull();
      expect(firstValueDifference(driveSync(fast.networkFlow()), driveSync(slow.networkFlow()))).toBeNull();
      expect(fast.parameterNames()).toEqual(slow.parameterNames());
      expect(fast.layerNames()).toEqual(slow.layerNames());
      expect(firstValueDifference(fast.report, slow.report)).toBeNull();
      fast.dispose();
      slow.dispose();
    }
  });

  it('finds the first non-finite step of an autoencoder at a huge rate, as tfjs does', async () => {
    const s = { ...AUTOENCODER, lr: 1e6, inputScale: 1e3 };
    const t = createTrainer(s, { densePath: 'auto' });
    const slow = createTrainer(s);
    const records = await t.runAsync(s.steps);
    slow.run(s.steps);
    expect(t.paused).toBe(true);
    expect(t.report?.step).toBe(records.length);
    expect(firstValueDifference(t.report, slow.report)).toBeNull();
    expect(records[records.length - 1]!.nonFinite).toBe(true);
    expectKind(records[0]!.loss, 'finite');
    t.dispose();
    slow.dispose();
  });

  it('skips a step on the gradients before clipping (an Inf clipped to the bound is still a skip), as tfjs does', () => {
    // Inputs of 1e20: e² overflows, the gradients hold ±Inf, and every step is skipped.
    const s = { ...AUTOENCODER, features: 4, hidden: [2], optimizer: 'sgd' as const, lr: 1e-3, inputScale: 1e20, skipNonFinite: true };
    const clipped = { ...s, clipping: 'value' as const, clipValue: 1, continueOnFlag: true };
    const t = createTrainer(clipped, { densePath: 'auto' });
    expect(t.run(5).every((r) => r.skipped)).toBe(true);
    t.dispose();
    expect(denseParity(clipped, 5)).toBeNull();
  });
});
