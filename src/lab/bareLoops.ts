/**
 * Bare tfjs training loops for the benchmark: the reference models written directly with tfjs ops
 * (variables, variableGrads, a stock optimizer, one loss readback per step), with no engine, no
 * records and no sentinel. The engine's overhead is measured against these.
 */
import * as tf from '@tensorflow/tfjs';
import type { Stepper } from './measure';

type Params = Record<string, tf.Variable>;

function variable(init: tf.Tensor, name: string): tf.Variable {
  const v = tf.variable(init, true, `bare/${name}`);
  init.dispose(); // tf.variable copies; the initialiser would leak otherwise
  return v;
}

function denseParams(prefix: string, inputs: number, units: number, seed: number): Params {
  const limit = Math.sqrt(6 / (inputs + units));
  return {
    [`${prefix}/kernel`]: variable(tf.randomUniform([inputs, units], -limit, limit, 'float32', seed), `${prefix}/kernel-${seed}`),
    [`${prefix}/bias`]: variable(tf.zeros([units]), `${prefix}/bias-${seed}`),
  };
}

function dense(x: tf.Tensor2D, p: Params, prefix: string): tf.Tensor2D {
  return tf.add(tf.matMul(x, p[`${prefix}/kernel`] as tf.Tensor2D), p[`${prefix}/bias`]!) as tf.Tensor2D;
}

function stepper(mode: string, params: Params, data: tf.Tensor[], optimizer: tf.Optimizer, loss: () => tf.Scalar): Stepper {
  const vars = Object.values(params);
  return {
    mode,
    step: async () => {
      const { value, grads } = tf.variableGrads(loss, vars);
      optimizer.applyGradients(grads);
      tf.dispose(grads);
      // The same readback as the engine: synchronous except where only an async one works (WebGPU).
      if (tf.getBackend() === 'webgpu') await value.data();
      else value.dataSync();
      value.dispose();
    },
    dispose: () => {
      tf.dispose(vars);
      tf.dispose(data);
      optimizer.dispose();
    },
  };
}

/** Linear regression 2→1 on three samples, SGD, MSE. */
export function bareLinear(): Stepper {
  const x = tf.tensor2d([
    [-1.22, -1.22],
    [0, 0],
    [1.22, 1.22],
  ]);
  const y = tf.tensor2d([[10], [20], [30]]);
  const p = denseParams('dense', 2, 1, 7);
  return stepper('bare', p, [x, y], tf.train.sgd(0.01), () => tf.losses.meanSquaredError(y, dense(x, p, 'dense')) as tf.Scalar);
}

/** Autoencoder 10→5→10 on 100 uniform vectors, Adam, MSE. */
export function bareAutoencoder(): Stepper {
  const x = tf.randomUniform([100, 10], 0, 1, 'float32', 11) as tf.Tensor2D;
  const p = { ...denseParams('enc', 10, 5, 13), ...denseParams('dec', 5, 10, 17) };
  return stepper('bare', p, [x], tf.train.adam(0.01), () => tf.losses.meanSquaredError(x, dense(dense(x, p, 'enc'), p, 'dec')) as tf.Scalar);
}

/**
 * TensorFlow Playground's default network, 2→4→2→1 tanh with a logit output, on 250 points, SGD at
 * 0.03 on batches of 10 taken in order, the stable log loss from logits.
 */
export function barePlayground(): Stepper {
  const rows = 250;
  const batch = 10;
  const x = tf.randomUniform([rows, 2], -6, 6, 'float32', 19) as tf.Tensor2D;
  const y = tf.tidy(() => tf.cast(tf.less(tf.sum(tf.square(x), 1, true), 9), 'float32')) as tf.Tensor2D;
  const p = { ...denseParams('dense1', 2, 4, 23), ...denseParams('dense2', 4, 2, 29), ...denseParams('out', 2, 1, 31) };
  let t = 0;
  const loss = (): tf.Scalar => {
    const start = (t++ * batch) % rows;
    const xb = tf.slice(x, [start, 0], [batch, 2]);
    const h = tf.tanh(dense(tf.tanh(dense(xb, p, 'dense1')), p, 'dense2'));
    return tf.losses.sigmoidCrossEntropy(tf.slice(y, [start, 0], [batch, 1]), dense(h, p, 'out')) as tf.Scalar;
  };
  return stepper('bare', p, [x, y], tf.train.sgd(0.03), loss);
}

function convParams(name: string, inC: number, outC: number, seed: number, k = 3): Params {
  const std = Math.sqrt(2 / (k * k * inC));
  return {
    [`${name}/kernel`]: variable(tf.randomNormal([k, k, inC, outC], 0, std, 'float32', seed), `${name}/kernel-${seed}`),
    [`${name}/bias`]: variable(tf.zeros([outC]), `${name}/bias-${seed}`),
  };
}

function conv(x: tf.Tensor4D, p: Params, name: string, relu = true): tf.Tensor4D {
  const z = tf.add(tf.conv2d(x, p[`${name}/kernel`] as tf.Tensor4D, 1, 'same'), p[`${name}/bias`]!) as tf.Tensor4D;
  return relu ? tf.relu(z) : z;
}

/**
 * The engine's U-Net (models/unet.ts, nearest upsampling, no batch norm) in bare tfjs: conv+relu and
 * max-pool down; up, nearest ×2 + conv, the skip concatenated, conv+relu; 1×1 conv to 1-channel logits.
 */
export function bareUnet(size: number, batch: number, filters: number, depth = 2): Stepper {
  const x = tf.randomUniform([batch, size, size, 1], 0, 1, 'float32', 19) as tf.Tensor4D;
  const y = tf.cast(tf.greater(x, 0.5), 'float32') as tf.Tensor4D;
  const p: Params = {};
  let c = 1;
  for (let d = 0; d < depth; d++) Object.assign(p, convParams(`down${d}`, c, (c = filters << d), 23 + d));
  Object.assign(p, convParams('bottom', c, filters << depth, 41));
  c = filters << depth;
  for (let d = depth - 1; d >= 0; d--) {
    Object.assign(p, convParams(`upconv${d}`, c, filters << d, 71 + d));
    Object.assign(p, convParams(`up${d}`, 2 * (filters << d), filters << d, 51 + d));
    c = filters << d;
  }
  Object.assign(p, convParams('head', c, 1, 61, 1));
  const forward = (): tf.Tensor4D => {
    const skips: tf.Tensor4D[] = [];
    let h = x;
    for (let d = 0; d < depth; d++) {
      h = conv(h, p, `down${d}`);
      skips.push(h);
      h = tf.maxPool(h, 2, 2, 'valid');
    }
    h = conv(h, p, 'bottom');
    for (let d = depth - 1; d >= 0; d--) {
      const up = conv(tf.image.resizeNearestNeighbor(h, [h.shape[1] * 2, h.shape[2] * 2]), p, `upconv${d}`, false);
      h = conv(tf.concat([up, skips[d]!], 3), p, `up${d}`);
    }
    return conv(h, p, 'head', false);
  };
  return stepper('bare', p, [x, y], tf.train.adam(0.001), () => tf.losses.sigmoidCrossEntropy(y, forward()) as tf.Scalar);
}
