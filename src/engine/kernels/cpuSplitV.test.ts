import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerCpuKernels } from './cpuKernels';
import { bitsOf, nonFinitePlants, seededValues, stockAndOurs } from './cpuKernelTesting';

beforeAll(async () => {
  await tf.setBackend('cpu');
  registerCpuKernels();
});

const SHAPE = [3, 5, 4, 7];
const SIZE = SHAPE.reduce((a, b) => a * b);

/** Each piece's shape, dtype and bits. */
function pieces(x: tf.Tensor, splits: number | number[], axis: number): { shape: number[]; dtype: string; bits: number[] }[] {
  return tf.split(x, splits, axis).map((p) => ({ shape: p.shape, dtype: p.dtype, bits: bitsOf(p) }));
}

describe('SplitV on cpu: ours gives the stock kernel’s pieces', () => {
  const splits: [string, number | number[], number][] = [];
  for (const axis of [0, 1, 2, 3, -1]) {
    const n = SHAPE.at(axis)!;
    splits.push([`axis ${axis}, even`, n % 2 === 0 ? 2 : 1, axis]);
    splits.push([`axis ${axis}, uneven`, n === 3 ? [2, 1] : [1, n - 3, 2], axis]);
    splits.push([`axis ${axis}, inferred −1`, [1, -1], axis]);
  }
  splits.push(['axis 3, an empty piece', [3, 0, 4], 3]);

  it.each(splits)('%s (float32 with NaN and ±Inf)', (_, s, axis) => {
    const x = tf.tensor(seededValues(SIZE, 41, 20, nonFinitePlants(SIZE, 41)), SHAPE);
    const { stock, ours } = stockAndOurs(() => pieces(x, s, axis));
    expect(ours).toEqual(stock);
    x.dispose();
  });

  it.each([
    [
      'int32',
      tf.tensor(
        Int32Array.from(seededValues(SIZE, 42), (v) => Math.round(v * 1000)),
        SHAPE,
        'int32',
      ),
    ],
    [
      'bool',
      tf.tensor(
        Int32Array.from(seededValues(SIZE, 43), (v) => (v > 0 ? 1 : 0)),
        SHAPE,
        'bool',
      ),
    ],
  ] as const)('%s, along the last axis and a middle one', (_, x) => {
    for (const axis of [3, 1]) {
      const { stock, ours } = stockAndOurs(() => pieces(x, [2, 1, -1], axis));
      expect(ours).toEqual(stock);
    }
    x.dispose();
  });

  it('rank 2 and rank 1 (the concat gradients of other models)', () => {
    const m = tf.tensor(seededValues(6 * 9, 44), [6, 9]);
    const v = tf.tensor(seededValues(10, 45), [10]);
    const { stock, ours } = stockAndOurs(() => [pieces(m, [4, 5], 1), pieces(m, [1, 5], 0), pieces(v, [3, 7], 0)]);
    expect(ours).toEqual(stock);
    m.dispose();
    v.dispose();
  });

  it('strings run the stock kernel', () => {
    const x = tf.tensor(['a', 'b', 'c', 'd', 'e', 'f'], [2, 3], 'string');
    const split = (): string[][][] => {
      const out = tf.engine().runKernel(tf.SplitV, { x }, { numOrSizeSplits: [1, 2], axis: 1 }) as tf.Tensor[];
      return out.map((p) => {
        const v = p.arraySync() as unknown as string[][];
        p.dispose();
        return v;
      });
    };
    const { stock, ours } = stockAndOurs(split);
    expect(ours).toEqual([
      [['a'], ['d']],
      [
        ['b', 'c'],
        ['e', 'f'],
      ],
    ]);
    expect(ours).toEqual(stock);
    x.dispose();
  });

  it('the concat gradient (the U-Net’s skip connection) is unchanged', () => {
    const a = tf.tensor4d(seededValues(2 * 8 * 8 * 4, 46), [2, 8, 8, 4]);
    const b = tf.tensor4d(seededValues(2 * 8 * 8 * 4, 47), [2, 8, 8, 4]);
    const w = tf.tensor(seededValues(8, 48), [8]);
    const grads = (): number[][] =>
      tf
        .grads((p: tf.Tensor, q: tf.Tensor) => tf.concat([p, q], 3).mul(w).square().sum())([a, b])
        .map(bitsOf);
    const { stock, ours } = stockAndOurs(grads);
    expect(ours).toEqual(stock);
    [a, b, w].forEach((t) => t.dispose());
  });
});

describe('tensors', () => {
  it('stay flat over repeated splits', () => {
    const x = tf.tensor(seededValues(SIZE, 49), SHAPE);
    const run = (): void => tf.split(x, [1, 4, 2], 3).forEach((p) => p.dispose());
    run();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) run();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
