import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRECISION_MAX, makeRounder, roundNumber, roundTensor } from './precision';
import { expectKind, expectKinds } from './testing/nonFinite';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const round = (xs: number[], p: 'float16' | 'bfloat16'): number[] => tf.tidy(() => Array.from(roundTensor(tf.tensor1d(xs), p).dataSync()));

describe('float16 simulation', () => {
  it('rounds Adam ε = 1e-8 to 0 (below half the smallest subnormal), bf16 keeps it', () => {
    expect(roundNumber(1e-8, 'float16')).toBe(0);
    expect(round([1e-8], 'float16')).toEqual([0]);
    expect(round([1e-8], 'bfloat16')[0]).toBeCloseTo(1e-8, 10);
    expect(round([1e-8], 'bfloat16')[0]).not.toBe(0);
  });

  it('overflows 300² = 90000 to +Inf; bfloat16 stores it as 90112', () => {
    const sq = (p: 'float16' | 'bfloat16'): number => tf.tidy(() => roundTensor(tf.square(roundTensor(tf.tensor1d([300]), p)), p).dataSync()[0]!);
    expectKind(sq('float16'), '+Inf');
    expect(sq('bfloat16')).toBe(90112); // 8 significant bits: 90000 lies between 89600 and 90112, nearer the latter
  });

  it('has the exact boundaries: 65504 max, [65504, 65520) rounds down, ≥ 65520 is Inf', () => {
    const got = round([65504, 65519, 65520, -65520, 1e30, -Infinity, NaN], 'float16');
    expect(got.slice(0, 2)).toEqual([65504, 65504]);
    expectKinds(got.slice(2), ['+Inf', '-Inf', '+Inf', '-Inf', 'NaN']);
  });

  it('keeps subnormals on the 2^-24 grid and flushes below half of it', () => {
    const step = 2 ** -24;
    expect(round([step, 3 * step, 2.6 * step, 0.5 * step, 0.51 * step, 2 ** -14], 'float16')).toEqual([step, 3 * step, 3 * step, 0, step, 2 ** -14]);
  });

  it('rounds to 11 significant bits, ties to even', () => {
    // 2049 is a tie between 2048 and 2050 (spacing 2): even mantissa wins → 2048; 2051 → 2052.
    expect(round([2049, 2051, 1.0009765625, 0.1], 'float16')).toEqual([2048, 2052, 1.0009765625, Math.fround(0.0999755859375)]);
  });

  it('agrees with the JS reference on 2000 seeded values across the range', () => {
    const xs: number[] = [];
    let s = 12345;
    for (let i = 0; i < 2000; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      const e = (s % 60) - 30;
      xs.push(Math.fround(((s / 4294967296) * 2 - 1) * 2 ** e));
    }
    for (const p of ['float16', 'bfloat16'] as const) {
      const got = round(xs, p);
      const want = xs.map((x) => roundNumber(x, p));
      expect(got).toEqual(want);
    }
  });
});

describe('bfloat16 simulation', () => {
  it('keeps float32 range: 1e38 stays finite, 3.39e38 is the max, 3.4e38 rounds to Inf', () => {
    const got = round([1e38, PRECISION_MAX.bfloat16, 3.4e38, 1 + 2 ** -8, 1 + 2 ** -7], 'bfloat16');
    expect(got[0]).toBe(roundNumber(1e38, 'bfloat16'));
    expect(got[1]).toBe(PRECISION_MAX.bfloat16);
    expectKind(got[2]!, '+Inf');
    expect(got.slice(3)).toEqual([1, 1 + 2 ** -7]); // 1 + 2^-8 is a tie: rounds to even (1)
  });
});

describe('the rounder', () => {
  it('rounds gradients flowing backward too', () => {
    const r = makeRounder('float16');
    const g = tf.tidy(() =>
      tf
        .grad((x: tf.Tensor) => tf.sum(tf.mul(r(x), 1e-9)))(tf.tensor1d([1, 2]))
        .dataSync(),
    );
    expect(Array.from(g)).toEqual([0, 0]); // 1e-9 is below fp16's smallest subnormal
    const g32 = tf.tidy(() =>
      tf
        .grad((x: tf.Tensor) => tf.sum(tf.mul(makeRounder('float32')(x), 1e-9)))(tf.tensor1d([1]))
        .dataSync(),
    );
    expect(g32[0]).toBe(Math.fround(1e-9));
  });
});
