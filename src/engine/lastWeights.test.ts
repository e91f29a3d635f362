import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LastWeights } from './lastWeights';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the kept weights of the gathered path', () => {
  it('are used while the variable holds the data they came from, and not after an assign', () => {
    const v = tf.variable(tf.tensor1d([1, 2, 3]));
    const kept = new LastWeights();
    expect(kept.of(v)).toBeNull();
    const values = new Float32Array([1, 2, 3]);
    kept.keep(v, v.dataId, values);
    values[0] = 9; // a copy is kept: the readback's buffer is reused
    expect(Array.from(kept.of(v)!)).toEqual([1, 2, 3]);
    v.assign(tf.tensor1d([4, 5, 6])); // a restore, a replay or a checkpoint
    expect(kept.of(v)).toBeNull();
    v.dispose();
  });
});
