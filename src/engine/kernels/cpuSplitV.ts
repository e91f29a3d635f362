/**
 * SplitV for the cpu backend. The stock kernel slices each piece, and a slice that is not one
 * contiguous run (any split along the last axis: the gradient of the U-Net's skip concatenation)
 * is copied element by element through indexToLoc() and TensorBuffer.get()/set(). This one copies
 * the piece's contiguous runs with flat offsets; a contiguous piece is the same subarray view the
 * stock kernel returns. Values are copied as JS numbers, as the stock kernel copies them.
 */
import * as tf from '@tensorflow/tfjs';
import { typedValues, type CpuBackendData, type KernelArgs } from './cpuBackendData';

/** The fast path; null where the stock kernel must run (strings, complex). */
function splitV(args: KernelArgs): tf.TensorInfo[] | null {
  const { x } = args.inputs as { x: tf.TensorInfo };
  const attrs = args.attrs as unknown as tf.SplitVAttrs;
  const backend = args.backend as unknown as CpuBackendData;
  if (x.dtype === 'string' || x.dtype === 'complex64') return null;
  const values = typedValues(backend, x);
  if (!values) return null;
  const axis = tf.util.parseAxisParam(attrs.axis, x.shape)[0]!;
  const sizes = tf.backend_util.prepareSplitSize(x as tf.Tensor, attrs.numOrSizeSplits, axis);
  const shape = x.shape;
  const strides = tf.util.computeStrides(shape);
  // x as [outer, shape[axis], inner]: a piece is `outer` runs of (its size × inner) values.
  const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const axisLength = shape[axis]!;
  const begin = new Array<number>(shape.length).fill(0);
  return sizes.map((s) => {
    const size = [...shape];
    size[axis] = s;
    let out: tf.TypedArray;
    if (tf.slice_util.isSliceContinous(shape, begin, size)) {
      // The stock slice's view: the same offset and length (and the same shared buffer).
      const offset = tf.slice_util.computeFlatOffset(begin, strides);
      out = values.subarray(offset, offset + tf.util.sizeFromShape(size));
    } else {
      const run = s * inner;
      out = tf.util.getArrayFromDType(x.dtype, outer * run) as tf.TypedArray;
      const start = begin[axis]! * inner;
      for (let o = 0; o < outer; ++o) {
        const from = o * axisLength * inner + start;
        const to = o * run;
        for (let i = 0; i < run; ++i) out[to + i] = values[from + i]!;
      }
    }
    begin[axis]! += s;
    return backend.makeTensorInfo(size, x.dtype, out);
  });
}

/** The flat SplitV; anything it does not cover runs on `stock`, the kernel it replaces. */
export function splitVKernel(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => splitV(args) ?? stock(args);
}
