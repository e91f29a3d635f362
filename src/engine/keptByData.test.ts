import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { KeptByData } from './keptByData';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('what is kept of a variable from step to step', () => {
  it('is used while the variable holds the data it came from, and not after an assign', () => {
    const v = tf.variable(tf.tensor1d([1, 2, 3]));
    const kept = new KeptByData<string>();
    expect(kept.of(v)).toBeNull();
    expect(kept.keep(v, v.dataId, 'from [1, 2, 3]')).toBeUndefined();
    expect(kept.of(v)).toBe('from [1, 2, 3]');
    v.assign(tf.tensor1d([4, 5, 6])); // a restore, a replay or a checkpoint
    expect(kept.of(v)).toBeNull();
    // Kept again for the new data: the old value is handed back (WeightSquares disposes of it).
    expect(kept.keep(v, v.dataId, 'from [4, 5, 6]')).toBe('from [1, 2, 3]');
    expect(kept.of(v)).toBe('from [4, 5, 6]');
    expect(kept.values()).toEqual(['from [4, 5, 6]']);
    kept.clear();
    expect(kept.of(v)).toBeNull();
    v.dispose();
  });

  it('is kept for the data it is told, not for what the variable holds when it is kept', () => {
    const v = tf.variable(tf.tensor1d([1]));
    const kept = new KeptByData<number>();
    const before = v.dataId;
    v.assign(tf.tensor1d([2]));
    kept.keep(v, before, 1);
    expect(kept.of(v)).toBeNull();
    v.dispose();
  });
});
