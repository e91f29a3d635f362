/**
 * Initial weights, drawn from the engine's seeded generator (never tfjs's random ops) and rounded to
 * the simulated precision before they become variables.
 */
import * as tf from '@tensorflow/tfjs';
import { roundNumber } from '../precision';
import { rngFor } from '../rng';
import type { InitKind, Precision } from '../scenario';
import type { NamedVariable } from './types';

export interface InitSpec {
  seed: number;
  kind: InitKind;
  gain: number;
  precision: Precision;
}

/** The JS values of an initial kernel. fanIn/fanOut include the receptive field for convolutions. */
export function initValues(spec: InitSpec, name: string, size: number, fanIn: number, fanOut: number): Float32Array {
  const rng = rngFor(spec.seed, `init/${name}`);
  const g = spec.gain;
  const draw = (): number => {
    switch (spec.kind) {
      case 'glorotUniform': {
        const limit = g * Math.sqrt(6 / (fanIn + fanOut));
        return rng.uniform(-limit, limit);
      }
      case 'heNormal': // plain normal (Keras truncates at 2σ; the difference does not matter here)
        return rng.normal() * g * Math.sqrt(2 / fanIn);
      case 'torchLinear': {
        // PyTorch's nn.Linear default: kaiming_uniform(a=√5) reduces to U(−1/√fanIn, 1/√fanIn).
        const bound = g / Math.sqrt(fanIn);
        return rng.uniform(-bound, bound);
      }
      case 'scaledNormal': // N(0, gain²/fanIn): the gain is the knob for "too large" initialisations
        return (rng.normal() * g) / Math.sqrt(fanIn);
    }
  };
  return Float32Array.from({ length: size }, () => roundNumber(draw(), spec.precision));
}

/** A variable that owns its values; the initialiser tensor is disposed (tf.variable copies it). */
export function makeVariable(name: string, shape: number[], values: Float32Array): NamedVariable {
  const init = tf.tensor(values, shape, 'float32');
  const variable = tf.variable(init, true);
  init.dispose();
  return { name, variable };
}

/** A kernel and a bias for a layer; PyTorch's Linear also draws its bias, the others start it at 0. */
export function kernelAndBias(
  spec: InitSpec,
  layer: string,
  kernelShape: number[],
  fanIn: number,
  fanOut: number,
  units = kernelShape[kernelShape.length - 1]!,
): NamedVariable[] {
  const size = kernelShape.reduce((a, b) => a * b, 1);
  const kernel = makeVariable(`${layer}/kernel`, kernelShape, initValues(spec, `${layer}/kernel`, size, fanIn, fanOut));
  const biasValues = spec.kind === 'torchLinear' ? initValues(spec, `${layer}/bias`, units, fanIn, fanOut) : new Float32Array(units);
  return [kernel, makeVariable(`${layer}/bias`, [units], biasValues)];
}
