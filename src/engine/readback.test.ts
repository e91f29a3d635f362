import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { driveAsync, driveSync, needsAsyncReadback, type Flow } from './readback';
import { DEFAULT_SCENARIO, type Scenario } from './scenario';
import { createTrainer } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const article: Scenario = { ...DEFAULT_SCENARIO, hidden: [], model: 'linear', dataset: 'articleLinear', optimizer: 'sgd', lr: 0.01, loss: 'mse' };

describe('sync and async readback', () => {
  it('give the same records, report and preview', async () => {
    const a = createTrainer(article);
    const b = createTrainer(article);
    const sync = a.run(10);
    const async_ = await b.runAsync(10);
    expect(async_).toEqual(sync);
    expect(b.report).toEqual(a.report);
    expect(b.report?.step).toBe(3);
    expect(await b.previewAsync()).toEqual(a.preview());
    a.dispose();
    b.dispose();
  });

  it('dispose the read tensor and run the flow’s cleanup when it throws', async () => {
    const before = tf.memory().numTensors;
    let cleaned = 0;
    function* failing(): Flow<number> {
      try {
        const v = yield tf.tensor1d([1, 2]);
        if (v[1] === 2) throw new Error('boom');
        return 0;
      } finally {
        cleaned += 1;
      }
    }
    expect(() => driveSync(failing())).toThrow('boom');
    await expect(driveAsync(failing())).rejects.toThrow('boom');
    expect(cleaned).toBe(2);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('only WebGPU needs the async form', () => {
    expect(['cpu', 'wasm', 'webgl', 'webgpu'].filter(needsAsyncReadback)).toEqual(['webgpu']);
  });
});
