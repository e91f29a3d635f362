import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerCpuKernels, ourCpuKernel, stockCpuKernel } from './cpuKernels';
import { bitsOf, nonFinitePlants, seededValues, stockAndOurs } from './cpuKernelTesting';

beforeAll(async () => {
  await tf.setBackend('cpu');
  registerCpuKernels();
});

type Pad = 'same' | 'valid' | number | tf.backend_util.ExplicitPadding;

interface Case {
  batch: number;
  height: number;
  width: number;
  inC: number;
  outC: number;
  k: [number, number];
  stride: number | [number, number];
  pad: Pad;
  /** Conv2D only: its gradients have none (tfjs refuses dilated gradients). */
  dilation?: number;
}

interface Operands {
  x: tf.Tensor4D;
  filter: tf.Tensor4D;
  dy: tf.Tensor4D;
}

/** Seeded x, filter and a dy of the convolution's output shape; `plant` puts NaN, ±Inf and zeros in each. */
function operands(c: Case, seed: number, spread: number, plant: boolean): Operands {
  const filterShape: [number, number, number, number] = [c.k[0], c.k[1], c.inC, c.outC];
  const xShape: [number, number, number, number] = [c.batch, c.height, c.width, c.inC];
  const info = tf.backend_util.computeConv2DInfo(xShape, filterShape, c.stride, c.dilation ?? 1, c.pad);
  const make = (shape: [number, number, number, number], s: number): tf.Tensor4D => {
    const n = shape.reduce((a, b) => a * b);
    return tf.tensor4d(seededValues(n, s, spread, plant ? nonFinitePlants(n, s) : []), shape);
  };
  return { x: make(xShape, seed), filter: make(filterShape, seed + 1), dy: make(info.outShape, seed + 2) };
}

type Kernel = 'Conv2DBackpropFilter' | 'Conv2DBackpropInput' | 'Conv2D';

/** One kernel through the registry, with the attributes tfjs's conv2d and its gradients pass. */
function run(kernel: Kernel, c: Case, o: Operands, dataFormat: 'NHWC' | 'NCHW' = 'NHWC'): tf.Tensor {
  const attrs = { strides: c.stride, pad: c.pad, dataFormat, dimRoundingMode: undefined };
  const call = (inputs: tf.NamedTensorMap, more: object): tf.Tensor =>
    tf.engine().runKernel(kernel, inputs, { ...attrs, ...more } as unknown as tf.NamedAttrMap) as tf.Tensor;
  if (kernel === 'Conv2DBackpropFilter') return call({ x: o.x, dy: o.dy }, { filterShape: o.filter.shape });
  if (kernel === 'Conv2DBackpropInput') return call({ dy: o.dy, filter: o.filter }, { inputShape: o.x.shape });
  return call({ x: o.x, filter: o.filter }, { dilations: c.dilation ?? 1 });
}

function compare(kernel: Kernel, c: Case, seed: number, spread = 0, plant = false): { stock: number[]; ours: number[] } {
  const o = operands(c, seed, spread, plant);
  const out = stockAndOurs(() => bitsOf(run(kernel, c, o)));
  tf.dispose([o.x, o.filter, o.dy]);
  return out;
}

const CASES: Case[] = [];
for (const batch of [1, 4])
  for (const [inC, outC] of [
    [1, 1],
    [3, 8],
    [8, 3],
  ] as const)
    for (const k of [
      [1, 1],
      [2, 2],
      [3, 3],
    ] as [number, number][])
      for (const stride of [1, 2]) for (const pad of ['same', 'valid'] as const) CASES.push({ batch, height: 7, width: 5, inC, outC, k, stride, pad });
// The U-Net's own shapes: 3×3 same, the 2×2 stride-2 transposed up-conv (its weight gradient swaps x and dy), 1×1 out.
CASES.push({ batch: 2, height: 16, width: 16, inC: 8, outC: 16, k: [3, 3], stride: 1, pad: 'same' });
CASES.push({ batch: 2, height: 16, width: 16, inC: 4, outC: 8, k: [2, 2], stride: 2, pad: 'same' });
CASES.push({ batch: 2, height: 16, width: 16, inC: 4, outC: 1, k: [1, 1], stride: 1, pad: 'same' });
// Explicit and numeric padding, uneven strides, non-square filters, odd sizes.
CASES.push({ batch: 3, height: 9, width: 11, inC: 3, outC: 2, k: [3, 2], stride: [2, 1], pad: 1 });
CASES.push({
  batch: 2,
  height: 6,
  width: 9,
  inC: 2,
  outC: 3,
  k: [2, 3],
  stride: [1, 3],
  pad: [
    [0, 0],
    [1, 2],
    [2, 0],
    [0, 0],
  ],
});

