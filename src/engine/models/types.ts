/** What every model offers the trainer: named parameters, named layers and a watched forward pass. */
import type * as tf from '@tensorflow/tfjs';
import type { Rounder } from '../precision';
import type { Phase } from '../records';

/** A trainable tensor with its stable human name ("enc/dense1/kernel"). */
export interface NamedVariable {
  name: string;
  variable: tf.Variable;
}

/** Handed to a forward pass: rounding to the simulated precision and the sentinel's watch hook. */
export interface ForwardContext {
  round: Rounder;
  /** Record a quantity for the sentinel, in computation order (also callable from a custom backward). */
  watch(quantity: string, phase: Phase, t: tf.Tensor): void;
}

/** One batch: inputs, and the row indices (the predictions model gathers its own rows). */
export interface Batch {
  x: tf.Tensor;
  rows: tf.Tensor1D | null;
}

/** One layer as the network diagram shows it (networkFlow.ts). */
export interface LayerSummary {
  /** As in `layers`. */
  name: string;
  /** Units of a dense layer, channels of a convolution. */
  units: number;
  /** What the layer computes after its product, in words: an activation ("tanh", "linear") or an op ("conv 3×3 + relu"). */
  detail: string;
  /** The U-Net's decoder convolutions: the encoder layer whose output they concatenate (the skip connection). */
  skipFrom?: string;
}

export interface Model {
  params: NamedVariable[];
  /** Layer names in forward order; activationMax in step records is keyed by these. */
  layers: string[];
  /** The same layers in the same order, described for the network diagram. */
  summary: LayerSummary[];
  /** 'logits' outputs go through a sigmoid before a probability loss (naive BCE). */
  output: 'logits' | 'values';
  forward(batch: Batch, ctx: ForwardContext): tf.Tensor;
}
