import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, type Scenario } from './scenario';
import { createTrainer } from './trainer';

const base = (over: Partial<Scenario>): Scenario => ({ ...DEFAULT_SCENARIO, hidden: [...DEFAULT_SCENARIO.hidden], ...over });
/** Adam: a checkpoint must carry both moments, or the steps after it differ. */
const MLP = base({ model: 'mlp', dataset: 'uniform', features: 6, hidden: [8, 8], samples: 64, batchSize: 16, optimizer: 'adam', lr: 0.01 });
/** The article's regression without normalisation: non-finite at step 3, where the run pauses. */
const DIVERGES = base({ model: 'linear', dataset: 'articleLinear', optimizer: 'sgd', lr: 0.01, loss: 'mse' });

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('a trainer checkpoint', () => {
  it('a new trainer restored from it takes the very same steps as the one it was read from', async () => {
    const a = createTrainer(MLP);
    a.run(5);
    const checkpoint = await a.checkpoint();
    const after = a.run(5).map((r) => r.loss);
    const b = createTrainer(MLP);
    b.restoreCheckpoint(checkpoint);
    expect(b.stepIndex).toBe(5);
    expect(b.run(5).map((r) => r.loss)).toEqual(after);
    a.dispose();
    b.dispose();
  });

  it('is plain data: numbers and shapes, every tensor of weights and Adam state', async () => {
    const t = createTrainer(MLP);
    t.run(2);
    const c = await t.checkpoint();
    // 3 dense layers × (kernel, bias) × (weight, m, v).
    expect(c.tensors).toHaveLength(18);
    expect(c.tensors[0]).toEqual({ shape: [6, 8], values: expect.any(Float32Array) });
    expect(structuredClone(c)).toEqual(c);
    t.dispose();
  });

  it('carries the sentinel verdict: restored after the flag, the trainer is paused with the same report', async () => {
    const a = createTrainer(DIVERGES);
    a.run(5);
    expect([a.paused, a.report?.step]).toEqual([true, 3]);
    const c = await a.checkpoint();
    const b = createTrainer(DIVERGES);
    b.restoreCheckpoint(c);
    expect([b.stepIndex, b.paused, b.report]).toEqual([3, true, a.report]);
    a.dispose();
    b.dispose();
  });

  it('leaves no tensor behind, reading or restoring', async () => {
    const t = createTrainer(MLP);
    t.run(3);
    const before = tf.memory().numTensors;
    const c = await t.checkpoint();
    t.restoreCheckpoint(c);
    t.restoreCheckpoint(c);
    expect(tf.memory().numTensors).toBe(before);
    t.dispose();
  });

  it("is refused by a trainer of another model, in words, and that trainer's state is untouched", async () => {
    const a = createTrainer(MLP);
    const c = await a.checkpoint();
    const other = createTrainer({ ...MLP, hidden: [4] });
    const first = other.run(1)[0]!.loss;
    expect(() => other.restoreCheckpoint(c)).toThrow('the checkpoint of step 0 does not fit this model (its tensors differ in number or shape)');
    expect(other.stepIndex).toBe(1);
    expect(Number.isFinite(first)).toBe(true);
    a.dispose();
    other.dispose();
  });
});
