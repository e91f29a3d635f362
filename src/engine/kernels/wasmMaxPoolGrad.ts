/**
 * The max-pool gradient (MaxPoolGrad) for tfjs's wasm backend, in place of its own. tfjs-backend-wasm
 * 4.22 starts its search for each window's maximum at FLT_MIN (the smallest positive float) rather
 * than at −Inf, with position 0: a window whose values are all ≤ 0 sends its gradient to element 0
 * of the input, or nowhere, and of equal maxima it keeps the last where cpu keeps the first:
 *
 * | window | tfjs-backend-wasm | cpu, and this kernel |
 * |---|---|---|
 * | −0.58, −0.61, −0.23, −0.94 | to element 0 of the input, or lost | to −0.23 |
 * | 1, 1 (a saturated tanh) | to the last 1 | to the first 1 |
 * | NaN only, −Inf only | – | gradient lost (no position is greater than −Inf) |
 *
 * With tanh, elu, leaky relu or a linear activation before the pool, the U-Net's encoder gradients
 * were wrong on wasm. This one follows the cpu kernel: the first position strictly greater than
 * every earlier one takes the gradient, sums in double, stored as float32.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

function maxPoolGrad(args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }): tf.TensorInfo {
  const backend = args.backend as BackendWasm;
  const { dy, input } = args.inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
  const a = args.attrs as unknown as tf.MaxPoolGradAttrs;
  if (input.dtype !== 'float32' || dy.dtype !== 'float32')
    throw new Error(`MaxPoolGrad on wasm: dtype ${input.dtype}/${dy.dtype} is not supported (only float32)`);
  const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], a.filterSize, a.strides, 1, a.pad, a.dimRoundingMode);
  const { batchSize, inHeight: h, inWidth: w, inChannels: c, outHeight: ho, outWidth: wo, strideHeight: sh, strideWidth: sw } = info;
  const { effectiveFilterHeight: fh, effectiveFilterWidth: fw, padInfo } = info;
  const out = backend.makeOutput(input.shape, 'float32');
  // Views on the wasm heap, taken after the output's allocation (which can grow the heap).
  const xv = backend.typedArrayFromHeap(input) as Float32Array;
  const dyv = backend.typedArrayFromHeap(dy) as Float32Array;
  const sums = new Float64Array(xv.length);
  for (let b = 0; b < batchSize; b++) {
    for (let yr = 0; yr < ho; yr++) {
      const r0 = yr * sh - padInfo.top;
      for (let yc = 0; yc < wo; yc++) {
        const c0 = yc * sw - padInfo.left;
        for (let d = 0; d < c; d++) {
          let max = -Infinity;
          let at = -1;
          for (let r = Math.max(0, r0); r < Math.min(h, r0 + fh); r++) {
            for (let col = Math.max(0, c0); col < Math.min(w, c0 + fw); col++) {
              const p = ((b * h + r) * w + col) * c + d;
              if (xv[p]! > max) {
                max = xv[p]!;
                at = p;
              }
            }
          }
          if (at >= 0) sums[at] = sums[at]! + dyv[((b * ho + yr) * wo + yc) * c + d]!;
        }
      }
    }
  }
  (backend.typedArrayFromHeap(out) as Float32Array).set(sums);
  return out;
}

const ours = { kernelName: tf.MaxPoolGrad, backendName: 'wasm', kernelFunc: maxPoolGrad };

/** Put this MaxPoolGrad in place of tfjs-backend-wasm's; calling it again does nothing. */
export function registerWasmMaxPoolGrad(): void {
  if (tf.getKernel(tf.MaxPoolGrad, 'wasm')?.kernelFunc === maxPoolGrad) return;
  // registerKernel over an existing entry warns: take the stock one out first.
  if (tf.getKernel(tf.MaxPoolGrad, 'wasm')) tf.unregisterKernel(tf.MaxPoolGrad, 'wasm');
  tf.registerKernel(ours);
}
