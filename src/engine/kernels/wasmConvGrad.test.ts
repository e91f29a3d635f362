// The convolution gradients on wasm against the cpu backend's kernels: our Conv2DBackpropFilter
// (wasmConvGrad.ts) and tfjs-backend-wasm's own Conv2DBackpropInput, on the same seeded inputs,
// with NaN, ±Inf and 0 planted; compared under the tolerance rule of wasmTesting.ts.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countNonFinite } from '../testing/nonFinite';
import { registerWasmConvGradients } from './wasmConvGrad';
import { expectLikeCpu, expectLikeCpuPlanted, planted, runOn, seeded, type Input, type Shape4 } from './wasmTesting';

beforeAll(async () => {
  registerWasmConvGradients();
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  expect(await tf.setBackend('wasm')).toBe(true);
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

interface Case {
  batch: number;
  size: [number, number];
  channels: [number, number];
  k: number;
  stride: number;
  pad: 'same' | 'valid';
}

// Odd and even sizes, 1×1 to 3×3 kernels (the U-Net's 3×3 and 1×1 convs, its 2×2 stride-2 transposed
// conv), one channel in and out (where XNNPACK turns a NaN sum into −Inf), and a 'valid' 3×3 on a 3×3
// image (a 1×1 dy).
const SHAPES: Pick<Case, 'size' | 'channels' | 'k'>[] = [
  { size: [5, 5], channels: [1, 1], k: 3 },
  { size: [7, 6], channels: [2, 3], k: 3 },
  { size: [8, 8], channels: [4, 2], k: 2 },
  { size: [9, 7], channels: [3, 4], k: 1 },
  { size: [3, 3], channels: [1, 1], k: 3 },
  { size: [6, 5], channels: [2, 2], k: 3 },
];
const CASES: Case[] = SHAPES.flatMap((s) =>
  [1, 3].flatMap((batch) => [1, 2].flatMap((stride) => (['same', 'valid'] as const).map((pad) => ({ ...s, batch, stride, pad })))),
);
const name = (c: Case): string => `batch ${c.batch}, ${c.size.join('×')}, ${c.channels.join('→')} channels, ${c.k}×${c.k}, stride ${c.stride}, ${c.pad}`;

function shapesOf(c: Case): { x: Shape4; dy: Shape4; filter: Shape4 } {
  const x: Shape4 = [c.batch, c.size[0], c.size[1], c.channels[0]];
  const filter: Shape4 = [c.k, c.k, c.channels[0], c.channels[1]];
  const info = tf.backend_util.computeConv2DInfo(x, filter, c.stride, 1, c.pad);
  return { x, filter, dy: [c.batch, info.outHeight, info.outWidth, c.channels[1]] };
}

describe('Conv2DBackpropFilter on wasm (ours) against cpu', () => {
  it.each(CASES.map((c) => [name(c), c] as const))('%s', async (_, c) => {
    const s = shapesOf(c);
    const attrs = { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', filterShape: s.filter };
    await expectLikeCpuPlanted(tf.Conv2DBackpropFilter, { x: seeded(s.x, 11), dy: seeded(s.dy, 12) }, attrs, 13);
  });

  it('repairs the cases where XNNPACK alone differs from cpu (so the cases above test something)', async () => {
    // A NaN dy in the corner meets the 'same' padding: cpu skips the padded positions, a zero-padded
    // convolution computes 0 · NaN. One channel, 1×1 dy: XNNPACK turns the NaN sum into −Inf.
    const padded = { x: seeded([1, 4, 4, 1], 1), dy: planted(seeded([1, 4, 4, 1], 2), 3) };
    const same = { strides: 1, pad: 'same', dataFormat: 'NHWC', filterShape: [3, 3, 1, 1] };
    const cpu = await runOn('cpu', tf.Conv2DBackpropFilter, padded, same);
    expect(countNonFinite(cpu).nan).toBeLessThan(9); // some taps never see the corner's NaN
    expectLikeCpu(await runOn('wasm', tf.Conv2DBackpropFilter, padded, same), cpu);
    const single = { x: planted(seeded([1, 3, 3, 1], 4), 5), dy: seeded([1, 1, 1, 1], 6) };
    const attrs = { strides: 1, pad: 'valid', dataFormat: 'NHWC', filterShape: [3, 3, 1, 1] };
    expectLikeCpu(await runOn('wasm', tf.Conv2DBackpropFilter, single, attrs), await runOn('cpu', tf.Conv2DBackpropFilter, single, attrs));
  });

  it('refuses what it does not do, naming the attribute', async () => {
    const inputs = { x: seeded([1, 4, 4, 1], 1), dy: seeded([1, 4, 4, 1], 2) };
    const attrs = { strides: 1, pad: 'same', dataFormat: 'NHWC', filterShape: [3, 3, 1, 1] };
    await expect(runOn('wasm', tf.Conv2DBackpropFilter, inputs, { ...attrs, dataFormat: 'NCHW' })).rejects.toThrow(/dataFormat NCHW/);
    await expect(runOn('wasm', tf.Conv2DBackpropFilter, inputs, { ...attrs, pad: 1 })).rejects.toThrow(/pad 1/);
    const explicit = [
      [0, 0],
      [1, 1],
      [1, 1],
      [0, 0],
    ];
    await expect(runOn('wasm', tf.Conv2DBackpropFilter, inputs, { ...attrs, pad: explicit })).rejects.toThrow(/pad \[\[0,0\]/);
    await expect(runOn('wasm', tf.Conv2DBackpropFilter, inputs, { ...attrs, dilations: 2 })).rejects.toThrow(/dilations 2/);
  });

  it('is registered once: a second registration keeps the same kernel', () => {
    const first = tf.getKernel(tf.Conv2DBackpropFilter, 'wasm');
    registerWasmConvGradients();
    expect(first).toBeDefined();
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'wasm')).toBe(first);
  });

  it('leaves no tensor and no wasm memory behind over 50 calls', async () => {
    const clean = { x: seeded([3, 32, 32, 8], 1), dy: seeded([3, 32, 32, 8], 2) };
    const flagged = { x: clean.x, dy: planted(clean.dy, 3) };
    const attrs = { strides: 1, pad: 'same', dataFormat: 'NHWC', filterShape: [3, 3, 8, 8] };
    for (let i = 0; i < 5; i++) await runOn('wasm', tf.Conv2DBackpropFilter, i % 2 ? flagged : clean, attrs); // the heap grows to its working size
    const usage = (): Record<string, number> => {
      const backend = tf.backend() as BackendWasm;
      return { tensors: tf.memory().numTensors, data: backend.numDataIds(), heapBytes: (backend.wasm as unknown as { HEAPU8: Uint8Array }).HEAPU8.byteLength };
    };
    const before = usage();
    for (let i = 0; i < 50; i++) await runOn('wasm', tf.Conv2DBackpropFilter, i % 2 ? flagged : clean, attrs);
    expect(usage()).toEqual(before);
  });
});

describe("Conv2DBackpropInput on wasm (tfjs-backend-wasm's own) against cpu", () => {
  it.each(CASES.map((c) => [name(c), c] as const))('%s', async (_, c) => {
    const s = shapesOf(c);
    const attrs = { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', inputShape: s.x };
    await expectLikeCpuPlanted(tf.Conv2DBackpropInput, { dy: seeded(s.dy, 21), filter: seeded(s.filter, 22) }, attrs, 23);
  });
});

describe('the U-Net convolutions’ gradients on wasm against cpu', () => {
  /** Gradients of sum(f(x, w) · seeded weights) with respect to x and w, on one backend. */
  async function grads(backend: 'cpu' | 'wasm', f: (x: tf.Tensor4D, w: tf.Tensor4D) => tf.Tensor4D, x: Input, w: Input): Promise<Float32Array[]> {
    expect(await tf.setBackend(backend)).toBe(true);
    return tf.tidy(() => {
      const loss = (a: tf.Tensor, b: tf.Tensor): tf.Scalar => {
        const y = f(a as tf.Tensor4D, b as tf.Tensor4D);
        return tf.sum(tf.mul(y, tf.tensor(seeded(y.shape as Shape4, 9).values, y.shape)));
      };
      return tf
        .grads(loss)([tf.tensor4d(x.values, x.shape), tf.tensor4d(w.values, w.shape)])
        .map((g) => g.dataSync() as Float32Array);
    });
  }

  const LAYERS: [string, (x: tf.Tensor4D, w: tf.Tensor4D) => tf.Tensor4D, Shape4, Shape4][] = [
    ['conv 3×3, same', (x, w) => tf.conv2d(x, w, 1, 'same'), [3, 8, 8, 4], [3, 3, 4, 8]],
    ['conv 1×1 to one channel', (x, w) => tf.conv2d(x, w, 1, 'same'), [3, 8, 8, 4], [1, 1, 4, 1]],
    ['transposed conv 2×2, stride 2', (x, w) => tf.conv2dTranspose(x, w, [3, 8, 8, 4], 2, 'same'), [3, 4, 4, 8], [2, 2, 4, 8]],
  ];

  it.each(LAYERS)('%s', async (_, f, xShape, wShape) => {
    const x = seeded(xShape, 31);
    const w = seeded(wShape, 32);
    for (const [xi, wi] of [
      [x, w],
      [planted(x, 33), w],
    ] as const) {
      const cpu = await grads('cpu', f, xi, wi);
      const wasm = await grads('wasm', f, xi, wi);
      cpu.forEach((g, i) => expectLikeCpu(wasm[i]!, g));
    }
  });
});
