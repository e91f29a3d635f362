/** Shared layer pieces: activations and a watched dense layer. */
import * as tf from '@tensorflow/tfjs';
import type { Activation } from '../scenario';
import type { ForwardContext, NamedVariable } from './types';

/** Leaky ReLU slope: PyTorch's default 0.01 (tfjs's own default is 0.2). */
const LEAKY_SLOPE = 0.01;

/** Apply an activation by name. */
export function activate(x: tf.Tensor, a: Activation): tf.Tensor {
  switch (a) {
    case 'relu':
      return tf.relu(x);
    case 'leakyRelu':
      return tf.leakyRelu(x, LEAKY_SLOPE);
    case 'elu':
      return tf.elu(x);
    case 'tanh':
      return tf.tanh(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'softplus':
      return tf.softplus(x);
    case 'linear':
      return x;
  }
}

/** Find a parameter by name (models build their own, so a miss is a programming error). */
export function param(params: NamedVariable[], name: string): tf.Variable {
  const p = params.find((q) => q.name === name);
  if (!p) throw new Error(`no parameter ${name}`);
  return p.variable;
}

/** Dense layer: preact = xW + b, then the activation; each op group is rounded and watched. */
export function dense(x: tf.Tensor, params: NamedVariable[], layer: string, a: Activation, ctx: ForwardContext): tf.Tensor {
  const pre = ctx.round(tf.add(tf.matMul(x as tf.Tensor2D, param(params, `${layer}/kernel`) as tf.Tensor2D), param(params, `${layer}/bias`)));
  ctx.watch(`${layer}/preact`, 'forward', pre);
  if (a === 'linear') return pre;
  const act = ctx.round(activate(pre, a));
  ctx.watch(`${layer}/act`, 'forward', act);
  return act;
}
