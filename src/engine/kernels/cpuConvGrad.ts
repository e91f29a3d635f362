/**
 * The convolution's gradients for the cpu backend, bit for bit the stock kernels' results.
 * Conv2DBackpropFilter (weights): the stock kernel reads both operands of every multiply-add
 * through TensorBuffer.get(), which checks and folds four indices per call: that was 91 % of a
 * cpu U-Net step. Ours indexes the flat typed arrays and keeps 4 × 4 channels' sums in local
 * variables, so each loaded value serves four products. Conv2DBackpropInput (inputs): the stock
 * kernel is flat already; ours computes four input channels per pass, so each dy value is loaded
 * once for four sums instead of once per sum. Both sum in float64 (the stock kernels' JS number),
 * each output's terms in the stock order, rounded to float32 once, on the store.
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelArgs } from './cpuBackendData';
import { convSetup, laneOffsets } from './cpuConvSetup';

/** The fast path; null where the stock kernel must run (NCHW, non-float32 or complex inputs). */
function backpropFilter(args: KernelArgs): tf.TensorInfo | null {
  const { x } = args.inputs as { x?: tf.TensorInfo };
  const { filterShape } = args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  // No dilations: the stock kernel has none either, and tfjs's conv2d gradient refuses them.
  const setup = x ? convSetup(args, ['x', 'dy'], x.shape, filterShape, 1) : null;
  if (!setup) return null;
  const { backend, a: xv, b: dyv, info: convInfo } = setup;
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, strideHeight, strideWidth, filterHeight, filterWidth } = convInfo;
  const topPad = convInfo.padInfo.top;
  const leftPad = convInfo.padInfo.left;
  const xRowStride = inWidth * inChannels;
  const xBatchStride = inHeight * xRowStride;
  const dyRowStride = outWidth * outChannels;
  const dyBatchStride = outHeight * dyRowStride;
  const tap = inChannels * outChannels;
  const dW = new Float32Array(filterHeight * filterWidth * tap);
  for (let wR = 0; wR < filterHeight; ++wR) {
    // The bounds are the stock kernel's expressions, fractional upper bounds included.
    const yRMin = Math.max(0, Math.ceil((topPad - wR) / strideHeight));
    const yRMax = Math.min(outHeight, (inHeight + topPad - wR) / strideHeight);
    for (let wC = 0; wC < filterWidth; ++wC) {
      const yCMin = Math.max(0, Math.ceil((leftPad - wC) / strideWidth));
      const yCMax = Math.min(outWidth, (inWidth + leftPad - wC) / strideWidth);
      const tapOffset = (wR * filterWidth + wC) * tap;
      // A block of 4 input × 4 output channels (fewer real ones at the edge: laneOffsets) is 16
      // sums held in locals over all positions, each receiving its terms in the stock order (b, yR, yC).
      for (let d1 = 0; d1 < inChannels; d1 += 4) {
        const n1 = Math.min(4, inChannels - d1);
        const [x1, x2, x3] = laneOffsets(n1);
        for (let d2 = 0; d2 < outChannels; d2 += 4) {
          const n2 = Math.min(4, outChannels - d2);
          const [g1, g2, g3] = laneOffsets(n2);
          let a00 = 0,
            a01 = 0,
            a02 = 0,
            a03 = 0,
            a10 = 0,
            a11 = 0,
            a12 = 0,
            a13 = 0;
          let a20 = 0,
            a21 = 0,
            a22 = 0,
            a23 = 0,
            a30 = 0,
            a31 = 0,
            a32 = 0,
            a33 = 0;
          for (let b = 0; b < batchSize; ++b) {
            for (let yR = yRMin; yR < yRMax; ++yR) {
              const xR = wR + yR * strideHeight - topPad;
              for (let yC = yCMin; yC < yCMax; ++yC) {
                const xC = wC + yC * strideWidth - leftPad;
                const xo = b * xBatchStride + xR * xRowStride + xC * inChannels + d1;
                const go = b * dyBatchStride + yR * dyRowStride + yC * outChannels + d2;
                const v0 = xv[xo]!;
                const v1 = xv[xo + x1]!;
                const v2 = xv[xo + x2]!;
                const v3 = xv[xo + x3]!;
                const q0 = dyv[go]!;
                const q1 = dyv[go + g1]!;
                const q2 = dyv[go + g2]!;
                const q3 = dyv[go + g3]!;
                a00 += v0 * q0;
                a01 += v0 * q1;
                a02 += v0 * q2;
                a03 += v0 * q3;
                a10 += v1 * q0;
                a11 += v1 * q1;
                a12 += v1 * q2;
                a13 += v1 * q3;
                a20 += v2 * q0;
                a21 += v2 * q1;
                a22 += v2 * q2;
                a23 += v2 * q3;
                a30 += v3 * q0;
                a31 += v3 * q1;
                a32 += v3 * q2;
                a33 += v3 * q3;
              }
            }
          }
          // float64 → float32 on the store, round to nearest, as TensorBuffer.set does.
          const sums = [a00, a01, a02, a03, a10, a11, a12, a13, a20, a21, a22, a23, a30, a31, a32, a33];
          for (let i = 0; i < n1; ++i) for (let j = 0; j < n2; ++j) dW[tapOffset + (d1 + i) * outChannels + d2 + j] = sums[i * 4 + j]!;
        }
      }
    }
  }
  return backend.makeTensorInfo(convInfo.filterShape, 'float32', dW);
}

