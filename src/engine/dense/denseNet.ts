/**
 * A stack of dense layers (models/dense.ts: preact = xW + b, then the activation; the last layer
 * linear) as Float32Arrays, with its forward pass and the backward pass tfjs's gradients compute
 * for it, op by op in the cpu kernels' arithmetic (cpuArithmetic.ts). Buffers are allocated once
 * per batch size, so a step allocates nothing but the watch's records.
 */
import type { Activation, Precision } from '../scenario';
import { matMul, sumRows, type Strides } from './cpuArithmetic';
import { stepOf } from './denseLoss';
import { roundArray } from './denseRounding';

const f32 = Math.fround;

/** layers.ts's leaky slope, as the LeakyRelu kernel gets it (a JS number) and as its gradient's mul stores it (float32). */
const LEAKY_SLOPE = 0.01;

/** tfjs-backend-cpu's Softplus thresholds: log(float32 ε) + 2. */
const SOFTPLUS_THRESHOLD = Math.log(1.1920928955078125e-7) + 2.0;

function softplus(x: number): number {
  const expX = Math.exp(x);
  if (x < SOFTPLUS_THRESHOLD) return expX;
  if (x > -SOFTPLUS_THRESHOLD) return x;
  return Math.log(1.0 + expX);
}

export interface DenseLayer {
  readonly name: string;
  readonly inputs: number;
  readonly units: number;
  readonly activation: Activation;
  readonly kernel: Float32Array;
  readonly bias: Float32Array;
}

/** One batch size's buffers: per layer its pre-activation, activation (the preact itself when linear) and their gradients. */
export interface Workspace {
  readonly rows: number;
  readonly preact: Float32Array[];
  readonly act: Float32Array[];
  /** The activation kernel's own output, before the precision's rounding (what its gradient reads); act itself in float32. */
  readonly actRaw: Float32Array[];
  /** d loss / d act of each layer (for the last one: d loss / d pred). */
  readonly dAct: Float32Array[];
  readonly dPreact: Float32Array[];
  readonly dKernel: Float32Array[];
  readonly dBias: Float32Array[];
}

/** A workspace for `rows` rows of a stack. */
export function workspace(layers: readonly DenseLayer[], rows: number, precision: Precision): Workspace {
  const per = (size: (l: DenseLayer) => number): Float32Array[] => layers.map((l) => new Float32Array(size(l)));
  const preact = per((l) => rows * l.units);
  const act = layers.map((l, i) => (l.activation === 'linear' ? preact[i]! : new Float32Array(rows * l.units)));
  return {
    rows,
    preact,
    act,
    actRaw: precision === 'float32' ? act : layers.map((l, i) => (l.activation === 'linear' ? act[i]! : new Float32Array(rows * l.units))),
    dAct: per((l) => rows * l.units),
    dPreact: per((l) => (l.activation === 'linear' ? 0 : rows * l.units)),
    dKernel: per((l) => l.inputs * l.units),
    dBias: per((l) => l.units),
  };
}

function activate(a: Activation, pre: Float32Array, out: Float32Array): void {
  const n = pre.length;
  switch (a) {
    case 'tanh':
      for (let i = 0; i < n; i++) out[i] = Math.tanh(pre[i]!);
      return;
    case 'sigmoid':
      for (let i = 0; i < n; i++) out[i] = 1 / (1 + Math.exp(-pre[i]!));
      return;
    case 'relu':
      for (let i = 0; i < n; i++) out[i] = Math.max(0, pre[i]!);
      return;
    case 'leakyRelu':
      for (let i = 0; i < n; i++) out[i] = pre[i]! < 0 ? LEAKY_SLOPE * pre[i]! : pre[i]!;
      return;
    case 'elu':
      for (let i = 0; i < n; i++) out[i] = pre[i]! >= 0 ? pre[i]! : Math.exp(pre[i]!) - 1;
      return;
    case 'softplus':
      for (let i = 0; i < n; i++) out[i] = softplus(pre[i]!);
      return;
    case 'linear':
      return;
  }
}