// Wide channel counts: the kernels work in blocks of four channels, so 5, 9 and 16 cover full and partial blocks.
CASES.push({ batch: 2, height: 5, width: 6, inC: 9, outC: 5, k: [3, 3], stride: 1, pad: 'same' });
CASES.push({ batch: 1, height: 8, width: 8, inC: 16, outC: 16, k: [3, 3], stride: 2, pad: 'valid' });
const DILATED: Case[] = [
  { batch: 2, height: 9, width: 8, inC: 3, outC: 5, k: [3, 3], stride: 1, pad: 'same', dilation: 2 },
  { batch: 1, height: 11, width: 7, inC: 4, outC: 2, k: [2, 3], stride: 1, pad: 'valid', dilation: 2 },
];

const label = (c: Case): string =>
  `b${c.batch} ${c.height}×${c.width}×${c.inC}→${c.outC} k${c.k.join('×')} s${String(c.stride)} ${JSON.stringify(c.pad)}${c.dilation ? ` d${c.dilation}` : ''}`;

const KERNELS: [Kernel, Case[]][] = [
  ['Conv2DBackpropFilter', CASES],
  ['Conv2DBackpropInput', CASES],
  ['Conv2D', [...CASES, ...DILATED]],
];

describe.each(KERNELS)('%s on cpu: ours gives the stock kernel’s bits', (kernel, cases) => {
  it.each(cases.map((c, i) => [label(c), c, i] as const))('%s', (_, c, i) => {
    const finite = compare(kernel, c, 100 + i);
    expect(finite.ours).toEqual(finite.stock);
    const wide = compare(kernel, c, 200 + i, 30);
    expect(wide.ours).toEqual(wide.stock);
    const planted = compare(kernel, c, 300 + i, 0, true);
    expect(planted.ours).toEqual(planted.stock);
  });

  it('propagates NaN and ±Inf to the same outputs (planted in every operand)', () => {
    const c: Case = { batch: 2, height: 8, width: 8, inC: 3, outC: 4, k: [3, 3], stride: 1, pad: 'same' };
    const { stock, ours } = compare(kernel, c, 7, 0, true);
    const kinds = (bits: number[]): string[] => Array.from(new Float32Array(Uint32Array.from(bits).buffer), (v) => (Number.isFinite(v) ? 'f' : String(v)));
    expect(kinds(ours)).toEqual(kinds(stock));
    expect(kinds(ours)).toContain('NaN');
    expect(kinds(ours).some((k) => k === 'Infinity' || k === '-Infinity')).toBe(true);
    expect(ours).toEqual(stock);
  });
});

