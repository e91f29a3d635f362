/**
 * The dense models: linear regression, MLP, autoencoder, classifier, the loss-only "predictions"
 * model and the custom square layer with a hand-written (optionally faulty) backward pass.
 */
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../data/tabular';
import { roundNumber } from '../precision';
import type { Scenario } from '../scenario';
import { kernelAndBias, makeVariable, type InitSpec } from './init';
import { dense } from './layers';
import type { ForwardContext, Model, NamedVariable } from './types';

/** A stack of dense layers; `names[i]` names layer i, the last layer is linear. */
function denseStack(spec: InitSpec, names: string[], sizes: number[]): NamedVariable[] {
  return names.flatMap((layer, i) => kernelAndBias(spec, layer, [sizes[i]!, sizes[i + 1]!], sizes[i]!, sizes[i + 1]!));
}

function stackModel(spec: InitSpec, names: string[], sizes: number[], activations: Scenario['activation'][], output: Model['output']): Model {
  const params = denseStack(spec, names, sizes);
  return {
    params,
    layers: names,
    summary: names.map((name, i) => ({ name, units: sizes[i + 1]!, detail: activations[i]! })),
    output,
    forward: (batch, ctx) => names.reduce((h, layer, i) => dense(h, params, layer, activations[i]!, ctx), batch.x),
  };
}

/** Linear regression n→1 (the articles' Dense(1)). */
export function linearModel(spec: InitSpec, inputs: number): Model {
  return stackModel(spec, ['dense'], [inputs, 1], ['linear'], 'values');
}

/** MLP n→hidden…→1, or a classifier with a logit output. */
export function mlpModel(spec: InitSpec, s: Scenario, inputs: number, output: Model['output'], outputs = 1): Model {
  const names = [...s.hidden.map((_, i) => `dense${i + 1}`), 'out'];
  const acts = [...s.hidden.map(() => s.activation), 'linear' as const];
  return stackModel(spec, names, [inputs, ...s.hidden, outputs], acts, output);
}

/** Autoencoder in→hidden…→code→…→in; the activation applies to every layer but the reconstruction. */
export function autoencoderModel(spec: InitSpec, s: Scenario, inputs: number): Model {
  const h = s.hidden.length > 0 ? s.hidden : [5];
  const enc = h.map((_, i) => `enc/dense${i + 1}`);
  const decSizes = [...h].reverse().slice(1);
  const dec = [...decSizes.map((_, i) => `dec/dense${i + 1}`), `dec/dense${decSizes.length + 1}`];
  const names = [...enc, ...dec];
  const sizes = [inputs, ...h, ...decSizes, inputs];
  const acts = names.map((_, i) => (i === names.length - 1 ? ('linear' as const) : s.activation));
  return stackModel(spec, names, sizes, acts, 'values');
}

/** The prediction vector itself is the parameter, initialised from the data set (loss-only examples). */
export function predictionsModel(data: Dataset, s: Scenario): Model {
  const p = data.predictions ?? data.x;
  const values = Float32Array.from(p.values, (v) => roundNumber(v, s.precision));
  const params = [makeVariable('predictions/values', [data.rows, 1], values)];
  return {
    params,
    layers: ['predictions'],
    summary: [{ name: 'predictions', units: data.rows, detail: 'the predictions themselves, trained' }],
    output: 'values',
    forward: (batch) => (batch.rows ? tf.gather(params[0]!.variable, batch.rows) : params[0]!.variable),
  };
}

/**
 * y = z² for z = xW + b, through tf.customGrad. The honest backward is dy·2z; with gradFault the
 * backward divides dy by zero, as the flawed layer in the article does (±Inf, or NaN where dy = 0).
 */
export function customSquareModel(spec: InitSpec, s: Scenario, inputs: number): Model {
  const params = kernelAndBias(spec, 'square/dense', [inputs, 1], inputs, 1);
  const makeSquare = (ctx: ForwardContext): ((z: tf.Tensor) => tf.Tensor) =>
    // customGrad's callback type lists inputs and the save function in one union; narrow them here.
    tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
      const z = args[0] as tf.Tensor;
      (args[1] as tf.GradSaveFunc)([z]);
      return {
        value: tf.square(z),
        gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
          const g = ctx.round(s.gradFault ? tf.div(dy, tf.zerosLike(dy)) : tf.mul(dy, tf.mul(saved[0]!, 2)));
          ctx.watch('grad/square/custom/input', 'backward', g);
          return g;
        },
      };
    }) as (z: tf.Tensor) => tf.Tensor;
  return {
    params,
    layers: ['square/dense', 'square/custom'],
    summary: [
      { name: 'square/dense', units: 1, detail: 'linear' },
      { name: 'square/custom', units: 1, detail: s.gradFault ? 'z², backward divides by 0' : 'z², backward 2z' },
    ],
    output: 'values',
    forward: (batch, ctx) => {
      const z = dense(batch.x, params, 'square/dense', 'linear', ctx);
      const y = ctx.round(makeSquare(ctx)(z));
      ctx.watch('square/custom/act', 'forward', y);
      return y;
    },
  };
}
