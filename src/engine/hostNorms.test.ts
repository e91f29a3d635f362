import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend';
import { normFromSquares as normOnDevice } from './clipping';
import { allFinite, hostSumOrder, hostSums, normFromSquares } from './hostNorms';
import { rngFor } from './rng';

afterAll(async () => {
  await tf.setBackend('cpu');
});

const bitsOf = (x: number): number => new Uint32Array(Float32Array.of(x).buffer)[0]!;

/** Values of every size class, with the edge cases a diverging run reaches. */
function values(seed: number, n: number, planted: number[] = []): Float32Array {
  const rng = rngFor(seed, 'hostNorms');
  const out = Float32Array.from({ length: n }, () => (rng.next() - 0.5) * 10 ** Math.floor(rng.next() * 40 - 20));
  planted.forEach((v, k) => (out[(k * 7) % n] = v));
  return out;
}

function uniform(seed: number, n: number): Float32Array {
  const rng = rngFor(seed, 'hostNorms/uniform');
  return Float32Array.from({ length: n }, () => rng.next() * 2 - 1);
}

const CASES: [string, Float32Array, Float32Array][] = [
  ['small', values(1, 5), values(2, 5)],
  ['one magnitude, where float32 and float64 totals part', uniform(10, 4097), uniform(11, 4097)],
  ['many mixed magnitudes', values(3, 4097), values(4, 4097)],
  ['squares that overflow float32', Float32Array.of(1e20, 3, 2e19), Float32Array.of(-1e20, 1, 0)],
  ['NaN', values(5, 33, [NaN]), values(6, 33)],
  ['+Inf and −Inf', values(7, 33, [Infinity, -Infinity]), values(8, 33, [Infinity])],
  ['empty', new Float32Array(0), new Float32Array(0)],
];

describe.each(['cpu', 'wasm'])('the record sums on the host, against the %s kernels bit for bit', (backend) => {
  beforeAll(async () => {
    const status = await initBackend(backend as 'cpu' | 'wasm', 'mlp');
    expect(status.active).toBe(backend);
  });
  const { sumOfSquares, sumOfSquaredDifferences } = hostSums(hostSumOrder(backend)!);

  // wasm's Sum of an empty tensor returns whatever its output held (a parameter is never empty).
  it.each(CASES.filter(([name]) => backend === 'cpu' || name !== 'empty'))('%s', (_name, a, b) => {
    const ta = tf.tensor1d(a);
    const tb = tf.tensor1d(b);
    const device = tf.tidy(() => [tf.sum(tf.square(ta)), tf.sum(tf.square(tf.sub(ta, tb))), tf.sum(tf.square(tb))]);
    const [sa, sd, sb] = device.map((t) => t.dataSync()[0]!);
    const norm = tf.tidy(() => normOnDevice([device[0]!, device[2]!, device[1]!]).dataSync()[0]!);
    expect(bitsOf(sumOfSquares(a))).toBe(bitsOf(sa!));
    expect(bitsOf(sumOfSquares(b))).toBe(bitsOf(sb!));
    expect(bitsOf(sumOfSquaredDifferences(a, b))).toBe(bitsOf(sd!));
    expect(bitsOf(normFromSquares([sa!, sb!, sd!]))).toBe(bitsOf(norm));
    tf.dispose([ta, tb, ...device]);
  });

  it("adds many tensors' squares into the global norm as the kernels do", () => {
    const squares = Array.from(uniform(12, 200), (x) => Math.fround(Math.abs(x) * 1000));
    const ts = squares.map((x) => tf.scalar(x));
    const norm = tf.tidy(() => normOnDevice(ts).dataSync()[0]!);
    expect(bitsOf(normFromSquares(squares))).toBe(bitsOf(norm));
    tf.dispose(ts);
  });

  it('is the only backend order that matches', () => {
    const other = hostSums(hostSumOrder(backend) === 'float64' ? 'float32' : 'float64');
    const a = uniform(13, 4097);
    const device = tf.tidy(() => tf.sum(tf.square(tf.tensor1d(a))).dataSync()[0]!);
    expect(bitsOf(other.sumOfSquares(a))).not.toBe(bitsOf(device));
  });

  it('tells finite arrays from those holding NaN or ±Inf', () => {
    expect(allFinite(values(9, 100))).toBe(true);
    expect(allFinite(Float32Array.of(1, NaN))).toBe(false);
    expect(allFinite(Float32Array.of(-Infinity))).toBe(false);
  });
});