/** The fast path; null where the stock kernel must run (NCHW, non-float32 or complex inputs). */
function backpropInput(args: KernelArgs): tf.TensorInfo | null {
  const { filter } = args.inputs as { filter?: tf.TensorInfo };
  const { inputShape } = args.attrs as unknown as tf.Conv2DBackpropInputAttrs;
  const setup = filter ? convSetup(args, ['dy', 'filter'], inputShape, filter.shape, 1) : null;
  if (!setup) return null;
  const { backend, a: dyv, b: fv, info } = setup;
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, strideHeight, strideWidth, filterHeight, filterWidth } = info;
  const topPad = filterHeight - 1 - info.padInfo.top;
  const leftPad = filterWidth - 1 - info.padInfo.left;
  const dyRowStride = outWidth * outChannels;
  const dyBatchStride = outHeight * dyRowStride;
  const fColStride = inChannels * outChannels;
  const fRowStride = filterWidth * fColStride;
  const dx = new Float32Array(batchSize * inHeight * inWidth * inChannels);
  for (let b = 0; b < batchSize; ++b) {
    for (let xR = 0; xR < inHeight; ++xR) {
      // The bounds are the stock kernel's expressions, fractional upper bounds included.
      const xRCorner = xR - topPad;
      const xRMin = Math.max(0, Math.ceil(xRCorner / strideHeight));
      const yRMax = Math.min(outHeight, (filterHeight + xRCorner) / strideHeight);
      for (let xC = 0; xC < inWidth; ++xC) {
        const xCCorner = xC - leftPad;
        const xCMin = Math.max(0, Math.ceil(xCCorner / strideWidth));
        const yCMax = Math.min(outWidth, (filterWidth + xCCorner) / strideWidth);
        const dxOffset = ((b * inHeight + xR) * inWidth + xC) * inChannels;
        for (let d1 = 0; d1 < inChannels; d1 += 4) {
          // Four input channels (fewer real ones at the edge: laneOffsets), outChannels apart in the filter.
          const n = Math.min(4, inChannels - d1);
          const [l1, l2, l3] = laneOffsets(n);
          const o1 = l1 * outChannels;
          const o2 = l2 * outChannels;
          const o3 = l3 * outChannels;
          let a0 = 0;
          let a1 = 0;
          let a2 = 0;
          let a3 = 0;
          for (let yR = xRMin; yR < yRMax; ++yR) {
            const wR = yR * strideHeight - xRCorner;
            for (let yC = xCMin; yC < yCMax; ++yC) {
              const wC = yC * strideWidth - xCCorner;
              const dyOffset = b * dyBatchStride + yR * dyRowStride + yC * outChannels;
              const f = fRowStride * (filterHeight - 1 - wR) + fColStride * (filterWidth - 1 - wC) + outChannels * d1;
              for (let d2 = 0; d2 < outChannels; ++d2) {
                const pixel = dyv[dyOffset + d2]!;
                a0 += pixel * fv[f + d2]!;
                a1 += pixel * fv[f + o1 + d2]!;
                a2 += pixel * fv[f + o2 + d2]!;
                a3 += pixel * fv[f + o3 + d2]!;
              }
            }
          }
          dx[dxOffset + d1] = a0;
          if (n > 1) dx[dxOffset + d1 + 1] = a1;
          if (n > 2) dx[dxOffset + d1 + 2] = a2;
          if (n > 3) dx[dxOffset + d1 + 3] = a3;
        }
      }
    }
  }
  return backend.makeTensorInfo(info.inShape, 'float32', dx);
}

/** The four-channel Conv2DBackpropInput; anything it does not cover runs on `stock`, the kernel it replaces. */
export function conv2DBackpropInputKernel(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => backpropInput(args) ?? stock(args);
}

/** The flat Conv2DBackpropFilter; anything it does not cover runs on `stock`, the kernel it replaces. */
export function conv2DBackpropFilterKernel(stock: tf.KernelFunc): tf.KernelFunc {
  return (args) => backpropFilter(args) ?? stock(args);
}
