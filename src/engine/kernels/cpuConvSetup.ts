/**
 * What the three convolution kernels check before their fast path: two float32 operands held as
 * typed arrays, and the convolution's geometry in NHWC. Anything else goes to the stock kernel.
 */
import * as tf from '@tensorflow/tfjs';
import type { CpuBackendData, KernelArgs } from './cpuBackendData';

type Shape4 = [number, number, number, number];

/** The attributes tfjs's conv2d and both of its gradients carry. */
interface ConvAttrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

export interface ConvSetup {
  backend: CpuBackendData;
  /** The values of the two operands, in the order asked for. */
  a: Float32Array;
  b: Float32Array;
  info: tf.backend_util.Conv2DInfo;
}

/**
 * The operands `names` of a convolution kernel's call and its geometry for input shape `xShape`
 * and filter shape `filterShape` (each a shape, or the name of the operand that has it); null
 * where the stock kernel must run: an operand not float32 or not a Float32Array (complex), NCHW.
 */
export function convSetup(
  args: KernelArgs,
  names: [string, string],
  xShape: number[],
  filterShape: number[],
  dilations: number | [number, number],
): ConvSetup | null {
  const backend = args.backend as unknown as CpuBackendData;
  const values = names.map((n) => {
    const t = args.inputs[n];
    const v = t?.dtype === 'float32' ? backend.data.get(t.dataId).values : undefined;
    return v instanceof Float32Array ? v : null;
  });
  const [a, b] = values;
  if (!a || !b || xShape.length !== 4 || filterShape.length !== 4) return null;
  const attrs = args.attrs as unknown as ConvAttrs;
  const info = tf.backend_util.computeConv2DInfo(
    xShape as Shape4,
    filterShape as Shape4,
    attrs.strides,
    dilations,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    tf.backend_util.convertConv2DDataFormat(attrs.dataFormat),
  );
  return info.dataFormat === 'channelsLast' ? { backend, a, b, info } : null;
}

/**
 * The kernels work on blocks of four channels, held in local variables. For a block with only
 * `count` real channels, the offsets of its lanes 1–3: a missing lane re-reads the last real
 * channel (a valid index) and its sum is not stored.
 */
export function laneOffsets(count: number): [number, number, number] {
  return [Math.min(1, count - 1), Math.min(2, count - 1), Math.min(3, count - 1)];
}
