// Our MaxPoolGrad on wasm (wasmMaxPoolGrad.ts) against the cpu backend's, and the stock
// tfjs-backend-wasm kernel's fault that it replaces. Tolerance rule: wasmTesting.ts (here the
// results are sums of the same dy values in the same order, so they agree exactly).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWasmMaxPoolGrad } from './wasmMaxPoolGrad';
import { expectLikeCpu, planted, runOn, seeded, type Input, type Shape4 } from './wasmTesting';

let stock: tf.KernelConfig | undefined;

beforeAll(async () => {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  expect(await tf.setBackend('wasm')).toBe(true);
  stock = tf.getKernel(tf.MaxPoolGrad, 'wasm');
  registerWasmMaxPoolGrad();
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

interface Case {
  batch: number;
  size: [number, number];
  channels: number;
  k: number;
  stride: number;
  pad: 'same' | 'valid';
}

// The U-Net's 2×2 stride-2 'valid' pool, and overlapping or padded windows, on odd and even sizes.
const CASES: Case[] = [
  ...[1, 3].map((batch) => ({ batch, size: [8, 8] as [number, number], channels: 4, k: 2, stride: 2, pad: 'valid' as const })),
  ...[1, 3].map((batch) => ({ batch, size: [7, 5] as [number, number], channels: 3, k: 2, stride: 2, pad: 'same' as const })),
  ...[1, 3].map((batch) => ({ batch, size: [6, 7] as [number, number], channels: 2, k: 3, stride: 1, pad: 'same' as const })),
  ...[1, 3].map((batch) => ({ batch, size: [9, 9] as [number, number], channels: 1, k: 3, stride: 2, pad: 'valid' as const })),
];

/** dy, input and output of one pool, as tfjs's maxPool gradient passes them. */
function poolInputs(c: Case, x: Input): Record<string, Input> {
  const shape: Shape4 = [c.batch, c.size[0], c.size[1], c.channels];
  const info = tf.backend_util.computePool2DInfo(shape, c.k, c.stride, 1, c.pad);
  const outShape: Shape4 = [c.batch, info.outHeight, info.outWidth, c.channels];
  const output = tf.tidy(() => ({ shape: outShape, values: tf.maxPool(tf.tensor4d(x.values, shape), c.k, c.stride, c.pad).dataSync() as Float32Array }));
  return { dy: seeded(outShape, 2), input: x, output };
}

const attrsOf = (c: Case): tf.NamedAttrMap => ({ filterSize: c.k, strides: c.stride, pad: c.pad });
const name = (c: Case): string => `batch ${c.batch}, ${c.size.join('×')}×${c.channels}, ${c.k}×${c.k}, stride ${c.stride}, ${c.pad}`;

describe('MaxPoolGrad on wasm (ours) against cpu', () => {
  it.each(CASES.map((c) => [name(c), c] as const))('%s', async (_, c) => {
    const x = seeded([c.batch, c.size[0], c.size[1], c.channels], 1);
    // All-negative windows come with the seeded values; ties: a copy of the first row into the second.
    const tied = { shape: x.shape, values: x.values.slice() };
    const row = c.size[1] * c.channels;
    tied.values.copyWithin(row, 0, row);
    for (const input of [x, tied, planted(x, 3)]) {
      const inputs = poolInputs(c, input);
      expectLikeCpu(await runOn('wasm', tf.MaxPoolGrad, inputs, attrsOf(c)), await runOn('cpu', tf.MaxPoolGrad, inputs, attrsOf(c)));
    }
  });

  it('replaces a stock kernel that misroutes the gradient of an all-negative window', async () => {
    const c: Case = { batch: 1, size: [2, 2], channels: 1, k: 2, stride: 2, pad: 'valid' };
    const inputs = poolInputs(c, { shape: [1, 2, 2, 1], values: Float32Array.from([-0.58, -0.61, -0.23, -0.94]) });
    expect(Array.from(await runOn('wasm', tf.MaxPoolGrad, inputs, attrsOf(c)))).toEqual([0, 0, inputs.dy!.values[0], 0]);
    const backend = tf.backend();
    const dx = stock!.kernelFunc({
      inputs: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, tf.tensor4d(v.values, v.shape)])),
      backend,
      attrs: attrsOf(c),
    }) as tf.TensorInfo;
    // The stock search starts at FLT_MIN with position 0, and nothing here beats FLT_MIN.
    expect(Array.from(backend.readSync(dx.dataId) as Float32Array)).toEqual([inputs.dy!.values[0], 0, 0, 0]);
    backend.disposeData(dx.dataId);
  });

  it('is registered once: a second registration keeps the same kernel', () => {
    const first = tf.getKernel(tf.MaxPoolGrad, 'wasm');
    registerWasmMaxPoolGrad();
    expect(first).not.toBe(stock);
    expect(tf.getKernel(tf.MaxPoolGrad, 'wasm')).toBe(first);
  });
});