/** d act / d preact applied to dy, as each activation's tfjs gradient composes it. */
function activationGradient(a: Activation, pre: Float32Array, act: Float32Array, dy: Float32Array, out: Float32Array): void {
  const n = pre.length;
  switch (a) {
    case 'tanh': // (1 − y²)·dy
      for (let i = 0; i < n; i++) out[i] = f32(1 - f32(act[i]! * act[i]!)) * dy[i]!;
      return;
    case 'sigmoid': // dy·(y·(1 − y))
      for (let i = 0; i < n; i++) out[i] = dy[i]! * f32(act[i]! * f32(1 - act[i]!));
      return;
    case 'relu': // dy·step(x)
      for (let i = 0; i < n; i++) out[i] = dy[i]! * stepOf(pre[i]!, 0);
      return;
    case 'leakyRelu': // where(x > 0, dy, dy·α)
      for (let i = 0; i < n; i++) out[i] = pre[i]! > 0 ? dy[i]! : dy[i]! * f32(LEAKY_SLOPE);
      return;
    case 'elu': // the EluGrad kernel on the output y: dy where y ≥ 0, else dy·(y + 1) in one JS number
      for (let i = 0; i < n; i++) out[i] = act[i]! >= 0 ? dy[i]! : dy[i]! * (act[i]! + 1);
      return;
    case 'softplus': // dy·sigmoid(x)
      for (let i = 0; i < n; i++) out[i] = dy[i]! * f32(1 / (1 + Math.exp(-pre[i]!)));
      return;
    case 'linear':
      throw new Error('a linear layer has no activation gradient');
  }
}

const rowMajor = (cols: number): Strides => ({ outer: cols, inner: 1 });
const columnMajor = (cols: number): Strides => ({ outer: 1, inner: cols });

/**
 * The forward pass of `ws.rows` rows of x; `visit` sees each stored quantity in computation order
 * (the watch). Returns the output (the last layer's activation buffer).
 */
export function forward(
  layers: readonly DenseLayer[],
  ws: Workspace,
  x: Float32Array,
  precision: Precision,
  visit?: (quantity: string, values: Float32Array) => void,
): Float32Array {
  let h = x;
  layers.forEach((l, i) => {
    const pre = ws.preact[i]!;
    matMul(h, rowMajor(l.inputs), l.kernel, columnMajor(l.units), ws.rows, l.inputs, l.units, pre);
    const b = l.bias;
    for (let r = 0, o = 0; r < ws.rows; r++) for (let j = 0; j < l.units; j++, o++) pre[o] = pre[o]! + b[j]!;
    roundArray(precision, pre);
    visit?.(`${l.name}/preact`, pre);
    const act = ws.act[i]!;
    if (l.activation !== 'linear') {
      const raw = ws.actRaw[i]!;
      activate(l.activation, pre, raw);
      if (raw !== act) act.set(raw);
      roundArray(precision, act);
      visit?.(`${l.name}/act`, act);
    }
    h = act;
  });
  return h;
}

/**
 * The backward pass after `forward` on the same workspace and x, from d loss / d pred in
 * ws.dAct[last]: each layer's dKernel and dBias (d x, which tfjs prunes, is not computed). Each
 * rounding point of the forward pass rounds the gradient that passes back through it.
 */
export function backward(layers: readonly DenseLayer[], ws: Workspace, x: Float32Array, precision: Precision): void {
  for (let i = layers.length - 1; i >= 0; i--) {
    const l = layers[i]!;
    const dy = ws.dAct[i]!;
    roundArray(precision, dy);
    let dPre = dy;
    if (l.activation !== 'linear') {
      dPre = ws.dPreact[i]!;
      activationGradient(l.activation, ws.preact[i]!, ws.actRaw[i]!, dy, dPre);
      roundArray(precision, dPre);
    }
    sumRows(dPre, ws.rows, l.units, ws.dBias[i]!);
    const h = i === 0 ? x : ws.act[i - 1]!;
    // dW = hᵀ·dPre (matMul(a, dy, true, false)); dh = dPre·Wᵀ (matMul(dy, b, false, true)).
    matMul(h, columnMajor(l.inputs), dPre, columnMajor(l.units), l.inputs, ws.rows, l.units, ws.dKernel[i]!);
    if (i > 0) matMul(dPre, rowMajor(l.units), l.kernel, rowMajor(l.units), ws.rows, l.units, l.inputs, ws.dAct[i - 1]!);
  }
}
