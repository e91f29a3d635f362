import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { roundTensor } from '../precision';
import { rngFor } from '../rng';
import { PRECISIONS } from '../scenario';
import { numberRounder } from './denseRounding';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Edge cases of both formats, then values spread over every exponent float32 has, both signs. */
function values(): Float32Array {
  const edges = [
    0,
    -0,
    NaN,
    Infinity,
    -Infinity,
    65504,
    65519.99,
    65520,
    65536,
    2 ** -14,
    2 ** -24,
    2 ** -25,
    3 * 2 ** -26,
    2 ** -126,
    2 ** -149,
    1e30,
    2e30,
    2 ** 64,
    3.3895e38,
    3.4e38,
  ];
  const rng = rngFor(7, 'rounding');
  const spread = Array.from({ length: 20_000 }, () => (rng.uniform(0, 1) < 0.5 ? -1 : 1) * 2 ** rng.uniform(-150, 128));
  const ties = Array.from({ length: 2_000 }, (_, i) => (1 + (2 * i + 1) * 2 ** -11) * 2 ** ((i % 40) - 20));
  return Float32Array.from([...edges, ...edges.map((v) => -v), ...spread, ...ties]);
}

describe('numberRounder', () => {
  it.each(PRECISIONS)('%s: each value as roundTensor rounds it on cpu, bit for bit', (precision) => {
    const xs = values();
    const expected = tf.tidy(() => roundTensor(tf.tensor1d(xs), precision).dataSync());
    const r = numberRounder(precision);
    const wrong = Array.from(xs).filter((x, i) => !Object.is(Math.fround(r(x)), expected[i]));
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