describe('the summation order', () => {
  // A 1×1 tap sums one product per position (b, yR, yC). Pairs of products ±2^40·p at neighbouring
  // positions cancel exactly when added one after the other, as the stock order does; any other
  // order adds the small products to 2^40 first, where a float64 keeps only 12 bits below the
  // point, and float32 accumulation rounds every partial sum: both change the last bits.
  const c: Case = { batch: 2, height: 9, width: 7, inC: 4, outC: 5, k: [1, 1], stride: 1, pad: 'valid' };
  const positions = c.batch * c.height * c.width;
  /** Positions p whose product is cancelled by p + 1's: inside a row, across rows, across the batch. */
  const PAIRS = [10, 27, 62, 100];

  function data(): { x: Float32Array; dy: Float32Array } {
    const x = seededValues(positions * c.inC, 11);
    const dy = seededValues(positions * c.outC, 12);
    for (const p of PAIRS) {
      for (let d1 = 0; d1 < c.inC; d1++) {
        x[p * c.inC + d1] = 2 ** 40 * x[p * c.inC + d1]!;
        x[(p + 1) * c.inC + d1] = -x[p * c.inC + d1]!;
      }
      for (let d2 = 0; d2 < c.outC; d2++) dy[(p + 1) * c.outC + d2] = dy[p * c.outC + d2]!;
    }
    return { x, dy };
  }

  function reference(x: Float32Array, dy: Float32Array, order: 'stock' | 'reversed' | 'float32'): number[] {
    const out = new Float32Array(c.inC * c.outC);
    for (let d1 = 0; d1 < c.inC; d1++)
      for (let d2 = 0; d2 < c.outC; d2++) {
        let acc = 0;
        for (let j = 0; j < positions; j++) {
          const p = order === 'reversed' ? positions - 1 - j : j;
          acc += x[p * c.inC + d1]! * dy[p * c.outC + d2]!;
          if (order === 'float32') acc = Math.fround(acc);
        }
        out[d1 * c.outC + d2] = acc;
      }
    return Array.from(new Uint32Array(out.buffer));
  }

  it('is the stock order in float64: the data tell float32 and reversed sums apart', () => {
    const values = data();
    const stockOrder = reference(values.x, values.dy, 'stock');
    expect(reference(values.x, values.dy, 'reversed')).not.toEqual(stockOrder);
    expect(reference(values.x, values.dy, 'float32')).not.toEqual(stockOrder);
    const o: Operands = {
      x: tf.tensor4d(values.x, [c.batch, c.height, c.width, c.inC]),
      filter: tf.zeros([1, 1, c.inC, c.outC]),
      dy: tf.tensor4d(values.dy, [c.batch, c.height, c.width, c.outC]),
    };
    const { stock, ours } = stockAndOurs(() => bitsOf(run('Conv2DBackpropFilter', c, o)));
    expect(stock).toEqual(stockOrder);
    expect(ours).toEqual(stockOrder);
    tf.dispose([o.x, o.filter, o.dy]);
  });
});

describe('what ours leaves to the stock kernel', () => {
  it.each(KERNELS.map(([k]) => k))('NCHW runs the stock %s (same bits)', (kernel) => {
    const c: Case = { batch: 2, height: 6, width: 5, inC: 3, outC: 4, k: [3, 3], stride: 1, pad: 'same' };
    const o: Operands = {
      x: tf.tensor4d(seededValues(2 * 3 * 6 * 5, 21), [2, 3, 6, 5]),
      filter: tf.tensor4d(seededValues(3 * 3 * 3 * 4, 22), [3, 3, 3, 4]),
      dy: tf.tensor4d(seededValues(2 * 4 * 6 * 5, 23), [2, 4, 6, 5]),
    };
    const { stock, ours } = stockAndOurs(() => bitsOf(run(kernel, c, o, 'NCHW')));
    expect(ours).toEqual(stock);
    tf.dispose([o.x, o.filter, o.dy]);
  });

  it('dilations > 1 never reach the kernel: tfjs refuses the gradient with or without ours', () => {
    const x = tf.ones([1, 7, 7, 1]) as tf.Tensor4D;
    const w = tf.ones([3, 3, 1, 1]) as tf.Tensor4D;
    const grad = (): unknown => tf.grad((f: tf.Tensor) => tf.conv2d(x, f as tf.Tensor4D, 1, 'same', 'NHWC', 2).sum())(w);
    const { stock, ours } = stockAndOurs(() => {
      try {
        grad();
        return 'no error';
      } catch (e) {
        return e instanceof Error ? e.message : String(e);
      }
    });
    expect(ours).toBe(stock);
    expect(ours).toMatch(/dilation/);
    x.dispose();
    w.dispose();
  });

  it.each(KERNELS.map(([k]) => k))('registering again keeps our %s, and the saved stock one to delegate to', (kernel) => {
    const first = ourCpuKernel(kernel);
    expect(first).not.toBeNull();
    registerCpuKernels();
    expect(ourCpuKernel(kernel)).toBe(first);
    expect(tf.getKernel(kernel, 'cpu')?.kernelFunc).toBe(first);
    expect(stockCpuKernel(kernel)).not.toBe(first);
  });
});

describe('tensors', () => {
  it('stay flat over repeated weight gradients', () => {
    const x = tf.tensor4d(seededValues(2 * 8 * 8 * 3, 31), [2, 8, 8, 3]);
    const w = tf.tensor4d(seededValues(3 * 3 * 3 * 4, 32), [3, 3, 3, 4]);
    const g = tf.grad((f: tf.Tensor) =>
      tf
        .conv2d(x, f as tf.Tensor4D, 1, 'same')
        .square()
        .sum(),
    );
    g(w).dispose();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) g(w).dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    w.dispose();
  });
});
